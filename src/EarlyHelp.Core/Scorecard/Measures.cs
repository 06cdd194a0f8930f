using System.Globalization;
using EarlyHelp.Core.Casework;

namespace EarlyHelp.Core.Scorecard;

public enum MeasureGroup
{
    Process,
    Outcome,
    Quality,
}

public enum MeasureUnit
{
    WorkingDays,
    Percent,
    RatePer10000,
    Families,
}

/// <summary>
/// A figure for one period: the value (rounded to one decimal place), how many things it was worked out from, and
/// of how many where it is a share. Value is null when there was nothing to measure, with a note saying why.
/// </summary>
public sealed record MeasureResult(decimal? Value, int Counted, int? OutOf, string? Note = null)
{
    public static MeasureResult Nothing(string note) => new(null, 0, null, note);

    public static MeasureResult Average(IReadOnlyCollection<int> values, string nothing) =>
        values.Count == 0 ? Nothing(nothing) : new(Round((decimal)values.Sum() / values.Count), values.Count, null);

    public static MeasureResult Share(int counted, int outOf, string nothing) =>
        outOf == 0 ? Nothing(nothing) : new(Round(100m * counted / outOf), counted, outOf);

    public static decimal Round(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}

/// <summary>
/// One measure of the performance scorecard (seed 003, Appendix 2). Each is one class, so that a measure which
/// needs other data (a claims measure) is one class more in <see cref="ScorecardMeasures.All"/>.
/// </summary>
public interface IScorecardMeasure
{
    /// <summary>The scorecard's own number, e.g. "3.1a".</summary>
    string Code { get; }

    string Title { get; }

    MeasureGroup Group { get; }

    MeasureUnit Unit { get; }

    /// <summary>Exactly what is counted, in plain English, as the page shows it.</summary>
    string Definition { get; }

    /// <summary>Whether a higher figure is better, for reading the trend; null where neither is.</summary>
    bool? HigherIsBetter { get; }

    MeasureResult Measure(ScorecardData data, Period period, Guid? team);
}

public static class ScorecardMeasures
{
    public static readonly IReadOnlyList<IScorecardMeasure> All =
    [
        new EnquiryToAllocation(),
        new AllocationToAssessmentStart(),
        new AssessmentStartToCompletion(),
        new AssessmentToTeamAroundTheFamily(),
        new FamiliesEligible(),
        new FamiliesEngaged(),
        new ChildrenReceivingEarlyHelpRate(),
        new ReReferrals(),
        new StepUpsPreviouslyHelped(),
        new StepDownsReceivingEarlyHelp(),
        new LevelOfNeedReduced(),
        new SupportingFamiliesClaims(),
        new AuditsGoodOrBetter(),
    ];

    public static IScorecardMeasure? Find(string code) => All.FirstOrDefault(m => m.Code == code);
}

/// <summary>3.1a Average working days from enquiry to allocation.</summary>
public sealed class EnquiryToAllocation : IScorecardMeasure
{
    public string Code => "3.1a";

    public string Title => "Average working days from enquiry to allocation";

    public MeasureGroup Group => MeasureGroup.Process;

    public MeasureUnit Unit => MeasureUnit.WorkingDays;

    public bool? HigherIsBetter => false;

    public string Definition =>
        "For each family allocated to a lead practitioner in the period, the working days from the day the enquiry was received to the day of allocation, averaged. " +
        "Working days are Monday to Friday less England and Wales bank holidays, counted after the first day up to and including the second: allocation the next working day is 1.";

    public MeasureResult Measure(ScorecardData data, Period period, Guid? team) => MeasureResult.Average(
        [.. data.EpisodesOf(team).Where(e => period.Contains(e.AllocatedOn)).Select(e => data.WorkingDays.Between(e.ReceivedOn, e.AllocatedOn!.Value))],
        "No families were allocated in this period");
}

/// <summary>3.1b Average working days from allocation to start of the Early Help Assessment.</summary>
public sealed class AllocationToAssessmentStart : IScorecardMeasure
{
    public string Code => "3.1b";

    public string Title => "Average working days from allocation to the start of the Early Help Assessment";

    public MeasureGroup Group => MeasureGroup.Process;

    public MeasureUnit Unit => MeasureUnit.WorkingDays;

    public bool? HigherIsBetter => false;

    public string Definition =>
        "For each Early Help Assessment started in the period, the working days from allocation to the day the assessment started, averaged.";

    public MeasureResult Measure(ScorecardData data, Period period, Guid? team) => MeasureResult.Average(
        [.. data.EpisodesOf(team).Where(e => period.Contains(e.AssessmentStartedOn) && e.AllocatedOn is not null)
            .Select(e => data.WorkingDays.Between(e.AllocatedOn!.Value, e.AssessmentStartedOn!.Value))],
        "No assessments were started in this period");
}

/// <summary>3.1c Average working days from start of the EHA to the completed EHA including the draft Family Action Plan.</summary>
public sealed class AssessmentStartToCompletion : IScorecardMeasure
{
    public string Code => "3.1c";

    public string Title => "Average working days from the start of the Early Help Assessment to the completed assessment with a draft family plan";

    public MeasureGroup Group => MeasureGroup.Process;

    public MeasureUnit Unit => MeasureUnit.WorkingDays;

    public bool? HigherIsBetter => false;

    public string Definition =>
        "For each Early Help Assessment completed in the period, the working days from the day it started to the day it was completed, averaged. " +
        "The assessment is completed with the draft family plan, so its completion date is the end of this step.";

    public MeasureResult Measure(ScorecardData data, Period period, Guid? team) => MeasureResult.Average(
        [.. data.EpisodesOf(team).Where(e => period.Contains(e.AssessmentCompletedOn) && e.AssessmentStartedOn is not null)
            .Select(e => data.WorkingDays.Between(e.AssessmentStartedOn!.Value, e.AssessmentCompletedOn!.Value))],
        "No assessments were completed in this period");
}

/// <summary>3.1d Average working days from the completed EHA to the Team Around the Family meeting.</summary>
public sealed class AssessmentToTeamAroundTheFamily : IScorecardMeasure
{
    public string Code => "3.1d";

    public string Title => "Average working days from the completed Early Help Assessment to the first Team Around the Family meeting";

    public MeasureGroup Group => MeasureGroup.Process;

    public MeasureUnit Unit => MeasureUnit.WorkingDays;

    public bool? HigherIsBetter => false;

    public string Definition =>
        "For each family whose first Team Around the Family meeting after the completed assessment was held in the period, the working days from completion to that meeting, averaged. " +
        "Meetings held before the assessment was completed are not counted.";

    public MeasureResult Measure(ScorecardData data, Period period, Guid? team)
    {
        var days = new List<int>();
        foreach (var episode in data.EpisodesOf(team))
        {
            if (episode.AssessmentCompletedOn is { } completed
                && episode.TeamAroundTheFamilyMeetings.Where(m => m >= completed).Order().FirstOrDefault() is var first
                && first != default && period.Contains(first))
            {
                days.Add(data.WorkingDays.Between(completed, first));
            }
        }

        return MeasureResult.Average(days, "No first Team Around the Family meetings were held in this period");
    }
}

/// <summary>3.2a Number of families eligible through the Supporting Families programme: identified and eligible.</summary>
public sealed class FamiliesEligible : IScorecardMeasure
{
    public string Code => "3.2a";

    public string Title => "Families identified and eligible for the Supporting Families programme";

    public MeasureGroup Group => MeasureGroup.Process;

    public MeasureUnit Unit => MeasureUnit.Families;

    public bool? HigherIsBetter => null;

    public string Definition =>
        "Families with an episode open at any time in the period whose recorded needs meet their outcome framework's eligibility rule (needs from at least the framework's number of headline outcomes). " +
        "Each family is counted once.";

    public MeasureResult Measure(ScorecardData data, Period period, Guid? team)
    {
        var families = data.EpisodesOf(team).Where(e => e.OpenDuring(period) && e.EligibleForSupportingFamilies).Select(e => e.FamilyId).Distinct().Count();
        return new MeasureResult(families, families, null);
    }
}

/// <summary>3.2b Number of families eligible through the Supporting Families programme: engaged with.</summary>
public sealed class FamiliesEngaged : IScorecardMeasure
{
    public string Code => "3.2b";

    public string Title => "Eligible families engaged with";

    public MeasureGroup Group => MeasureGroup.Process;

    public MeasureUnit Unit => MeasureUnit.Families;

    public bool? HigherIsBetter => true;

    public string Definition =>
        "Of the eligible families (3.2a), those who agreed to early help and were allocated to a lead practitioner by the end of the period. " +
        "Each family is counted once.";

    public MeasureResult Measure(ScorecardData data, Period period, Guid? team)
    {
        var eligible = data.EpisodesOf(team).Where(e => e.OpenDuring(period) && e.EligibleForSupportingFamilies).ToList();
        var engaged = eligible.Where(e => e.FamilyAgreesToEarlyHelp && e.AllocatedOn <= period.To).Select(e => e.FamilyId).Distinct().Count();
        return new MeasureResult(engaged, engaged, eligible.Select(e => e.FamilyId).Distinct().Count());
    }
}

/// <summary>2.1 Rate of children receiving a multi-service early help support, per 10,000 population.</summary>
public sealed class ChildrenReceivingEarlyHelpRate : IScorecardMeasure
{
    public const string PopulationSetting = "EarlyHelp:Scorecard:ChildPopulation";

    public string Code => "2.1";

    public string Title => "Rate of children receiving multi-agency early help, per 10,000 children";

    public MeasureGroup Group => MeasureGroup.Outcome;

    public MeasureUnit Unit => MeasureUnit.RatePer10000;

    public bool? HigherIsBetter => null;

    public string Definition =>
        "Children under 18 at some time in the period, in families allocated for an Early Help Assessment and open at some time in the period, per 10,000 children living in the area. " +
        "Families given single agency support or information and advice are not counted. Each child is counted once. " +
        "The child population is set by the council (" + PopulationSetting + "); filtered by team, the rate is still per 10,000 children in the whole area.";

    public MeasureResult Measure(ScorecardData data, Period period, Guid? team)
    {
        if (data.ChildPopulation is not { } population || population <= 0)
        {
            return MeasureResult.Nothing($"The child population is not set: set {PopulationSetting}");
        }

        var children = data.EpisodesOf(team)
            .Where(e => e.ReceivingEarlyHelpDuring(period) && e.Decision is null or FrontDoorDecision.EarlyHelpAssessment)
            .GroupBy(e => e.FamilyId)
            .Sum(family => family.First().MemberBirthDates.Count(born => born <= period.To && born.AddYears(18) > period.From));
        return new MeasureResult(MeasureResult.Round(10_000m * children / population), children, population);
    }
}

/// <summary>2.2 % re-referrals for early help services.</summary>
public sealed class ReReferrals : IScorecardMeasure
{
    public string Code => "2.2";

    public string Title => "Re-referrals within 12 months";

    public MeasureGroup Group => MeasureGroup.Outcome;

    public MeasureUnit Unit => MeasureUnit.Percent;

    public bool? HigherIsBetter => false;

    public string Definition =>
        "Of the enquiries received in the period, the percentage for families whose previous episode closed in the 12 months before the enquiry (on or after the same date a year earlier). " +
        "Filtered by team, enquiries not yet allocated to a team are not counted.";

    public MeasureResult Measure(ScorecardData data, Period period, Guid? team)
    {
        var enquiries = data.EpisodesOf(team).Where(e => period.Contains(e.ReceivedOn)).ToList();
        var again = enquiries.Count(e => data.FamilyEpisodes(e.FamilyId).Any(earlier =>
            earlier.EpisodeId != e.EpisodeId && earlier.ClosedOn is { } closed && closed <= e.ReceivedOn && closed >= e.ReceivedOn.AddYears(-1)));
        return MeasureResult.Share(again, enquiries.Count, "No enquiries were received in this period");
    }
}

/// <summary>2.3 % of social care referrals previously receiving early help support.</summary>
public sealed class StepUpsPreviouslyHelped : IScorecardMeasure
{
    public string Code => "2.3";

    public string Title => "Referrals to children's social care (step ups) previously receiving early help";

    public MeasureGroup Group => MeasureGroup.Outcome;

    public MeasureUnit Unit => MeasureUnit.Percent;

    public bool? HigherIsBetter => true;

    public string Definition =>
        "Of the families stepped up to children's social care in the period (episodes closed as a step up, at the front door or later), the percentage who had been receiving early help: " +
        "the episode stepped up had been allocated to a lead practitioner, or an earlier episode of the family had been allocated and closed in the 12 months before.";

    public MeasureResult Measure(ScorecardData data, Period period, Guid? team)
    {
        var stepUps = data.EpisodesOf(team).Where(e => e.ClosureReason == ClosureReason.StepUpToSocialCare && period.Contains(e.ClosedOn)).ToList();
        var helped = stepUps.Count(e => e.AllocatedOn is not null || data.FamilyEpisodes(e.FamilyId).Any(earlier =>
            earlier.EpisodeId != e.EpisodeId && earlier.AllocatedOn is not null && earlier.ClosedOn is { } closed
            && closed <= e.ClosedOn && closed >= e.ClosedOn!.Value.AddYears(-1)));
        return MeasureResult.Share(helped, stepUps.Count, "No families were stepped up to children's social care in this period");
    }
}

/// <summary>2.4 % of cases closed to children's social care receiving early help support.</summary>
public sealed class StepDownsReceivingEarlyHelp : IScorecardMeasure
{
    public string Code => "2.4";

    public string Title => "Cases closed to children's social care (step downs) receiving early help";

    public MeasureGroup Group => MeasureGroup.Outcome;

    public MeasureUnit Unit => MeasureUnit.Percent;

    public bool? HigherIsBetter => true;

    public string Definition =>
        "Of the enquiries received in the period for families stepped down from children's social care, the percentage allocated to a lead practitioner for early help. " +
        "The system does not record whether social care closed the case after its assessment or after its intervention, so the two are not shown apart.";

    public MeasureResult Measure(ScorecardData data, Period period, Guid? team)
    {
        var stepDowns = data.EpisodesOf(team).Where(e => e.SteppedDownFromSocialCare && period.Contains(e.ReceivedOn)).ToList();
        return MeasureResult.Share(stepDowns.Count(e => e.AllocatedOn is not null), stepDowns.Count, "No families were stepped down from children's social care in this period");
    }
}

/// <summary>1.3 Improvement in family resilience: a decrease in the level of need between allocation and closure.</summary>
public sealed class LevelOfNeedReduced : IScorecardMeasure
{
    public string Code => "1.3";

    public string Title => "Families whose level of need fell between allocation and closure";

    public MeasureGroup Group => MeasureGroup.Outcome;

    public MeasureUnit Unit => MeasureUnit.Percent;

    public bool? HigherIsBetter => true;

    public string Definition =>
        "Of the episodes closed in the period with a level of need recorded at both allocation and closure (1 universal to 4 specialist), the percentage whose level at closure was lower. " +
        "The note gives the average change in levels, negative where need fell.";

    public MeasureResult Measure(ScorecardData data, Period period, Guid? team)
    {
        var closed = data.EpisodesOf(team)
            .Where(e => period.Contains(e.ClosedOn) && e.LevelOfNeedAtStart is not null && e.LevelOfNeedAtClosure is not null)
            .Select(e => e.LevelOfNeedAtClosure!.Value - e.LevelOfNeedAtStart!.Value)
            .ToList();
        var share = MeasureResult.Share(closed.Count(change => change < 0), closed.Count, "No episodes with both levels of need were closed in this period");
        return closed.Count == 0 ? share : share with { Note = string.Create(CultureInfo.InvariantCulture, $"Average change {MeasureResult.Round((decimal)closed.Sum() / closed.Count):+0.0;-0.0;0.0} levels") };
    }
}

/// <summary>4.5 Quality of practice evidenced through audits judged good or better.</summary>
public sealed class AuditsGoodOrBetter : IScorecardMeasure
{
    public string Code => "4.5";

    public string Title => "Multi-agency case file audits judged good or better";

    public MeasureGroup Group => MeasureGroup.Quality;

    public MeasureUnit Unit => MeasureUnit.Percent;

    public bool? HigherIsBetter => true;

    public string Definition =>
        "Of the multi-agency case file audits carried out in the period, the percentage graded outstanding or good. " +
        "Filtered by team, the audits of that team's episodes.";

    public MeasureResult Measure(ScorecardData data, Period period, Guid? team)
    {
        var audits = data.Audits.Where(a => period.Contains(a.AuditedOn) && (team is null || a.TeamId == team)).ToList();
        return MeasureResult.Share(audits.Count(a => CaseFileAudit.GoodOrBetter(a.Grade)), audits.Count, "No case file audits were carried out in this period");
    }
}

/// <summary>2.8 Number of Stronger Families: claim made (the Supporting Families programme's results claims).</summary>
public sealed class SupportingFamiliesClaims : IScorecardMeasure
{
    public string Code => "2.8";

    public string Title => "Families claimed for under the Supporting Families programme";

    public MeasureGroup Group => MeasureGroup.Outcome;

    public MeasureUnit Unit => MeasureUnit.Families;

    public bool? HigherIsBetter => true;

    public string Definition =>
        "Families in payment-by-results claims submitted in the period, counted on the day the claim was submitted. " +
        "Families the auditor rejected, and claims still being built or audited, are not counted. " +
        "Filtered by team, the families whose claimed episode that team held.";

    public MeasureResult Measure(ScorecardData data, Period period, Guid? team)
    {
        var families = data.Claims.Where(c => period.Contains(c.SubmittedOn) && (team is null || c.TeamId == team)).Select(c => c.FamilyId).Distinct().Count();
        return new MeasureResult(families, families, null);
    }
}
