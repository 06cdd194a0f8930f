using EarlyHelp.Core.Casework;
using EarlyHelp.Core.Outcomes;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Episode = EarlyHelp.Core.Casework.Episode;

namespace EarlyHelp.Web.Features.Claims;

/// <summary>
/// The families a claim can be made for now, those that become claimable soon and what must hold until then,
/// and those blocked, with what blocks them: selected and paged by the stored claim status, explained by the engine.
/// </summary>
[Authorize(Roles = $"{Roles.Analyst},{Roles.Auditor},{Roles.Manager}")]
public sealed class IndexModel(EarlyHelpDbContext db, CaseAccess access, Engine engine, ClaimDesk desk) : PageModel
{
    public const int PageSize = 25;

    public static readonly IReadOnlyDictionary<string, string> Lists = new Dictionary<string, string>
    {
        ["claimable"] = "Claimable now",
        ["soon"] = "Becomes claimable",
        ["blocked"] = "Blocked",
    };

    [BindProperty(SupportsGet = true)]
    public string Show { get; set; } = "claimable";

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public int Total => Counts.GetValueOrDefault(Show);

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public sealed record Row(Guid FamilyId, string Reference, string? Team, DateOnly? ClaimableOn, DateOnly? ClosedOn, Verdict? Verdict);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public DateOnly Today => desk.Today;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Lists.ContainsKey(Show))
        {
            return NotFound();
        }

        var today = desk.Today;
        var claimed = desk.ClaimedFamilies();
        var visible = access.VisibleEpisodes(User);
        var unclaimed = visible.Where(e => !claimed.Contains(e.FamilyId));
        var lists = new Dictionary<string, IQueryable<Episode>>
        {
            ["claimable"] = ClaimDesk.ClaimableNow(unclaimed, today),
            ["soon"] = unclaimed.Where(e => e.ClaimStatus == ClaimStatus.Pending && (e.ClaimableOn == null || e.ClaimableOn > today)),
            ["blocked"] = visible.Where(e => e.ClaimStatus == ClaimStatus.NotClaimable && e.Stage == EpisodeStage.Closed),
        };
        var counts = new Dictionary<string, int>();
        foreach (var (key, query) in lists)
        {
            counts[key] = await query.CountAsync();
        }

        Counts = counts;
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var page = await lists[Show]
            .OrderBy(e => e.ClaimableOn == null).ThenBy(e => e.ClaimableOn).ThenBy(e => e.FamilyId)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(e => e.Id)
            .ToListAsync();

        var episodes = await db.Episodes.AsNoTracking().Where(e => page.Contains(e.Id)).Include(e => e.Needs).Include(e => e.Evidence).AsSplitQuery().ToListAsync();
        var familyIds = episodes.Select(e => e.FamilyId).ToList();
        var families = await db.Families.AsNoTracking().Where(f => familyIds.Contains(f.Id)).Include(f => f.Members).ToDictionaryAsync(f => f.Id);
        var leadIds = episodes.Select(e => e.LeadPractitionerId).OfType<string>().Distinct().ToList();
        var leads = await db.Users.Where(u => leadIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name);
        Rows = [.. page.Select(id => episodes.Single(e => e.Id == id)).Select(e =>
        {
            var family = families[e.FamilyId];
            var verdict = FamilyVerdicts.Evaluate(family, e, e.LeadPractitionerId is { } lead ? leads.GetValueOrDefault(lead) : null, engine, today);
            return new Row(family.Id, family.Reference, e.TeamId is { } team ? teams.GetValueOrDefault(team) : null, verdict?.Claim.EarliestDate ?? e.ClaimableOn, e.ClosedOn, verdict);
        })];
        return Page();
    }

    public string HeadlineName(string code) => desk.HeadlineName(code);

    public string Link(string? show = null, int? page = null) => $"/claims?show={show ?? Show}{(page is > 1 ? $"&page={page}" : "")}";

    public string NeedSummary(string frameworkId, string code) =>
        engine.Frameworks.TryGet(frameworkId, out var framework) ? framework.SummaryOf(code) : code;

    /// <summary>The blockers of a verdict, those about one need under it and the rest under the family as a whole.</summary>
    public static IEnumerable<IGrouping<string?, Blocker>> BlockersByNeed(Verdict verdict) =>
        verdict.Claim.Blockers.GroupBy(b => b.Need is null ? null : $"{b.Need}\u0000{b.Member}").OrderBy(g => g.Key is not null);
}
