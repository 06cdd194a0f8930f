using EarlyHelp.Core.Casework;
using EarlyHelp.Core.Frameworks;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Families.Plan;

/// <summary>The base of the Family Plan's pages: the current episode with its needs and actions.</summary>
public abstract class PlanPage(EarlyHelpDbContext db, CaseAccess access, TimeProvider clock, Engine engine) : FamilyPage(db, access, clock)
{
    public override string Section => "plan";

    public Framework? Framework { get; private set; }

    public Episode Planned => Episode!;

    /// <summary>A plan changes while the episode is open.</summary>
    public bool CanEdit => CanChange && Planned.Stage != EpisodeStage.Closed;

    public string PlanPath => $"/families/{FamilyId}/plan";

    /// <summary>The directory service each referral action names, by the action's id.</summary>
    public IReadOnlyDictionary<Guid, Core.ServiceDirectory.ServiceReferral> Referrals { get; private set; } = new Dictionary<Guid, Core.ServiceDirectory.ServiceReferral>();

    protected override async Task<IActionResult?> PrepareAsync()
    {
        if (Episode is null)
        {
            return NotFound();
        }

        Framework = engine.Frameworks.TryGet(Episode.FrameworkId, out var framework) ? framework : null;
        await Db.Entry(Episode).Collection(e => e.Needs).LoadAsync();
        await Db.Entry(Episode).Collection(e => e.Actions).LoadAsync();
        Referrals = await Db.ServiceReferrals.AsNoTracking().Where(r => r.EpisodeId == Episode.Id).ToDictionaryAsync(r => r.PlanActionId);
        return HttpMethods.IsGet(Request.Method) || CanEdit ? null : Forbid();
    }

    public string NeedText(string? code, Guid? member = null)
    {
        if (code is null)
        {
            return "The whole family";
        }

        var summary = Framework?.SummaryOf(code) ?? code;
        var name = Family.Members.FirstOrDefault(m => m.Id == member)?.FullName;
        return name is null ? summary : $"{summary} ({name})";
    }

    /// <summary>An action is overdue when its date has passed and it is not done.</summary>
    public bool Overdue(PlanAction action) => action.CompletedOn is null && action.DueOn < Today;
}
