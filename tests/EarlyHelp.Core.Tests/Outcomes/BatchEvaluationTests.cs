using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EarlyHelp.Core.Outcomes;

namespace EarlyHelp.Core.Tests.Outcomes;

/// <summary>
/// <c>evaluate --batch</c>: one verdict a line, in the input's order, whatever the number of lines and
/// however the work is split; a bad line gives an error line in its place and the rest are evaluated.
/// </summary>
public class BatchEvaluationTests
{
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Verdicts_come_out_in_the_input_order_across_many_blocks()
    {
        // Several megabytes, so that the lines are split into many blocks evaluated in parallel.
        var families = Enumerable.Range(0, 4000).Select(Family).ToList();

        var (output, summary) = Run(string.Join("\n", families) + "\n");

        Assert.Equal(new BatchSummary(families.Count, 0), summary);
        Assert.Equal(families.Select(SingleVerdict), output);
    }

    [Fact]
    public void A_bad_line_gives_an_error_line_in_its_place_and_the_rest_are_evaluated()
    {
        var input = string.Join("\n",
            Family(1),
            "{\"framework\": \"national-2022\"",
            "",
            new CaseBuilder().Need("EDU-FOO").Need("FIN-DEBT", member: "nobody").Json,
            "[1, 2]",
            "   ",
            Family(2));

        var (output, summary) = Run(input);

        Assert.Equal(new BatchSummary(2, 3), summary);
        Assert.Equal(5, output.Count);
        Assert.Equal(SingleVerdict(Family(1)), output[0]);
        Assert.Equal("""{"line":2,"errors":["$: not valid JSON (line 1, position 30)"]}""", output[1]);
        Assert.Equal(
            """{"line":4,"errors":["$.needs[0].code: unknown need code 'EDU-FOO' in framework national-2022","$.needs[1].member: the family has no member 'nobody'"]}""",
            output[2]);
        Assert.Equal("""{"line":5,"errors":["$: must be a JSON object (a case file)"]}""", output[3]);
        Assert.Equal(SingleVerdict(Family(2)), output[4]);
    }

    [Fact]
    public void Lines_end_at_line_feeds_carriage_returns_or_both_and_blank_lines_count_towards_line_numbers()
    {
        var input = "\uFEFF" + Family(1) + "\r\n\r\n" + Family(2) + "\r" + "{}" + "\n \t\n" + Family(3);

        var (output, summary) = Run(input);

        Assert.Equal(new BatchSummary(3, 1), summary);
        Assert.Equal(SingleVerdict(Family(1)), output[0]);
        Assert.Equal(SingleVerdict(Family(2)), output[1]);
        Assert.StartsWith("""{"line":4,"errors":["$.framework: is required",""", output[2]);
        Assert.Equal(SingleVerdict(Family(3)), output[3]);
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_read_as_replacement_characters()
    {
        var good = Encoding.UTF8.GetBytes(Family(7));
        var id = Encoding.UTF8.GetBytes("\"F-7\"");
        var at = good.AsSpan().IndexOf(id);
        byte[] bad = [.. good[..(at + 3)], 0xFF, .. good[(at + 3)..]];

        var (output, _) = Run(bad);

        Assert.Equal("F-\uFFFD7", JsonNode.Parse(output[0])!["family"]!.GetValue<string>());
    }

    [Fact]
    public void UTF16_input_with_a_byte_order_mark_is_decoded()
    {
        var text = Family(1) + "\n" + Family(2) + "\n";
        byte[] utf16 = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)];

        var (output, summary) = Run(utf16);

        Assert.Equal(new BatchSummary(2, 0), summary);
        Assert.Equal([SingleVerdict(Family(1)), SingleVerdict(Family(2))], output);
    }

    [Fact]
    public void A_line_longer_than_a_block_is_read_whole()
    {
        var big = new CaseBuilder().Need("FIN-DEBT").Need("REL-PARENTING").Need("HLT-ADULT-MH", "mum");
        for (var i = 0; i < 30_000; i++)
        {
            big.Event("asb", "2020-01-01", "dad");
        }

        var (output, summary) = Run(string.Join("\n", Family(1), big.Json, Family(2)));

        Assert.Equal(new BatchSummary(3, 0), summary);
        Assert.Equal([SingleVerdict(Family(1)), SingleVerdict(big.Json), SingleVerdict(Family(2))], output);
    }

    [Fact]
    public void Empty_input_gives_no_output()
    {
        var (output, summary) = Run("\n\n");

        Assert.Empty(output);
        Assert.Equal(new BatchSummary(0, 0), summary);
    }

    /// <summary>A valid family, different for each number: a varying id, needs and attendance.</summary>
    private static string Family(int n)
    {
        var builder = new CaseBuilder();
        builder.Root["family"]!["id"] = $"F-{n}";
        builder.Need("FIN-DEBT").Need("EDU-ATTEND-90", "jay").Need(n % 2 == 0 ? "HLT-ADULT-MH" : "REL-PARENTING", n % 2 == 0 ? "mum" : null)
            .Attendance("jay", "2023/24", "spring", 120, 100 + (n % 20))
            .Attendance("jay", "2023/24", "summer", 130, 110 + (n % 20))
            .Evidence("FIN-DEBT", "practitioner-assessment", n % 3 != 0, extra: e => e["note"] = $"Plan {n} – £{n * 10} a month");
        return builder.Json;
    }

    /// <summary>The verdict line for one case file, as the single-file path writes it but on one line.</summary>
    private static string SingleVerdict(string json)
    {
        var verdict = TestFrameworks.Evaluate(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Relaxed))
        {
            VerdictJson.Write(writer, verdict);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static (List<string> Lines, BatchSummary Summary) Run(string input) => Run(Encoding.UTF8.GetBytes(input));

    private static (List<string> Lines, BatchSummary Summary) Run(byte[] input)
    {
        using var output = new MemoryStream();
        var summary = new BatchEvaluation(TestFrameworks.Reader, TestFrameworks.Evaluator).Run(new MemoryStream(input), output);
        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.True(text.Length == 0 || text.EndsWith('\n'), "Every output line ends with a line feed.");
        return ([.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries)], summary);
    }
}
