using System.Net;
using System.Text.Json.Nodes;
using EarlyHelp.Web.Tests.Casework;

namespace EarlyHelp.Web.Tests.Scorecard;

/// <summary>The scorecard's API: the page's figures as JSON, its checks as a validation problem, its roles.</summary>
public abstract partial class ScorecardTests<TSite>
{
    private async Task<HttpResponseMessage> ScorecardApiAsync(string user, string query)
    {
        await ScorecardCases.EnsureAsync(site);
        return await (await site.SignedInAsync(user)).GetAsync("/api/scorecard" + query);
    }

    private static JsonNode Measure(JsonNode scorecard, string code) => scorecard["measures"]!.AsArray().Single(m => (string?)m!["code"] == code)!;

    [Fact]
    public async Task The_api_gives_the_pages_figures_for_a_period_and_a_team()
    {
        var response = await ScorecardApiAsync("analyst", "?from=2025-04-01&to=2025-06-30");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scorecard = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(("2025-04-01", "2025-06-30", "Whole service"), ((string?)scorecard["from"], (string?)scorecard["to"], (string?)scorecard["team"]));
        var enquiryToAllocation = Measure(scorecard, "3.1a");
        Assert.Equal((3.0m, 2, "working days"), ((decimal)enquiryToAllocation["result"]!["value"]!, (int)enquiryToAllocation["result"]!["counted"]!, (string?)enquiryToAllocation["unit"]));
        Assert.StartsWith("For each family allocated to a lead practitioner in the period", (string?)enquiryToAllocation["definition"], StringComparison.Ordinal);
        Assert.Equal(["Q2 2024-25", "Q3 2024-25", "Q4 2024-25", "Q1 2025-26"], enquiryToAllocation["trend"]!.AsArray().Select(q => (string?)q!["quarter"]));
        Assert.Null(enquiryToAllocation["trend"]![0]!["result"]!["value"]);
        var teams = enquiryToAllocation["byTeam"]!.AsArray().ToDictionary(t => (string)t!["team"]!, t => (decimal?)t!["result"]!["value"]);
        Assert.Equal((1.0m, 5.0m), (teams["North"]!.Value, teams["South"]!.Value));
        var share = Measure(scorecard, "2.2")["result"]!;
        Assert.Equal((33.3m, 1, 3), ((decimal)share["value"]!, (int)share["counted"]!, (int)share["outOf"]!));

        var north = await TeamIdAsync("North");
        var team = JsonNode.Parse(await (await ScorecardApiAsync("north.manager", $"?from=2025-04-01&to=2025-06-30&team={north}")).Content.ReadAsStringAsync())!;
        Assert.Equal(("North", north.ToString()), ((string?)team["team"], (string?)team["teamId"]));
        Assert.Empty(Measure(team, "3.1a")["byTeam"]!.AsArray());
    }

    [Fact]
    public async Task The_api_refuses_wrong_filters_field_by_field_and_keeps_the_pages_roles()
    {
        var response = await ScorecardApiAsync("north.manager", "?from=2025-02-31&to=2025-03-01&team=nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!;
        Assert.Equal("Enter a real date, in the form yyyy-mm-dd", (string?)errors["from"]![0]);
        Assert.Equal("Select a team from the list, or the whole service", (string?)errors["team"]![0]);

        var backwards = JsonNode.Parse(await (await ScorecardApiAsync("analyst", "?from=2025-06-30&to=2025-04-01")).Content.ReadAsStringAsync())!;
        Assert.Equal("The end date must be the same as or after the start date", (string?)backwards["errors"]!["to"]![0]);
        var half = JsonNode.Parse(await (await ScorecardApiAsync("analyst", "?from=2025-06-30")).Content.ReadAsStringAsync())!;
        Assert.Equal("Enter the end date", (string?)half["errors"]!["to"]![0]);

        Assert.Equal(HttpStatusCode.Forbidden, (await ScorecardApiAsync("north.practitioner", "")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ScorecardApiAsync("auditor", "")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await site.Client().GetAsync("/api/scorecard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ScorecardApiAsync("analyst", "")).StatusCode); // the financial year to date
    }
}
