using EarlyHelp.Core.Outcomes;

namespace EarlyHelp.Core.Tests.Outcomes;

/// <summary>The claim principles and the worked examples of seed 001 ("How this works in practice").</summary>
public class EligibilityAndClaimTests
{
    [Fact]
    public void Worked_example_low_attendance_going_missing_and_finances_spans_three_headline_outcomes()
    {
        var verdict = TestFrameworks.Evaluate(new CaseBuilder()
            .Need("EDU-ATTEND-90", "jay").Need("ABU-MISSING", "jay").Need("FIN-DEBT").Json);

        Assert.True(verdict.Eligible);
        Assert.Equal(["abuse-exploitation", "education", "financial-stability"], verdict.Eligibility.HeadlineOutcomes);
        Assert.DoesNotContain(verdict.Claim.Blockers, b => b.Code == BlockerCodes.TooFewHeadlineOutcomes);
    }

    [Fact]
    public void Worked_example_dads_mental_health_and_alcohol_bring_it_to_five_headline_outcomes()
    {
        var verdict = TestFrameworks.Evaluate(new CaseBuilder()
            .Need("EDU-ATTEND-90", "jay").Need("ABU-MISSING", "jay").Need("FIN-DEBT")
            .Need("HLT-ADULT-MH", "dad", "2023-11-15").Need("SUB-ADULT", "dad", "2023-11-15").Json);

        Assert.True(verdict.Eligible);
        Assert.Equal(5, verdict.Eligibility.HeadlineOutcomes.Count);
        Assert.Contains("health", verdict.Eligibility.HeadlineOutcomes);
        Assert.Contains("substance-use", verdict.Eligibility.HeadlineOutcomes);
    }

    [Fact]
    public void Worked_example_finances_NEET_and_worklessness_alone_are_not_eligible()
    {
        var verdict = TestFrameworks.Evaluate(new CaseBuilder()
            .Need("FIN-DEBT").Need("FIN-NEET", "kai").Need("FIN-WORKLESS", "mum").Json);

        Assert.False(verdict.Eligible);
        Assert.Equal(["financial-stability"], verdict.Eligibility.HeadlineOutcomes);
        Assert.Equal(ClaimStatus.NotClaimable, verdict.Claim.Status);
        var blocker = Assert.Single(verdict.Claim.Blockers, b => b.Code == BlockerCodes.TooFewHeadlineOutcomes);
        Assert.Null(blocker.Need);
    }

    private static CaseBuilder ClaimableFamily() => new CaseBuilder()
        .Need("FIN-DEBT").Need("REL-PARENTING").Need("HLT-ADULT-MH", "mum")
        .Evidence("FIN-DEBT", "data", true)
        .Evidence("REL-PARENTING", "practitioner-assessment", true)
        .Evidence("HLT-ADULT-MH", "self-assessment", true, member: "mum");

    [Fact]
    public void A_family_with_every_need_met_six_months_after_closure_is_claimable()
    {
        var claim = TestFrameworks.Evaluate(ClaimableFamily().Json).Claim;
        Assert.Equal(ClaimStatus.Claimable, claim.Status);
        Assert.Equal(new DateOnly(2024, 12, 28), claim.EarliestDate);
        Assert.Empty(claim.Blockers);
    }

    [Fact]
    public void Within_six_months_of_closure_the_claim_is_pending_until_the_sustainment_period_ends()
    {
        var claim = TestFrameworks.Evaluate(ClaimableFamily().AsOf("2024-09-01").Json).Claim;
        Assert.Equal(ClaimStatus.Pending, claim.Status);
        Assert.Equal(new DateOnly(2024, 12, 28), claim.EarliestDate);
        Assert.Equal([BlockerCodes.SustainmentPeriod], claim.Blockers.Select(b => b.Code));
    }

    [Fact]
    public void A_pending_need_makes_the_claim_pending_until_it_is_sustained()
    {
        var verdict = TestFrameworks.Evaluate(ClaimableFamily().AsOf("2024-09-01").Need("ABU-MISSING", "jay").Json);
        Assert.Equal(ClaimStatus.Pending, verdict.Claim.Status);
        var blocker = Assert.Single(verdict.Claim.Blockers, b => b.Code == BlockerCodes.NeedPending);
        Assert.Equal("ABU-MISSING", blocker.Need);
    }

    [Fact]
    public void Every_need_must_be_met_for_a_claim()
    {
        var verdict = TestFrameworks.Evaluate(ClaimableFamily().Need("EY-HEALTH", "amy").Json);
        Assert.Equal(ClaimStatus.NotClaimable, verdict.Claim.Status);
        Assert.Null(verdict.Claim.EarliestDate);
        var blocker = Assert.Single(verdict.Claim.Blockers);
        Assert.Equal((BlockerCodes.NeedNotMet, "EY-HEALTH"), (blocker.Code, blocker.Need));
    }

    [Theory]
    [InlineData("leadPractitioner", BlockerCodes.NoLeadPractitioner)]
    [InlineData("wholeFamilyAssessment", BlockerCodes.NoWholeFamilyAssessment)]
    [InlineData("familyPlan", BlockerCodes.NoFamilyPlan)]
    [InlineData("closed", BlockerCodes.EpisodeOpen)]
    public void The_claim_principles_each_block_a_claim(string missing, string code)
    {
        var claim = TestFrameworks.Evaluate(ClaimableFamily().Episode(e => e.Remove(missing)).Json).Claim;
        Assert.Equal(ClaimStatus.NotClaimable, claim.Status);
        Assert.Contains(claim.Blockers, b => b.Code == code && b.Need is null);
    }

    [Fact]
    public void A_family_that_received_no_support_cannot_be_claimed_for()
    {
        var claim = TestFrameworks.Evaluate(ClaimableFamily().Episode(e => e["supportReceived"] = false).Json).Claim;
        Assert.Equal(ClaimStatus.NotClaimable, claim.Status);
        Assert.Contains(claim.Blockers, b => b.Code == BlockerCodes.NoSupportReceived);
    }

    [Fact]
    public void A_closure_dated_after_asOf_has_not_happened_yet()
    {
        var claim = TestFrameworks.Evaluate(ClaimableFamily().AsOf("2024-05-01").Json).Claim;
        Assert.Contains(claim.Blockers, b => b.Code == BlockerCodes.EpisodeOpen);
    }
}
