using EarlyHelp.Core.Outcomes;

namespace EarlyHelp.Core.Tests.Outcomes;

/// <summary>The example in contracts/evaluate.md, with the attendance its verdict describes.</summary>
public class ContractExampleTests
{
    private static CaseBuilder Example() => new CaseBuilder()
        .Need("EDU-ATTEND-90", "jay")
        .Need("ABU-MISSING", "jay")
        .Need("FIN-DEBT")
        .Attendance("jay", "2022/23", "summer", 130, 104, 6)
        .Attendance("jay", "2023/24", "spring", 120, 111)
        .Attendance("jay", "2023/24", "summer", 130, 120)
        .Event("missing-episode", "2023-09-12", "jay")
        .Event("offence", "2023-03-01", "dad")
        .Event("referral", "2024-09-01", extra: e => e["headline"] = "domestic-abuse")
        .Evidence("FIN-DEBT", "practitioner-assessment", true)
        .Evidence("ABU-MISSING", "practitioner-assessment", true, member: "jay");

    [Fact]
    public void The_contract_example_is_eligible_and_claimable_six_months_after_closure()
    {
        var verdict = TestFrameworks.Evaluate(Example().Json);

        Assert.True(verdict.Eligible);
        Assert.Equal(["abuse-exploitation", "education", "financial-stability"], verdict.Eligibility.HeadlineOutcomes);
        Assert.Equal(3, verdict.Eligibility.Required);
        Assert.All(verdict.Needs, n => Assert.Equal(OutcomeStatus.Met, n.Status));
        var attendance = verdict.Needs[0];
        Assert.Equal(new DateOnly(2024, 7, 19), attendance.MetOn);
        Assert.Contains("spring and summer 2023/24", attendance.Reasons[0]);
        Assert.Equal(ClaimStatus.Claimable, verdict.Claim.Status);
        Assert.Equal(new DateOnly(2024, 12, 28), verdict.Claim.EarliestDate);
        Assert.Empty(verdict.Claim.Blockers);
    }

    [Fact]
    public void The_verdict_json_has_the_contract_shape()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(VerdictJson.ToJson(TestFrameworks.Evaluate(Example().Json)))!;

        Assert.Equal("national-2022", (string?)json["framework"]);
        Assert.Equal("2025-03-31", (string?)json["asOf"]);
        Assert.Equal("F-TEST", (string?)json["family"]);
        Assert.True((bool)json["eligible"]!);
        Assert.Equal("met", (string?)json["needs"]![0]!["status"]);
        Assert.Equal("2024-07-19", (string?)json["needs"]![0]!["metOn"]);
        Assert.Equal("jay", (string?)json["needs"]![0]!["member"]);
        Assert.Equal("education", (string?)json["needs"]![0]!["headline"]);
        Assert.Null(json["needs"]![2]!["member"]);
        Assert.Equal("claimable", (string?)json["claim"]!["status"]);
        Assert.Equal("2024-12-28", (string?)json["claim"]!["earliestDate"]);
    }
}
