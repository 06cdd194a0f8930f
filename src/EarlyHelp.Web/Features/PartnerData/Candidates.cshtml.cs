using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using EarlyHelp.Identification;
using EarlyHelp.Web.Features.Enquiries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.PartnerData;

/// <summary>
/// Families the identification engine finds in the imported partner data today, with its reasons. A coordinator opens
/// an enquiry from one with one button; a family already known is marked and links to its record.
/// </summary>
[Authorize(Roles = $"{Roles.Manager},{Roles.Analyst}")]
public sealed class CandidatesModel(EarlyHelpDbContext db, CandidateList candidates, TimeProvider clock, EnquiryDesk desk, Engine engine) : PageModel
{
    public const string Source = "Supporting Families identification";

    public sealed record Row(Candidate Candidate, Guid? FamilyId, string? Reference, bool Open);

    public CandidateRun Run { get; private set; } = null!;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public PageLinks Paging { get; private set; } = null!;

    [FromQuery(Name = "eligible")]
    public bool EligibleOnly { get; set; }

    public bool CanOpen => User.IsInRole(Roles.Manager);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1)
    {
        Run = await candidates.RunAsync(db, Today, HttpContext.RequestAborted);
        var shown = Run.Result.Candidates.Where(c => !EligibleOnly || c.Eligible).ToList();
        Total = shown.Count;
        var pages = PageLinks.Count(Total);
        pageNumber = Math.Clamp(pageNumber, 1, pages);
        Paging = new PageLinks(pageNumber, pages, n => $"/partner-data/candidates?page={n}{(EligibleOnly ? "&eligible=true" : "")}", "Pages of candidate families");
        var page = shown.Skip((pageNumber - 1) * PageLinks.Size).Take(PageLinks.Size).ToList();
        var ids = page.Select(c => c.FamilyId).ToList();
        var known = await db.Families.Where(f => f.PartnerFamilyId != null && ids.Contains(f.PartnerFamilyId))
            .Select(f => new { f.Id, f.Reference, f.PartnerFamilyId, Open = f.Episodes.Any(e => e.Stage != EpisodeStage.Closed) })
            .ToDictionaryAsync(f => f.PartnerFamilyId!, HttpContext.RequestAborted);
        Rows = [.. page.Select(c => known.TryGetValue(c.FamilyId, out var f) ? new Row(c, f.Id, f.Reference, f.Open) : new Row(c, null, null, false))];
    }

    /// <summary>Opens an enquiry for a candidate: the family (new, or known before) with its members from people.csv, and the needs found.</summary>
    public async Task<IActionResult> OnPostOpenAsync(string familyId)
    {
        if (!User.IsInRole(Roles.Manager))
        {
            return Forbid();
        }

        var run = await candidates.RunAsync(db, Today, HttpContext.RequestAborted);
        var candidate = run.Result.Candidates.FirstOrDefault(c => c.FamilyId == familyId);
        if (candidate is null)
        {
            TempData["Problem"] = $"{familyId} is no longer a candidate in the partner data";
            return Redirect("/partner-data/candidates");
        }

        var family = await db.Families.Include(f => f.Episodes).Include(f => f.Members).SingleOrDefaultAsync(f => f.PartnerFamilyId == familyId);
        if (family?.CurrentEpisode is not null)
        {
            return Redirect($"/families/{family.Id}");
        }

        var isNew = family is null;
        family ??= new Family { Reference = "", PartnerFamilyId = familyId };
        var linked = family.Members.Where(m => m.PersonId != null).Select(m => m.PersonId!).ToHashSet(StringComparer.Ordinal);
        var people = await db.PartnerPeople.Where(p => p.FamilyId == familyId).OrderBy(p => p.DateOfBirth).ToListAsync();
        foreach (var person in people.Where(p => !linked.Contains(p.PersonId)))
        {
            var member = new FamilyMember
            {
                FamilyId = family.Id,
                PersonId = person.PersonId,
                GivenName = "Not known",
                FamilyName = $"({person.PersonId})",
                DateOfBirth = person.DateOfBirth,
                Relationship = Age(person.DateOfBirth) < 18 ? "Child" : "Adult",
            };
            if (isNew)
            {
                family.Members.Add(member);
            }
            else
            {
                db.Members.Add(member);
            }
        }

        var framework = engine.Frameworks.Get(EnquiryDesk.Framework);
        try
        {
            var (saved, _) = await desk.ReceiveAsync(HttpContext, family, isNew, (f, today) => new Episode
            {
                FamilyId = f.Id,
                Number = f.Episodes.Count == 0 ? 1 : f.Episodes.Max(e => e.Number) + 1,
                Stage = EpisodeStage.Enquiry,
                FrameworkId = EnquiryDesk.Framework,
                ReceivedOn = today,
                EnquirySource = Source,
                EnquiryReason = candidate.Reasons.Length <= 4000 ? candidate.Reasons : candidate.Reasons[..3997] + "...",
                LawfulBasis = LawfulBasis.PublicTask,
                Needs = [.. candidate.Needs.Where(framework.Needs.ContainsKey).Select(code => new EpisodeNeed { Code = code, IdentifiedOn = today })],
            });
            TempData["Notice"] = $"Enquiry for {saved.Reference} opened from the partner data";
            return Redirect($"/families/{saved.Id}");
        }
        catch (DbUpdateException)
        {
            // Someone opened it at the same moment: theirs stands.
            db.ChangeTracker.Clear();
            var theirs = await db.Families.Where(f => f.PartnerFamilyId == familyId).Select(f => (Guid?)f.Id).SingleOrDefaultAsync();
            return theirs is { } id ? Redirect($"/families/{id}") : throw new InvalidOperationException($"could not open an enquiry for {familyId}");
        }
    }

    private int Age(DateOnly born)
    {
        var today = Today;
        var years = today.Year - born.Year;
        return born > today.AddYears(-years) ? years - 1 : years;
    }
}
