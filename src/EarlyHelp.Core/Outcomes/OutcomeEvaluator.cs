using EarlyHelp.Core.Calendar;
using EarlyHelp.Core.Frameworks;
using EarlyHelp.Core.Outcomes.Measures;

namespace EarlyHelp.Core.Outcomes;

/// <summary>
/// Judges a case file against its framework: which headline outcomes its needs span, each need's outcome,
/// and whether the family can be claimed for. The web pages, the HTTP API and the CLI all call this.
/// </summary>
public sealed class OutcomeEvaluator(FrameworkCatalog frameworks, SchoolCalendar calendar)
{
    public FrameworkCatalog Frameworks => frameworks;

    /// <summary>Evaluates a case file that <see cref="CaseFileReader"/> has already validated.</summary>
    public Verdict Evaluate(CaseFile file)
    {
        var framework = frameworks.Get(file.Framework);
        var facts = new CaseFacts(file, calendar);
        var needs = file.Needs.Select(n => EvaluateNeed(facts, n, framework, frameworks.Instruments)).ToList();

        var headlines = file.Needs
            .Select(n => framework.Needs[n.Code].HeadlineCode)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var eligibility = new Eligibility(headlines, framework.MinimumHeadlineOutcomes);
        var taf = framework.TeamAroundTheFamilyMinimum is { } minimum
            ? new TeamAroundTheFamily(headlines.Count >= minimum, headlines.Count, minimum)
            : null;

        return new Verdict(file.Framework, file.AsOf, file.FamilyId, eligibility, needs, Claim(facts, framework, eligibility, needs), taf);
    }

    private static NeedVerdict EvaluateNeed(CaseFacts facts, NeedRecord need, Framework framework, InstrumentCatalog instruments)
    {
        var definition = framework.Needs[need.Code];
        var context = new NeedContext(facts, need, definition, framework, instruments);
        var result = definition.Criteria.Evaluate(context);
        var reasons = result.Reasons.Count > 0 ? result.Reasons : ["Nothing recorded shows this outcome."];
        return new NeedVerdict(
            need.Code,
            need.Member,
            definition.HeadlineCode,
            result.Status,
            result.Status == OutcomeStatus.Met ? result.Date : null,
            result.Status == OutcomeStatus.Pending ? result.Date : null,
            reasons);
    }

    private static ClaimVerdict Claim(CaseFacts facts, Framework framework, Eligibility eligibility, IReadOnlyList<NeedVerdict> needs)
    {
        var episode = facts.Episode;
        var blockers = new List<Blocker>();
        if (eligibility.HeadlineOutcomes.Count < eligibility.Required)
        {
            var spanned = eligibility.HeadlineOutcomes.Count == 0 ? "no headline outcomes" : $"{eligibility.HeadlineOutcomes.Count} headline outcome{(eligibility.HeadlineOutcomes.Count == 1 ? "" : "s")} ({string.Join(", ", eligibility.HeadlineOutcomes)})";
            blockers.Add(new(BlockerCodes.TooFewHeadlineOutcomes, null, $"The family's needs span {spanned}; at least {eligibility.Required} are needed."));
        }

        if (string.IsNullOrWhiteSpace(episode.LeadPractitioner))
        {
            blockers.Add(new(BlockerCodes.NoLeadPractitioner, null, "No lead practitioner is recorded."));
        }

        if (episode.WholeFamilyAssessment is null)
        {
            blockers.Add(new(BlockerCodes.NoWholeFamilyAssessment, null, "No whole family assessment is recorded."));
        }

        if (episode.FamilyPlan is null)
        {
            blockers.Add(new(BlockerCodes.NoFamilyPlan, null, "No family plan (action plan) is recorded."));
        }

        if (!episode.SupportReceived)
        {
            blockers.Add(new(BlockerCodes.NoSupportReceived, null, "The family is not recorded as having received support."));
        }

        DateOnly? sustainedOn = null;
        if (episode.Closed is not { } closed)
        {
            blockers.Add(new(BlockerCodes.EpisodeOpen, null, "The episode is not closed: outcomes are judged after closure."));
        }
        else
        {
            sustainedOn = closed.AddMonths(framework.SustainmentMonths);
            if (facts.AsOf < sustainedOn)
            {
                blockers.Add(new(BlockerCodes.SustainmentPeriod, null, $"Closed on {closed:yyyy-MM-dd}: outcomes must be sustained for {Window.Months(framework.SustainmentMonths)} after closure, until {sustainedOn:yyyy-MM-dd}."));
            }
        }

        foreach (var need in needs)
        {
            var who = need.Member is null ? need.Code : $"{need.Code} ({need.Member})";
            if (need.Status == OutcomeStatus.NotMet)
            {
                blockers.Add(new(BlockerCodes.NeedNotMet, need.Code, $"{who} is not met: {need.Reasons[0]}", need.Member));
            }
            else if (need.Status == OutcomeStatus.Pending)
            {
                var until = need.ExpectedOn is { } d ? $" until {d:yyyy-MM-dd}" : "";
                blockers.Add(new(BlockerCodes.NeedPending, need.Code, $"{who} must be sustained{until}: {need.Reasons[0]}", need.Member));
            }
        }

        var waiting = blockers.All(b => b.Code is BlockerCodes.SustainmentPeriod or BlockerCodes.NeedPending);
        var status = blockers.Count == 0 ? ClaimStatus.Claimable : waiting ? ClaimStatus.Pending : ClaimStatus.NotClaimable;
        DateOnly? earliest = null;
        if (status != ClaimStatus.NotClaimable && needs.All(n => n.Status == OutcomeStatus.Met || n.ExpectedOn is not null))
        {
            earliest = needs.Select(n => n.MetOn ?? n.ExpectedOn).Append(sustainedOn).Max();
        }

        return new ClaimVerdict(status, earliest, blockers);
    }
}
