using System.Buffers;
using System.Text;
using System.Text.Json;

namespace EarlyHelp.Core.Outcomes;

public sealed record BatchSummary(int Evaluated, int Rejected);

/// <summary>
/// NDJSON in, NDJSON out, in the same order: one case file a line, one verdict a line. A bad line yields
/// <c>{"line": N, "errors": [...]}</c> in its place and the rest are still evaluated. Lines are evaluated
/// in parallel, a block at a time, and written in order.
/// </summary>
public sealed class BatchEvaluation(CaseFileReader reader, OutcomeEvaluator evaluator)
{
    private const int BlockSize = 4096;

    public BatchSummary Run(Stream input, Stream output)
    {
        using var text = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var block = new List<(int Line, string Json)>(BlockSize);
        var results = new byte[BlockSize][];
        int evaluated = 0, rejected = 0, lineNumber = 0;
        string? line;
        do
        {
            block.Clear();
            while (block.Count < BlockSize && (line = text.ReadLine()) is not null)
            {
                lineNumber++;
                if (!string.IsNullOrWhiteSpace(line))
                {
                    block.Add((lineNumber, line));
                }
            }

            var bad = 0;
            Parallel.For(0, block.Count, () => new ArrayBufferWriter<byte>(8192), (i, _, buffer) =>
            {
                buffer.ResetWrittenCount();
                using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    if (!EvaluateLine(block[i].Line, block[i].Json, writer))
                    {
                        Interlocked.Increment(ref bad);
                    }
                }

                results[i] = [.. buffer.WrittenSpan, (byte)'\n'];
                return buffer;
            }, _ => { });

            for (var i = 0; i < block.Count; i++)
            {
                output.Write(results[i]);
            }

            evaluated += block.Count - bad;
            rejected += bad;
        }
        while (block.Count == BlockSize);

        output.Flush();
        return new BatchSummary(evaluated, rejected);
    }

    private bool EvaluateLine(int line, string json, Utf8JsonWriter writer)
    {
        var (file, errors) = reader.Read(Encoding.UTF8.GetBytes(json));
        if (file is null)
        {
            writer.WriteStartObject();
            writer.WriteNumber("line", line);
            writer.WriteStartArray("errors");
            foreach (var e in errors)
            {
                writer.WriteStringValue(e.ToString());
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            return false;
        }

        VerdictJson.Write(writer, evaluator.Evaluate(file));
        return true;
    }
}
