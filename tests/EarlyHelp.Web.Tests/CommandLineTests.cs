using System.Text.Json.Nodes;

namespace EarlyHelp.Web.Tests;

/// <summary>The <c>earlyhelp</c> verbs, run as a real process (contracts/evaluate.md).</summary>
public class CommandLineTests
{
    [Fact]
    public async Task Evaluate_prints_the_verdict_and_exits_0()
    {
        var file = Host.TempFile(CaseFiles.Example);
        var run = await Host.RunAsync(null, "evaluate", file);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var verdict = JsonNode.Parse(run.Out)!;
        Assert.Equal("F-001", (string?)verdict["family"]);
        Assert.True((bool)verdict["eligible"]!);
        Assert.Equal("claimable", (string?)verdict["claim"]!["status"]);
        Assert.Equal("2024-12-28", (string?)verdict["claim"]!["earliestDate"]);
        Assert.Equal(3, verdict["needs"]!.AsArray().Count);
    }

    [Fact]
    public async Task Evaluate_reads_standard_input_given_a_dash()
    {
        var run = await Host.RunAsync(CaseFiles.Example, "evaluate", "-");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("claimable", (string?)JsonNode.Parse(run.Out)!["claim"]!["status"]);
    }

    [Fact]
    public async Task Bad_input_prints_every_problem_with_its_path_and_exits_2()
    {
        var run = await Host.RunAsync(CaseFiles.Bad, "evaluate", "-");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("$.needs[0].code: unknown need code 'EDU-FOO' in framework national-2022", run.ErrorLines);
        Assert.Contains("$.episode.closed: closure 2023-06-28 is before the opening 2023-10-02", run.ErrorLines);
    }

    [Fact]
    public async Task Text_that_is_not_JSON_exits_2()
    {
        var run = await Host.RunAsync("this is not json", "evaluate", "-");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.StartsWith("$: not valid JSON", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_exits_2()
    {
        var run = await Host.RunAsync(null, "evaluate", "/no/such/file.json");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/no/such/file.json", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_answers_each_line_in_order_and_puts_errors_in_place_of_bad_lines()
    {
        var good = CaseFiles.OneLine(CaseFiles.Example);
        var other = good.Replace("\"F-001\"", "\"F-002\"", StringComparison.Ordinal);
        var input = string.Join('\n', good, CaseFiles.OneLine(CaseFiles.Bad), "{ not json", other) + "\n";
        var file = Host.TempFile(input, ".ndjson");

        var run = await Host.RunAsync(null, "evaluate", "--batch", file);

        Assert.Equal(0, run.ExitCode);
        var lines = run.OutLines.Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Equal("F-001", (string?)lines[0]["family"]);
        Assert.Equal(2, (int)lines[1]["line"]!);
        Assert.Contains(lines[1]["errors"]!.AsArray(), e => (string?)e == "$.needs[0].code: unknown need code 'EDU-FOO' in framework national-2022");
        Assert.Equal(3, (int)lines[2]["line"]!);
        Assert.Equal("F-002", (string?)lines[3]["family"]);
    }

    [Fact]
    public async Task Batch_gives_the_same_verdict_as_a_single_evaluation()
    {
        var single = await Host.RunAsync(CaseFiles.Example, "evaluate", "-");
        var batch = await Host.RunAsync(CaseFiles.OneLine(CaseFiles.Example) + "\n", "evaluate", "--batch", "-");
        Assert.Equal(JsonNode.Parse(single.Out)!.ToJsonString(), JsonNode.Parse(batch.Out)!.ToJsonString());
    }

    [Fact]
    public async Task Frameworks_list_names_every_framework()
    {
        var run = await Host.RunAsync(null, "frameworks", "list");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.OutLines, l => l.StartsWith("national-2022", StringComparison.Ordinal) && l.Contains("34 needs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Frameworks_show_json_has_the_shape_the_issue_asks_for()
    {
        var run = await Host.RunAsync(null, "frameworks", "show", "national-2022", "--json");
        Assert.Equal(0, run.ExitCode);
        var json = JsonNode.Parse(run.Out)!;
        Assert.Equal("national-2022", (string?)json["id"]);
        Assert.Equal(3, (int)json["eligibility"]!["minimumHeadlineOutcomes"]!);
        Assert.Equal(6, (int)json["sustainmentMonths"]!);
        var headlines = json["headlineOutcomes"]!.AsArray();
        Assert.Equal(10, headlines.Count);
        var attendance = headlines[0]!["needs"]![0]!;
        Assert.Equal("EDU-ATTEND-90", (string?)attendance["code"]);
        Assert.Contains("Census", attendance["dataSources"]!.AsArray().Select(s => (string?)s));
        Assert.Equal("Sustained good attendance", (string?)attendance["outcomes"]![0]);
        Assert.StartsWith("Average attendance 90% or above", (string?)attendance["evidence"]![0], StringComparison.Ordinal);
        Assert.Equal(90, (int)attendance["identification"]!["attendance"]!["belowPercent"]!); // how partner data shows the need
        Assert.Equal(90, (int)attendance["criteria"]!["attendance"]!["minimumPercent"]!);
        Assert.Equal(34, headlines.Sum(h => h!["needs"]!.AsArray().Count));
    }

    [Fact]
    public async Task Frameworks_show_refuses_an_unknown_framework_with_exit_2()
    {
        var run = await Host.RunAsync(null, "frameworks", "show", "nowhere-1999");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown framework 'nowhere-1999'", run.Error, StringComparison.Ordinal);
    }
}
