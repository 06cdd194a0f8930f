using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.YourPlan;

/// <summary>
/// The Family Plan as the family reads it, once a shared link's access code was right: what the family is working
/// on, the actions, the services they were referred to, the next review and who their lead practitioner is.
/// Nothing else from the record; every reading is audited.
/// </summary>
public sealed class IndexModel(PlanSharing sharing, EarlyHelpDbContext db, Engine engine, AuditLog audit) : PageModel
{
    public sealed record NeedActions(string Need, IReadOnlyList<PlanAction> Actions);

    /// <summary>Null when no link was opened, or its time or the link itself has ended.</summary>
    public Episode? Episode { get; private set; }

    public string SharedWith { get; private set; } = "";

    public string? Lead { get; private set; }

    public IReadOnlyList<string> Needs { get; private set; } = [];

    public IReadOnlyList<NeedActions> Actions { get; private set; } = [];

    public IReadOnlyList<Core.ServiceDirectory.ServiceReferral> Referrals { get; private set; } = [];

    public DateOnly? NextReview { get; private set; }

    public async Task OnGetAsync()
    {
        Response.Headers.CacheControl = "no-store";
        if (await sharing.FromCookieAsync(Request.Cookies[PlanSharing.CookieName]) is not { } share)
        {
            return;
        }

        var family = await db.Families.AsNoTracking().Include(f => f.Members).SingleAsync(f => f.Id == share.FamilyId);
        var episode = await db.Episodes.AsNoTracking().Include(e => e.Needs).Include(e => e.Actions).AsSplitQuery().SingleAsync(e => e.Id == share.EpisodeId);
        var framework = engine.Frameworks.TryGet(episode.FrameworkId, out var f) ? f : null;
        string Member(Guid? id) => family.Members.FirstOrDefault(m => m.Id == id)?.GivenName is { } name ? $" ({name})" : "";
        string NeedText(string code) => framework?.SummaryOf(code) ?? code;

        Episode = episode;
        SharedWith = family.Members.FirstOrDefault(m => m.Id == share.MemberId)?.FullName ?? "";
        Lead = await db.Users.Where(u => u.Id == episode.LeadPractitionerId).Select(u => $"{u.DisplayName}, {u.Agency}").SingleOrDefaultAsync();
        Needs = [.. episode.Needs.OrderBy(n => n.IdentifiedOn).Select(n => NeedText(n.Code) + Member(n.MemberId)).Distinct()];
        Actions = [.. episode.Actions
            .GroupBy(a => a.NeedCode)
            .OrderBy(g => g.Key is null ? 1 : 0)
            .Select(g => new NeedActions(g.Key is { } code ? NeedText(code) : "The whole family", [.. g.OrderBy(a => a.CompletedOn is not null).ThenBy(a => a.DueOn)]))];
        Referrals = await db.ServiceReferrals.AsNoTracking().Where(r => r.EpisodeId == episode.Id).OrderBy(r => r.ReferredOn).ToListAsync();
        NextReview = episode.Stage == EpisodeStage.Closed
            ? null
            : await db.Meetings.Where(m => m.EpisodeId == episode.Id).OrderByDescending(m => m.HeldOn).Select(m => m.NextReviewOn).FirstOrDefaultAsync();

        await audit.WriteAsync(HttpContext, share.FamilyId, "read", PlanSharing.AuditUser(share));
    }

    /// <summary>Leaves the plan on this device: the reading cookie goes, and the link and code are needed again.</summary>
    public IActionResult OnPostLeave()
    {
        Response.Cookies.Delete(PlanSharing.CookieName, new CookieOptions { Path = "/your-plan" });
        TempData["Notice"] = "You have left your family plan on this device";
        return Redirect("/your-plan");
    }
}
