using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EarlyHelp.Web.Tests;

/// <summary><c>earlyhelp value</c>, run as a real process: Doncaster's table by default, a council's own CSV file, bad input.</summary>
public partial class ValueCommandTests
{
    private const string Table =
        "Cost item,Value per child,Number per year,Who bears it\n" +
        "Admission due to injury,1384.50,354,NHS\n" +
        "Young offender,7307,,Justice\n";

    [Fact]
    public async Task By_default_it_prints_Doncaster_s_total_and_the_1_and_5_percent_savings()
    {
        var run = await Host.RunAsync(null, "value");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Contains("Unit costs: Doncaster Early Help Strategy 2017 to 2020, Appendix 1 (Early Intervention Foundation estimates)", run.OutLines);
        Assert.Contains("Total cost a year: £44,878,149", run.OutLines);
        Assert.Contains("A 1% reduction would save £448,781.49 a year", run.OutLines);
        Assert.Contains("A 5% reduction would save £2,243,907.45 a year", run.OutLines);
        Assert.Contains(["LAC", "DMBC", "£66,064", "487", "£32,173,168"], run.OutLines.Select(l => Columns().Split(l)));
        Assert.Contains(["Young offender in youth justice system", "Justice", "£7,307", "not known", "not counted"], run.OutLines.Select(l => Columns().Split(l)));
    }

    [Fact]
    public async Task The_JSON_has_the_total_each_item_and_the_savings_as_exact_numbers()
    {
        var run = await Host.RunAsync(null, "value", "--json");

        Assert.Equal(0, run.ExitCode);
        var json = JsonNode.Parse(run.Out)!;
        Assert.Equal(44_878_149m, json["totalCost"]!.GetValue<decimal>());
        var items = json["items"]!.AsArray();
        Assert.Equal(17, items.Count);
        var lac = items.Single(i => (string?)i!["costItem"] == "LAC")!;
        Assert.Equal(66_064m, lac["valuePerChild"]!.GetValue<decimal>());
        Assert.Equal(487, (int)lac["numberPerYear"]!);
        Assert.Equal(32_173_168m, lac["totalCost"]!.GetValue<decimal>());
        Assert.Equal("DMBC", (string?)lac["whoBearsIt"]);
        Assert.Equal("Children in Care support", (string?)lac["activity"]);
        var notKnown = items.Where(i => i!["numberPerYear"] is null).ToList();
        Assert.Equal(4, notKnown.Count);
        Assert.All(notKnown, i => Assert.Null(i!["totalCost"]));
        Assert.Equal(items.Sum(i => i!["totalCost"]?.GetValue<decimal>() ?? 0m), json["totalCost"]!.GetValue<decimal>());
        Assert.Equal("[{\"percent\":1,\"saving\":448781.49},{\"percent\":5,\"saving\":2243907.45}]", json["reductions"]!.ToJsonString());
    }

    [Fact]
    public async Task A_council_s_own_table_and_reductions_are_used_when_given()
    {
        var file = Host.TempFile(Table, ".csv");
        var run = await Host.RunAsync(null, "value", "--unit-costs", file, "--reduction", "2.5", "--reduction", "10%", "--json");

        Assert.Equal(0, run.ExitCode);
        var json = JsonNode.Parse(run.Out)!;
        Assert.Equal(490_113m, json["totalCost"]!.GetValue<decimal>());
        Assert.Equal("[{\"percent\":2.5,\"saving\":12252.825},{\"percent\":10,\"saving\":49011.3}]", json["reductions"]!.ToJsonString());

        var text = await Host.RunAsync(Table, "value", "--unit-costs", "-");
        Assert.Contains("Unit costs: -", text.OutLines);
        Assert.Contains("Total cost a year: £490,113", text.OutLines);
        Assert.Contains("A 5% reduction would save £24,505.65 a year", text.OutLines);
        Assert.Contains("1 cost item has no number per year, so it is not in the total.", text.OutLines);
    }

    [Fact]
    public async Task A_bad_file_prints_every_problem_with_its_line_and_column_and_exits_2()
    {
        var file = Host.TempFile("Cost item,Value per child,Number per year\nLAC,lots,487\n,66064,4.5\n", ".csv");
        var run = await Host.RunAsync(null, "value", "--unit-costs", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal(
            [
                $"{file}: line 2, column 2: The value per child must be an amount in pounds, like 730 or 1415.50",
                $"{file}: line 3, column 1: Enter the cost item",
                $"{file}: line 3, column 3: The number per year must be a whole number, like 1140, or blank if it is not known",
            ],
            run.ErrorLines);
    }

    [Fact]
    public async Task A_missing_file_or_a_wrong_reduction_exits_2()
    {
        var missing = await Host.RunAsync(null, "value", "--unit-costs", "/no/such/costs.csv");
        Assert.Equal(2, missing.ExitCode);
        Assert.StartsWith("/no/such/costs.csv: ", missing.Error, StringComparison.Ordinal);

        var reduction = await Host.RunAsync(null, "value", "--reduction", "150");
        Assert.Equal(2, reduction.ExitCode);
        Assert.Equal("", reduction.Out);
        Assert.Equal(["--reduction: The reduction 150 must be a percentage more than 0 and up to 100, like 1 or 2.5"], reduction.ErrorLines);
    }

    /// <summary>The columns of the text table, which are two or more spaces apart.</summary>
    [GeneratedRegex("  +")]
    private static partial Regex Columns();
}
