using EarlyHelp.Core.Outcomes;
using EarlyHelp.Data;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Families;

/// <summary>The family at a glance, with the outcomes engine's live verdict on the current episode.</summary>
public sealed class OverviewModel(EarlyHelpDbContext db, CaseAccess access, TimeProvider clock, Engine engine, FamilyVerdicts verdicts) : FamilyPage(db, access, clock)
{
    public override string Section => "overview";

    public Verdict? Verdict { get; private set; }

    public string? LeadPractitioner { get; private set; }

    public string? TeamName { get; private set; }

    public Core.Frameworks.Framework? Framework { get; private set; }

    public async Task OnGetAsync()
    {
        if (Episode is null)
        {
            return;
        }

        await Db.Entry(Episode).Collection(e => e.Needs).LoadAsync();
        await Db.Entry(Episode).Collection(e => e.Evidence).LoadAsync();
        TeamName = await Db.Teams.Where(t => t.Id == Episode.TeamId).Select(t => t.Name).SingleOrDefaultAsync();
        (Verdict, LeadPractitioner) = await verdicts.EvaluateAsync(Family, Episode);
        Framework = engine.Frameworks.TryGet(Episode.FrameworkId, out var framework) ? framework : null;
    }

    public string NeedSummary(string code) => Framework?.SummaryOf(code) ?? code;
}
