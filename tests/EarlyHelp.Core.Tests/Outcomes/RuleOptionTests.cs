using EarlyHelp.Core.Outcomes;

namespace EarlyHelp.Core.Tests.Outcomes;

/// <summary>Rule settings that local frameworks use: named instruments, strictly fewer incidents, completed spells.</summary>
public class RuleOptionTests
{
    private static NeedVerdict Only(CaseBuilder builder) => Assert.Single(TestFrameworks.Evaluate(builder.Json).Needs);

    [Fact]
    public void A_framework_that_names_DASH_does_not_take_another_instrument_for_it()
    {
        CaseBuilder Walsall(string instrument) => new CaseBuilder("walsall-2022").Need("DA-PERPETRATOR", "dad")
            .Evidence("DA-PERPETRATOR", "validated-measure", true, member: "dad", extra: e => e["instrument"] = instrument)
            .Evidence("DA-PERPETRATOR", "data", true, member: "dad");

        Assert.Equal(OutcomeStatus.Met, Only(Walsall("DASH")).Status);
        var other = Only(Walsall("SDQ"));
        Assert.Equal(OutcomeStatus.NotMet, other.Status);
        Assert.StartsWith("No DASH risk assessment", other.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_reduction_that_must_be_strict_is_not_met_by_as_many_incidents_as_before()
    {
        CaseBuilder Herefordshire(int after)
        {
            var b = new CaseBuilder("herefordshire-2020").Need("HF-DA-PERPETRATOR", "dad")
                .Event("domestic-abuse-incident", "2023-05-01").Event("domestic-abuse-incident", "2023-08-01");
            for (var i = 0; i < after; i++)
            {
                b.Event("domestic-abuse-incident", $"2024-0{7 + i}-15");
            }

            return b;
        }

        Assert.Equal(OutcomeStatus.Met, Only(Herefordshire(1)).Status);
        var same = Only(Herefordshire(2));
        Assert.Equal(OutcomeStatus.NotMet, same.Status);
        Assert.Contains(same.Reasons, r => r.Contains("so fewer are needed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_job_held_for_its_full_term_counts_though_it_has_since_ended()
    {
        var verdict = Only(new CaseBuilder("herefordshire-2020", "2024-09-30").Need("HF-WORK-BENEFITS", "mum")
            .Event("employment-start", "2024-01-08", "mum", e => e["benefit"] = "esa")
            .Event("employment-end", "2024-06-01", "mum"));
        Assert.Equal(OutcomeStatus.Met, verdict.Status);
        Assert.Equal(new DateOnly(2024, 4, 8), verdict.MetOn);
    }

    [Fact]
    public void The_first_reason_of_a_need_not_met_is_the_part_that_failed()
    {
        // The month before closure is clear, but there is no evidence: the evidence speaks first.
        var need = Only(new CaseBuilder().Need("DA-VICTIM", "mum"));
        Assert.Equal(OutcomeStatus.NotMet, need.Status);
        Assert.StartsWith("No engagement with multi-agency partnership arrangements", need.Reasons[0], StringComparison.Ordinal);
        var blocker = Assert.Single(TestFrameworks.Evaluate(new CaseBuilder().Need("DA-VICTIM", "mum").Json).Claim.Blockers, b => b.Code == BlockerCodes.NeedNotMet);
        Assert.Contains("No engagement with multi-agency", blocker.Message, StringComparison.Ordinal);
    }
}
