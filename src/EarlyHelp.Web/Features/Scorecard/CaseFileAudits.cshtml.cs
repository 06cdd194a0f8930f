using EarlyHelp.Core.Casework;
using EarlyHelp.Core.Scorecard;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Scorecard;

/// <summary>
/// Multi-agency case file audits of a family's episodes, for managers and auditors: the audits so far, and the
/// form to record one. Part of the family's record: access is decided by <see cref="CaseAccess"/> by family id,
/// and every read and change is written to the audit log before the page runs, as on every family page.
/// </summary>
[Authorize(Roles = $"{Roles.Manager},{Roles.Auditor}")]
public sealed class CaseFileAuditsModel(EarlyHelpDbContext db, CaseAccess access, AuditLog auditLog, TimeProvider clock) : PageModel
{
    [FromRoute(Name = "id")]
    public Guid FamilyId { get; set; }

    [BindProperty]
    public CaseFileAuditInput Input { get; set; } = new();

    public Family Family { get; private set; } = null!;

    public IReadOnlyList<CaseFileAudit> Audits { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Episodes { get; private set; } = [];

    public static IReadOnlyList<SelectListItem> Grades { get; } =
        [.. Enum.GetValues<AuditGrade>().Select(g => new SelectListItem(CaseFileAudit.Describe(g), g.ToString()))];

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var reading = HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method);
        var family = await access.CanSeeAsync(User, FamilyId)
            ? await db.Families.AsNoTracking().Include(f => f.Episodes).AsSingleQuery().SingleOrDefaultAsync(f => f.Id == FamilyId)
            : null;
        await auditLog.WriteAsync(HttpContext, FamilyId, family is null ? "refused" : reading ? "read" : "change");
        if (family is null)
        {
            context.Result = Forbid();
            return;
        }

        Family = family;
        Episodes = [.. family.Episodes.OrderByDescending(e => e.Number).Select(e => new SelectListItem(
            $"Episode {e.Number}: received {CaseworkText.Date(e.ReceivedOn)}{(e.ClosedOn is { } closed ? $", closed {CaseworkText.Date(closed)}" : ", open")}",
            e.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        // A family has a handful of audits: ordered here, as SQLite cannot order by a DateTimeOffset.
        Audits = [.. (await db.CaseFileAudits.AsNoTracking().Where(a => a.FamilyId == FamilyId).ToListAsync()).OrderByDescending(a => a.AuditedOn).ThenByDescending(a => a.RecordedAt)];
        await next();
    }

    public string EpisodeNumberOf(Guid episodeId) => Family.Episodes.FirstOrDefault(e => e.Id == episodeId)?.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public void OnGet()
    {
        Input.EpisodeNumber = Family.Episodes.Count == 1 ? Family.Episodes[0].Number : null;
        Input.Auditor = User.FindFirst(System.Security.Claims.ClaimTypes.GivenName)?.Value;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var episode = Family.Episodes.FirstOrDefault(e => e.Number == Input.EpisodeNumber);
        if (Input.EpisodeNumber is not null && episode is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.EpisodeNumber)}", "Select an episode of this family");
        }
        else if (episode is not null && Input.AuditedOn is { } on && on < episode.ReceivedOn)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.AuditedOn)}", $"Date of the audit must be on or after {CaseworkText.Date(episode.ReceivedOn)}, when the enquiry was received");
        }

        if (!ModelState.IsValid || episode is null)
        {
            return Page();
        }

        db.CaseFileAudits.Add(new CaseFileAudit
        {
            FamilyId = FamilyId,
            EpisodeId = episode.Id,
            RecordedById = CaseAccess.UserId(User) ?? "",
            Auditor = Input.Auditor!.Trim(),
            AuditedOn = Input.AuditedOn!.Value,
            AgenciesInvolved = Input.AgenciesInvolved!.Trim(),
            Grade = Input.Grade!.Value,
            AssessmentFindings = Input.AssessmentFindings!.Trim(),
            FamilyPlanFindings = Input.FamilyPlanFindings!.Trim(),
            MultiAgencyFindings = Input.MultiAgencyFindings!.Trim(),
            OutcomesFindings = Input.OutcomesFindings!.Trim(),
            Actions = Input.Actions!.Trim(),
            RecordedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Case file audit of episode {episode.Number} saved: {CaseFileAudit.Describe(Input.Grade!.Value).ToLowerInvariant()}";
        return RedirectToPage();
    }
}
