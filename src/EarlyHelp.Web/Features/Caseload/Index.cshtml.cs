using EarlyHelp.Core.Casework;
using EarlyHelp.Core.Outcomes;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Caseload;

/// <summary>
/// A practitioner's or a team's cases: filtered, sorted and paged on the server, so it works without
/// JavaScript and stays fast with tens of thousands of families.
/// </summary>
public sealed class IndexModel(EarlyHelpDbContext db, CaseAccess access, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    public static readonly IReadOnlyDictionary<string, string> Sorts = new Dictionary<string, string>
    {
        ["reference"] = "Family",
        ["received"] = "Received",
        ["stage"] = "Stage",
        ["review"] = "Next review",
        ["lead"] = "Lead practitioner",
    };

    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Team { get; set; }

    /// <summary>"mine" (the user's own cases) or "all" that the user may see.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    /// <summary>One of <see cref="ClaimFilters"/>' keys: the engine's claim status, as stored when the record last changed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Claim { get; set; }

    public static readonly IReadOnlyDictionary<string, string> ClaimFilters = new Dictionary<string, string>
    {
        ["claimable"] = "Claimable now",
        ["soon"] = "Becomes claimable",
        ["not-claimable"] = "Not claimable",
    };

    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "received";

    [BindProperty(SupportsGet = true)]
    public bool Descending { get; set; } = true;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<Team> Teams { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public sealed record Row(Guid FamilyId, string Reference, string Name, EpisodeStage Stage, DateOnly ReceivedOn, string? Lead, string? Team, DateOnly? NextReview, bool ReviewOverdue, string Claim);

    public async Task OnGetAsync()
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        Teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync();
        var userId = CaseAccess.UserId(User);
        var today = Today;

        // The latest episode of each family the user may see.
        var episodes = access.VisibleEpisodes(User).Where(e => !db.Episodes.Any(later => later.FamilyId == e.FamilyId && later.Number > e.Number));
        if (Show == "mine" || (Show is null && User.IsInRole(Roles.Practitioner)))
        {
            Show = "mine";
            episodes = episodes.Where(e => e.LeadPractitionerId == userId || e.TeamAroundTheFamily.Any(m => m.UserId == userId));
        }

        if (Enum.TryParse<EpisodeStage>(Stage, ignoreCase: true, out var stage))
        {
            episodes = episodes.Where(e => e.Stage == stage);
        }

        if (Team is { } team)
        {
            episodes = episodes.Where(e => e.TeamId == team);
        }

        // A pending family whose date has come is claimable now, without waiting for its record to change.
        episodes = Claim switch
        {
            "claimable" => episodes.Where(e => e.ClaimStatus == ClaimStatus.Claimable || (e.ClaimStatus == ClaimStatus.Pending && e.ClaimableOn <= today)),
            "soon" => episodes.Where(e => e.ClaimStatus == ClaimStatus.Pending && (e.ClaimableOn == null || e.ClaimableOn > today)),
            "not-claimable" => episodes.Where(e => e.ClaimStatus == ClaimStatus.NotClaimable),
            _ => episodes,
        };

        var rows =
            from e in episodes
            join f in db.Families on e.FamilyId equals f.Id
            let nextReview = e.Meetings.OrderByDescending(m => m.HeldOn).Select(m => m.NextReviewOn).FirstOrDefault()
            select new
            {
                e.FamilyId,
                f.Reference,
                Name = f.Members.OrderBy(m => m.DateOfBirth).Select(m => m.FamilyName).FirstOrDefault(),
                e.Stage,
                e.ReceivedOn,
                Lead = db.Users.Where(u => u.Id == e.LeadPractitionerId).Select(u => u.DisplayName).FirstOrDefault(),
                Team = db.Teams.Where(t => t.Id == e.TeamId).Select(t => t.Name).FirstOrDefault(),
                NextReview = nextReview,
                e.ClaimStatus,
                e.ClaimableOn,
            };
        if (Overdue)
        {
            // ReviewSchedule.IsOverdue, written out so the database can filter by it.
            rows = rows.Where(r => r.Stage != EpisodeStage.Closed && r.NextReview != null && r.NextReview < today);
        }

        rows = (Sort, Descending) switch
        {
            ("reference", false) => rows.OrderBy(r => r.Reference),
            ("reference", true) => rows.OrderByDescending(r => r.Reference),
            ("stage", false) => rows.OrderBy(r => r.Stage).ThenBy(r => r.Reference),
            ("stage", true) => rows.OrderByDescending(r => r.Stage).ThenBy(r => r.Reference),
            ("review", false) => rows.OrderBy(r => r.NextReview == null).ThenBy(r => r.NextReview).ThenBy(r => r.Reference),
            ("review", true) => rows.OrderByDescending(r => r.NextReview).ThenBy(r => r.Reference),
            ("lead", false) => rows.OrderBy(r => r.Lead).ThenBy(r => r.Reference),
            ("lead", true) => rows.OrderByDescending(r => r.Lead).ThenBy(r => r.Reference),
            (_, false) => rows.OrderBy(r => r.ReceivedOn).ThenBy(r => r.Reference),
            _ => rows.OrderByDescending(r => r.ReceivedOn).ThenBy(r => r.Reference),
        };

        // Counting needs neither the family's row nor the columns shown, unless it is the next review that filters.
        Total = Overdue ? await rows.CountAsync() : await episodes.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var page = await rows.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
        Rows = [.. page.Select(r => new Row(r.FamilyId, r.Reference, r.Name ?? "", r.Stage, r.ReceivedOn, r.Lead, r.Team, r.NextReview,
            ReviewSchedule.IsOverdue(r.Stage, r.NextReview, today), ClaimText(r.ClaimStatus, r.ClaimableOn, today)))];
    }

    /// <summary>A link to this list with some settings changed and the rest kept.</summary>
    public string Link(string? sort = null, bool? descending = null, int? page = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["show"] = Show,
            ["stage"] = Stage,
            ["team"] = Team?.ToString(),
            ["overdue"] = Overdue ? "true" : null,
            ["claim"] = Claim,
            ["sort"] = sort ?? Sort,
            ["descending"] = (descending ?? Descending) ? "true" : "false",
            ["page"] = (page ?? PageNumber).ToString(),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/caseload", query.Where(p => !string.IsNullOrEmpty(p.Value))!);
    }

    private static string ClaimText(ClaimStatus? status, DateOnly? on, DateOnly today) => status switch
    {
        ClaimStatus.Claimable => "Claimable",
        ClaimStatus.Pending when on <= today => "Claimable",
        ClaimStatus.Pending when on is { } date => $"From {date:d MMM yyyy}",
        ClaimStatus.Pending => "Pending",
        ClaimStatus.NotClaimable => "Not claimable",
        _ => "",
    };

    public static string StageName(EpisodeStage stage) => stage switch
    {
        EpisodeStage.Enquiry => "Enquiry",
        EpisodeStage.Allocated => "Allocated",
        EpisodeStage.Assessment => "Assessment",
        EpisodeStage.Plan => "Family plan",
        _ => "Closed",
    };
}
