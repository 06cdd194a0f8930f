using EarlyHelp.Core.Outcomes;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Families;

/// <summary>
/// Whether the family can be claimed for under payment by results: each of the claim principles (seed 001) met
/// or not, from the same engine verdict the overview shows, and the date it becomes claimable.
/// </summary>
public sealed class ClaimModel(EarlyHelpDbContext db, CaseAccess access, TimeProvider clock, Engine engine, FamilyVerdicts verdicts) : FamilyPage(db, access, clock)
{
    public override string Section => "claim";

    public Verdict? Verdict { get; private set; }

    public Core.Frameworks.Framework? Framework { get; private set; }

    public sealed record Principle(string Name, IReadOnlyList<Blocker> Blockers);

    /// <summary>The claim principles in the order a practitioner meets them, each with what stands in its way.</summary>
    public IReadOnlyList<Principle> Principles { get; private set; } = [];

    /// <summary>A payment-by-results claim this family is in (a rejected line does not count).</summary>
    public sealed record ClaimedIn(Guid ClaimId, string WindowName, string Programme, Core.Claims.ClaimLineState State, DateOnly ClaimedOn, int EpisodeNumber);

    /// <summary>The claims the family is in: a family is claimed for at most once under each programme.</summary>
    public IReadOnlyList<ClaimedIn> Claims { get; private set; } = [];

    protected override async Task<IActionResult?> PrepareAsync()
    {
        if (Episode is null)
        {
            return NotFound();
        }

        Claims = await Db.ClaimLines.AsNoTracking()
            .Where(l => l.FamilyId == Family.Id && l.State != Core.Claims.ClaimLineState.Rejected)
            .Join(Db.Episodes, l => l.EpisodeId, e => e.Id, (l, e) => new ClaimedIn(l.ClaimId, l.WindowName, l.Programme, l.State, l.ClaimedOn, e.Number))
            .ToListAsync();

        await Db.Entry(Episode).Collection(e => e.Needs).LoadAsync();
        await Db.Entry(Episode).Collection(e => e.Evidence).LoadAsync();
        Framework = engine.Frameworks.TryGet(Episode.FrameworkId, out var framework) ? framework : null;
        (Verdict, _) = await verdicts.EvaluateAsync(Family, Episode);
        return null;
    }

    public void OnGet()
    {
        if (Verdict is null)
        {
            return;
        }

        var required = Verdict.Eligibility.Required;
        var months = Framework?.SustainmentMonths ?? 6;
        (string Name, string[] Codes)[] principles =
        [
            ($"Needs in at least {required} headline outcomes", [BlockerCodes.TooFewHeadlineOutcomes]),
            ("A lead practitioner", [BlockerCodes.NoLeadPractitioner]),
            ("A whole-family assessment", [BlockerCodes.NoWholeFamilyAssessment]),
            ("A Family Plan agreed with the family", [BlockerCodes.NoFamilyPlan]),
            ("The family received support", [BlockerCodes.NoSupportReceived]),
            ("The episode is closed", [BlockerCodes.EpisodeOpen]),
            ("Every need's outcome achieved", [BlockerCodes.NeedNotMet, BlockerCodes.NeedPending]),
            ($"Outcomes sustained for {months} months after closure", [BlockerCodes.SustainmentPeriod]),
        ];
        Principles = [.. principles.Select(p => new Principle(p.Name, [.. Verdict.Claim.Blockers.Where(b => p.Codes.Contains(b.Code))]))];
    }

    public string NeedSummary(string code) => Framework?.SummaryOf(code) ?? code;
}
