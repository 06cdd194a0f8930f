namespace EarlyHelp.Core.Tests.Outcomes;

/// <summary>Bad input is refused with every problem and its JSON path (contracts/evaluate.md).</summary>
public class CaseFileReaderTests
{
    private static IReadOnlyList<string> Problems(string json) => [.. TestFrameworks.Errors(json).Select(e => e.ToString())];

    [Fact]
    public void Text_that_is_not_JSON_is_refused()
    {
        var problem = Assert.Single(Problems("{ \"framework\": "));
        Assert.StartsWith("$: not valid JSON", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_need_code_is_named_with_its_path_and_framework()
    {
        var b = new CaseBuilder().Need("FIN-DEBT").Need("EDU-ATTEND-90", "jay").Need("EDU-FOO");
        Assert.Contains("$.needs[2].code: unknown need code 'EDU-FOO' in framework national-2022", Problems(b.Json));
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var b = new CaseBuilder("no-such-framework", asOf: "31/03/2025").Need("FIN-DEBT", "nobody")
            .Episode(e => e["closed"] = "2023-01-01")
            .Attendance("jay", "2023/24", "autumn", 100, 90)
            .Event("offence", "2024-02-30", "dad");
        b.Root["attendance"]![0]!["possibleSessions"] = -3;
        var problems = Problems(b.Json);

        Assert.Contains(problems, p => p.StartsWith("$.framework: unknown framework 'no-such-framework'", StringComparison.Ordinal));
        Assert.Contains("$.asOf: '31/03/2025' is not a date in the form YYYY-MM-DD", problems);
        Assert.Contains("$.needs[0].member: the family has no member 'nobody'", problems);
        Assert.Contains("$.episode.closed: closure 2023-01-01 is before the opening 2023-10-02", problems);
        Assert.Contains("$.attendance[0].possibleSessions: -3 is negative", problems);
        Assert.Contains("$.events[0].date: '2024-02-30' is not a date in the form YYYY-MM-DD", problems);
    }

    [Theory]
    [InlineData("academicYear", "2023-24", "$.attendance[0].academicYear: '2023-24' is not an academic year like 2023/24")]
    [InlineData("academicYear", "2023/25", "$.attendance[0].academicYear: '2023/25' is not an academic year like 2023/24")]
    [InlineData("term", "winter", "$.attendance[0].term: 'winter' is not a term (autumn, spring or summer)")]
    public void Attendance_terms_are_checked(string field, string value, string expected)
    {
        var b = new CaseBuilder().Need("EDU-ATTEND-90", "jay").Attendance("jay", "2023/24", "autumn", 100, 90);
        b.Root["attendance"]![0]![field] = value;
        Assert.Contains(expected, Problems(b.Json));
    }

    [Fact]
    public void More_sessions_attended_than_possible_is_refused()
    {
        var b = new CaseBuilder().Need("EDU-ATTEND-90", "jay").Attendance("jay", "2023/24", "autumn", 100, 90);
        b.Root["attendance"]![0]!["attendedSessions"] = 120;
        Assert.Contains("$.attendance[0].attendedSessions: 120 attended sessions is more than the 100 possible", Problems(b.Json));
    }

    [Fact]
    public void A_second_row_for_the_same_child_and_term_is_refused()
    {
        var b = new CaseBuilder().Need("EDU-ATTEND-90", "jay")
            .Attendance("jay", "2023/24", "autumn", 100, 90).Attendance("jay", "2023/24", "autumn", 100, 80);
        Assert.Contains("$.attendance[1]: a second row for jay in autumn 2023/24", Problems(b.Json));
    }

    [Fact]
    public void Unknown_event_types_evidence_kinds_and_headlines_are_refused()
    {
        var b = new CaseBuilder().Need("FIN-DEBT")
            .Event("burglary", "2024-01-01")
            .Event("referral", "2024-01-01", extra: e => e["headline"] = "weather")
            .Evidence("FIN-DEBT", "hunch", true);
        var problems = Problems(b.Json);
        Assert.Contains(problems, p => p.StartsWith("$.events[0].type: unknown event type 'burglary'", StringComparison.Ordinal));
        Assert.Contains("$.events[1].headline: unknown headline outcome 'weather' in framework national-2022", problems);
        Assert.Contains(problems, p => p.StartsWith("$.evidence[0].kind: unknown evidence kind 'hunch'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_suspension_needs_its_days()
    {
        var b = new CaseBuilder().Need("EDU-ENGAGE", "jay").Event("suspension", "2024-01-10", "jay");
        Assert.Contains("$.events[0].days: is required for a suspension (school days lost)", Problems(b.Json));
    }

    [Fact]
    public void A_validated_measure_out_of_its_range_is_refused()
    {
        var b = new CaseBuilder().Need("HLT-ADULT-MH", "mum").Evidence("HLT-ADULT-MH", "validated-measure", null, member: "mum", extra: e =>
        {
            e["instrument"] = "GAD-7";
            e["before"] = 25;
        });
        var problems = Problems(b.Json);
        Assert.Contains("$.evidence[0].before: 25 is outside the GAD-7 range of 0 to 21", problems);
        Assert.Contains("$.evidence[0].after: is required: the engine scores GAD-7 itself", problems);
    }

    [Fact]
    public void Evidence_without_a_result_is_refused_unless_the_engine_scores_it()
    {
        var b = new CaseBuilder().Need("HLT-CHILD-MH", "jay")
            .Evidence("HLT-CHILD-MH", "practitioner-assessment", null, member: "jay")
            .Evidence("HLT-CHILD-MH", "validated-measure", null, member: "jay", extra: e => e["instrument"] = "SDQ");
        var problems = Problems(b.Json);
        Assert.Contains("$.evidence[0].outcomeAchieved: is required (true or false)", problems);
        Assert.Contains("$.evidence[1].outcomeAchieved: is required: the engine does not score 'SDQ', so the recorded result stands", problems);
    }

    [Fact]
    public void Dates_far_outside_any_case_are_refused()
    {
        var b = new CaseBuilder(asOf: "9999-12-31").Need("FIN-DEBT").Event("offence", "1066-10-14", "dad");
        var problems = Problems(b.Json);
        Assert.Contains("$.asOf: '9999-12-31' is outside the years 1900 to 2199", problems);
        Assert.Contains("$.events[0].date: '1066-10-14' is outside the years 1900 to 2199", problems);
    }

    [Fact]
    public void A_string_that_is_not_Unicode_text_is_refused_not_a_crash()
    {
        var json = new CaseBuilder().Need("FIN-DEBT").Json.Replace("\"F-TEST\"", "\"F-\\ud800\"", StringComparison.Ordinal);
        Assert.Contains("\"F-\\ud800\"", json, StringComparison.Ordinal);
        var problem = Assert.Single(Problems(json));
        Assert.StartsWith("$: contains a string that is not valid Unicode text", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_file_must_be_an_object_with_family_and_needs()
    {
        Assert.Equal(["$: must be a JSON object (a case file)"], Problems("[1, 2]"));
        var problems = Problems("{\"framework\": \"national-2022\", \"asOf\": \"2025-01-01\"}");
        Assert.Contains("$.family: is required", problems);
        Assert.Contains("$.needs: is required", problems);
    }
}
