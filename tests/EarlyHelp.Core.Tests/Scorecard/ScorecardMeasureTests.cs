using EarlyHelp.Core.Calendar;
using EarlyHelp.Core.Casework;
using EarlyHelp.Core.Scorecard;

namespace EarlyHelp.Core.Tests.Scorecard;

/// <summary>Each scorecard measure over episodes with known dates, checked against figures worked out by hand.</summary>
public class ScorecardMeasureTests
{
    private static readonly Guid North = Guid.NewGuid();
    private static readonly Guid South = Guid.NewGuid();

    /// <summary>Q1 2024-25: 1 April to 30 June 2024.</summary>
    private static readonly Period Q1 = new Quarter(2024, 1).Period;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static EpisodeFacts Episode(string received, Guid? team = null, Guid? family = null) => new()
    {
        EpisodeId = Guid.NewGuid(),
        FamilyId = family ?? Guid.NewGuid(),
        TeamId = team ?? North,
        ReceivedOn = D(received),
        FamilyAgreesToEarlyHelp = true,
    };

    private static ScorecardData Data(IReadOnlyList<EpisodeFacts> episodes, IReadOnlyList<AuditFacts>? audits = null, int? population = null, IReadOnlyList<ClaimFacts>? claims = null) =>
        new(episodes, audits ?? [], population, WorkingDays.EnglandAndWales, claims);

    [Fact]
    public void Financial_quarters_run_April_to_March()
    {
        Assert.Equal(new Quarter(2023, 4), Quarter.Containing(D("2024-03-31")));
        Assert.Equal(new Quarter(2024, 1), Quarter.Containing(D("2024-04-01")));
        Assert.Equal(new Quarter(2024, 3), Quarter.Containing(D("2024-12-31")));
        Assert.Equal(D("2024-10-01"), new Quarter(2024, 3).From);
        Assert.Equal(D("2025-03-31"), new Quarter(2024, 4).To);
        Assert.Equal("Q4 2023-24", new Quarter(2023, 4).Label);
        Assert.Equal("January to March 2024", new Quarter(2023, 4).Months);
        Assert.Equal(
            [new Quarter(2023, 3), new Quarter(2023, 4), new Quarter(2024, 1), new Quarter(2024, 2)],
            Quarter.RunEndingWith(new Quarter(2024, 2), 4));
    }

    [Fact]
    public void Enquiry_to_allocation_counts_working_days_across_Easter_and_by_the_quarter_of_allocation()
    {
        var episodes = new[]
        {
            // Thursday before Good Friday to the Tuesday after Easter Monday: 1 working day.
            Episode("2024-03-28") with { AllocatedOn = D("2024-04-02") },
            // Monday to the next Monday: 5 working days.
            Episode("2024-06-03") with { AllocatedOn = D("2024-06-10") },
            // Allocated on 31 March: the previous quarter, not counted in Q1.
            Episode("2024-03-25") with { AllocatedOn = D("2024-03-31") },
            // Received in Q1, allocated on 1 July: Q2.
            Episode("2024-06-28") with { AllocatedOn = D("2024-07-01") },
            Episode("2024-05-01"),
        };
        var data = Data(episodes);

        var q1 = new EnquiryToAllocation().Measure(data, Q1, null);
        Assert.Equal(3.0m, q1.Value);
        Assert.Equal(2, q1.Counted);

        // The previous quarter: Monday 25 to Sunday 31 March 2024 is 3 working days (Good Friday is not one).
        Assert.Equal(3.0m, new EnquiryToAllocation().Measure(data, new Quarter(2023, 4).Period, null).Value);
        Assert.Equal(1.0m, new EnquiryToAllocation().Measure(data, new Quarter(2024, 2).Period, null).Value);
        Assert.Null(new EnquiryToAllocation().Measure(data, new Quarter(2024, 3).Period, null).Value);
    }

    [Fact]
    public void The_assessment_steps_and_the_first_Team_Around_the_Family_meeting_after_completion()
    {
        var episode = Episode("2024-04-22") with
        {
            AllocatedOn = D("2024-04-24"),
            AssessmentStartedOn = D("2024-05-03"), // Wednesday to Friday the next week: 7 working days
            AssessmentCompletedOn = D("2024-05-28"), // across the May bank holidays (6 and 27 May): 15 working days
            // A meeting before completion is not the TAF meeting this measures; the first after is 4 June: 5 working days.
            TeamAroundTheFamilyMeetings = [D("2024-06-18"), D("2024-05-10"), D("2024-06-04")],
        };
        var other = Episode("2024-04-22", South) with
        {
            AllocatedOn = D("2024-04-23"),
            AssessmentStartedOn = D("2024-04-24"),
            AssessmentCompletedOn = D("2024-04-26"),
        };
        var data = Data([episode, other]);

        Assert.Equal(4.0m, new AllocationToAssessmentStart().Measure(data, Q1, null).Value); // (7 + 1) / 2
        Assert.Equal(7.0m, new AllocationToAssessmentStart().Measure(data, Q1, North).Value);
        Assert.Equal(1.0m, new AllocationToAssessmentStart().Measure(data, Q1, South).Value);
        Assert.Equal(15.0m, new AssessmentStartToCompletion().Measure(data, Q1, North).Value);
        Assert.Equal(8.5m, new AssessmentStartToCompletion().Measure(data, Q1, null).Value); // (15 + 2) / 2
        var meeting = new AssessmentToTeamAroundTheFamily().Measure(data, Q1, null);
        Assert.Equal(5.0m, meeting.Value);
        Assert.Equal(1, meeting.Counted);
    }

    [Fact]
    public void Averages_are_rounded_to_one_decimal_place()
    {
        var data = Data(
        [
            Episode("2024-04-01") with { AllocatedOn = D("2024-04-02") }, // 1
            Episode("2024-04-01") with { AllocatedOn = D("2024-04-03") }, // 2
            Episode("2024-04-01") with { AllocatedOn = D("2024-04-03") }, // 2
        ]);
        Assert.Equal(1.7m, new EnquiryToAllocation().Measure(data, Q1, null).Value); // 5 / 3
    }

    [Fact]
    public void Re_referrals_are_enquiries_within_12_months_of_the_family_s_last_closure()
    {
        var family = Guid.NewGuid();
        var lateFamily = Guid.NewGuid();
        var data = Data(
        [
            Episode("2023-01-10", family: family) with { ClosedOn = D("2023-05-15") },
            Episode("2024-05-15", family: family), // exactly 12 months after closure: a re-referral
            Episode("2023-01-10", family: lateFamily) with { ClosedOn = D("2023-05-14") },
            Episode("2024-05-15", family: lateFamily), // 12 months and a day: not
            Episode("2024-06-01"),
            Episode("2024-06-02", South),
        ]);

        var all = new ReReferrals().Measure(data, Q1, null);
        Assert.Equal(25.0m, all.Value);
        Assert.Equal((1, 4), (all.Counted, all.OutOf!.Value));
        Assert.Equal(33.3m, new ReReferrals().Measure(data, Q1, North).Value);
        Assert.Equal(0m, new ReReferrals().Measure(data, Q1, South).Value);
    }

    [Fact]
    public void Step_ups_previously_helped_count_allocated_episodes_and_recent_earlier_help()
    {
        var family = Guid.NewGuid();
        var data = Data(
        [
            Episode("2024-01-08") with { AllocatedOn = D("2024-01-10"), ClosedOn = D("2024-05-01"), ClosureReason = ClosureReason.StepUpToSocialCare },
            // Stepped up at the front door, but helped in an episode closed three months before.
            Episode("2023-09-01", family: family) with { AllocatedOn = D("2023-09-05"), ClosedOn = D("2024-02-01") },
            Episode("2024-05-01", family: family) with { ClosedOn = D("2024-05-02"), ClosureReason = ClosureReason.StepUpToSocialCare },
            // Stepped up at the front door, never helped.
            Episode("2024-06-10") with { ClosedOn = D("2024-06-10"), ClosureReason = ClosureReason.StepUpToSocialCare },
            // Closed in Q1 for another reason: not a step up.
            Episode("2024-01-08") with { AllocatedOn = D("2024-01-10"), ClosedOn = D("2024-05-01"), ClosureReason = ClosureReason.OutcomesAchieved },
        ]);

        var result = new StepUpsPreviouslyHelped().Measure(data, Q1, null);
        Assert.Equal(66.7m, result.Value);
        Assert.Equal((2, 3), (result.Counted, result.OutOf!.Value));
    }

    [Fact]
    public void Step_downs_receiving_early_help_and_level_of_need_at_closure()
    {
        var data = Data(
        [
            Episode("2024-04-03") with { SteppedDownFromSocialCare = true, AllocatedOn = D("2024-04-05") },
            Episode("2024-04-03") with { SteppedDownFromSocialCare = true },
            Episode("2024-04-03") with { SteppedDownFromSocialCare = true, AllocatedOn = D("2024-04-05") },
            Episode("2023-10-02") with { AllocatedOn = D("2023-10-03"), ClosedOn = D("2024-04-30"), LevelOfNeedAtStart = 3, LevelOfNeedAtClosure = 1 },
            Episode("2023-10-02") with { AllocatedOn = D("2023-10-03"), ClosedOn = D("2024-05-30"), LevelOfNeedAtStart = 2, LevelOfNeedAtClosure = 2 },
            Episode("2023-10-02") with { AllocatedOn = D("2023-10-03"), ClosedOn = D("2024-06-30"), LevelOfNeedAtStart = 2, LevelOfNeedAtClosure = 1 },
            Episode("2023-10-02") with { AllocatedOn = D("2023-10-03"), ClosedOn = D("2024-06-30"), LevelOfNeedAtStart = 2 }, // no closing level: not counted
        ]);

        Assert.Equal(66.7m, new StepDownsReceivingEarlyHelp().Measure(data, Q1, null).Value);
        var levels = new LevelOfNeedReduced().Measure(data, Q1, null);
        Assert.Equal(66.7m, levels.Value);
        Assert.Equal((2, 3), (levels.Counted, levels.OutOf!.Value));
        Assert.Equal("Average change -1.0 levels", levels.Note);
    }

    [Fact]
    public void Children_receiving_early_help_per_10000_count_each_child_under_18_once()
    {
        var family = Guid.NewGuid();
        var members = new[] { D("1985-01-01"), D("2010-06-01"), D("2006-05-01"), D("2024-06-30") };
        var data = Data(
        [
            // Two episodes of one family: its children are counted once. The 2006 child turns 18 on 1 May 2024, in the quarter.
            Episode("2024-01-02", family: family) with { AllocatedOn = D("2024-01-03"), ClosedOn = D("2024-04-01"), Decision = FrontDoorDecision.EarlyHelpAssessment, MemberBirthDates = members },
            Episode("2024-05-02", family: family) with { AllocatedOn = D("2024-05-03"), Decision = FrontDoorDecision.EarlyHelpAssessment, MemberBirthDates = members },
            // Single agency support is not multi-agency early help.
            Episode("2024-05-02") with { AllocatedOn = D("2024-05-03"), Decision = FrontDoorDecision.SingleAgencySupport, MemberBirthDates = [D("2015-01-01")] },
            // Closed before the quarter began.
            Episode("2023-05-02") with { AllocatedOn = D("2023-05-03"), ClosedOn = D("2024-03-28"), MemberBirthDates = [D("2015-01-01")] },
            // Not yet allocated.
            Episode("2024-06-02") with { MemberBirthDates = [D("2015-01-01")] },
        ], population: 64_000);

        var rate = new ChildrenReceivingEarlyHelpRate().Measure(data, Q1, null);
        Assert.Equal(3, rate.Counted);
        Assert.Equal(0.5m, rate.Value); // 3 * 10,000 / 64,000 = 0.46875

        var unset = new ChildrenReceivingEarlyHelpRate().Measure(Data([]), Q1, null);
        Assert.Null(unset.Value);
        Assert.Contains("EarlyHelp:Scorecard:ChildPopulation", unset.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Eligible_and_engaged_families_are_counted_once_each()
    {
        var family = Guid.NewGuid();
        var data = Data(
        [
            Episode("2024-04-02", family: family) with { EligibleForSupportingFamilies = true, AllocatedOn = D("2024-04-03"), ClosedOn = D("2024-04-20") },
            Episode("2024-05-02", family: family) with { EligibleForSupportingFamilies = true, AllocatedOn = D("2024-05-03") },
            Episode("2024-05-02") with { EligibleForSupportingFamilies = true, FamilyAgreesToEarlyHelp = false, AllocatedOn = D("2024-05-03") },
            Episode("2024-06-02") with { EligibleForSupportingFamilies = true, AllocatedOn = D("2024-07-01") }, // allocated after the quarter
            Episode("2024-06-02") with { AllocatedOn = D("2024-06-03") }, // not eligible
        ]);

        Assert.Equal(3m, new FamiliesEligible().Measure(data, Q1, null).Value);
        var engaged = new FamiliesEngaged().Measure(data, Q1, null);
        Assert.Equal(1m, engaged.Value);
        Assert.Equal(3, engaged.OutOf);
    }

    [Fact]
    public void Audits_good_or_better_by_period_and_team()
    {
        var audits = new[]
        {
            new AuditFacts(Guid.NewGuid(), North, D("2024-04-10"), AuditGrade.Outstanding),
            new AuditFacts(Guid.NewGuid(), North, D("2024-05-10"), AuditGrade.RequiresImprovement),
            new AuditFacts(Guid.NewGuid(), South, D("2024-06-30"), AuditGrade.Good),
            new AuditFacts(Guid.NewGuid(), South, D("2024-07-01"), AuditGrade.Inadequate),
        };
        var data = Data([], audits);

        Assert.Equal(66.7m, new AuditsGoodOrBetter().Measure(data, Q1, null).Value);
        Assert.Equal(50.0m, new AuditsGoodOrBetter().Measure(data, Q1, North).Value);
        Assert.Equal(0m, new AuditsGoodOrBetter().Measure(data, new Quarter(2024, 2).Period, South).Value);
    }

    [Fact]
    public void The_scorecard_gives_every_measure_with_a_trend_over_four_quarters()
    {
        var data = Data([Episode("2024-03-28") with { AllocatedOn = D("2024-04-02") }]);
        var rows = ScorecardCalculator.Compute(data, new Period(D("2024-04-01"), D("2024-08-31")), null);

        Assert.Equal(ScorecardMeasures.All.Count, rows.Count);
        Assert.Equal(rows.Select(r => r.Measure.Code).Distinct().Count(), rows.Count);
        var timeliness = rows.Single(r => r.Measure.Code == "3.1a");
        Assert.Equal(1.0m, timeliness.Result.Value);
        Assert.Equal([new Quarter(2023, 3), new Quarter(2023, 4), new Quarter(2024, 1), new Quarter(2024, 2)], timeliness.Trend.Select(t => t.Quarter));
        Assert.Equal([null, null, 1.0m, null], timeliness.Trend.Select(t => t.Result.Value));
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Measure.Definition)));
        Assert.All(rows, r => Assert.Empty(r.ByTeam));

        var byTeam = ScorecardCalculator.Compute(data, new Period(D("2024-04-01"), D("2024-08-31")), null, [(North, "North"), (South, "South")]);
        Assert.Equal([("North", (decimal?)1.0m), ("South", null)], byTeam.Single(r => r.Measure.Code == "3.1a").ByTeam.Select(t => (t.Team, t.Result.Value)));
        Assert.All(ScorecardCalculator.Compute(data, new Period(D("2024-04-01"), D("2024-08-31")), North, [(North, "North"), (South, "South")]), r => Assert.Empty(r.ByTeam));
        Assert.Equal("1.0 working days", ScorecardCalculator.Format(MeasureUnit.WorkingDays, 1.0m));
        Assert.Equal("66.7%", ScorecardCalculator.Format(MeasureUnit.Percent, 66.7m));
    }

    [Fact]
    public void Claims_made_count_each_family_once_on_the_day_its_claim_was_submitted()
    {
        var twiceClaimed = Guid.NewGuid();
        var data = Data([], claims:
        [
            new ClaimFacts(Guid.NewGuid(), North, D("2024-04-01")),
            new ClaimFacts(twiceClaimed, South, D("2024-05-15")),
            new ClaimFacts(twiceClaimed, South, D("2024-06-30")),
            new ClaimFacts(Guid.NewGuid(), North, D("2024-03-31")),
            new ClaimFacts(Guid.NewGuid(), North, D("2024-07-01")),
        ]);

        var measure = new SupportingFamiliesClaims();
        Assert.Equal(2m, measure.Measure(data, Q1, null).Value);
        Assert.Equal(1m, measure.Measure(data, Q1, North).Value);
        Assert.Equal(1m, measure.Measure(data, Q1, South).Value);
        Assert.Equal(1m, measure.Measure(data, new Quarter(2024, 2).Period, null).Value);
        Assert.Same(ScorecardMeasures.Find("2.8")?.GetType(), typeof(SupportingFamiliesClaims));
    }
}
