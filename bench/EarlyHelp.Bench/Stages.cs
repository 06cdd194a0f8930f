using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using EarlyHelp.Core.Calendar;
using EarlyHelp.Core.Frameworks;
using EarlyHelp.Core.Outcomes;

namespace EarlyHelp.Bench;

/// <summary>
/// Where the time goes, one thread, in process: reading and checking case files, evaluating them, writing
/// the verdicts. Each stage runs over the same lines, held in memory, several times; the fastest time of each
/// stage after the first (warm-up) pass is reported, which is the least disturbed by other work on the machine.
/// </summary>
public static class Stages
{
    public static int Run(string input, string frameworksDirectory, int limit)
    {
        var catalog = FrameworkCatalog.LoadDirectory(frameworksDirectory);
        var reader = new CaseFileReader(catalog);
        var evaluator = new OutcomeEvaluator(catalog, SchoolCalendar.England);
        var lines = File.ReadLines(input).Take(limit).Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        var files = lines.Select(l => reader.Read(l).File!).ToArray();
        var verdicts = files.Select(evaluator.Evaluate).ToArray();
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1 << 16);
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        var passes = int.TryParse(Environment.GetEnvironmentVariable("STAGES_PASSES"), out var p) ? p : 6;
        TimeSpan bestTogether = TimeSpan.MaxValue, bestParse = TimeSpan.MaxValue, bestRead = TimeSpan.MaxValue, bestEvaluate = TimeSpan.MaxValue, bestWrite = TimeSpan.MaxValue;
        for (var pass = 0; pass < passes; pass++)
        {
            var parse = Time(() =>
            {
                foreach (var line in lines)
                {
                    JsonDocument.Parse(line).Dispose();
                }
            });
            var read = Time(() =>
            {
                foreach (var line in lines)
                {
                    reader.Read(line);
                }
            });
            var evaluate = Time(() =>
            {
                foreach (var file in files)
                {
                    evaluator.Evaluate(file);
                }
            });
            var write = Time(() =>
            {
                foreach (var verdict in verdicts)
                {
                    buffer.ResetWrittenCount();
                    using var writer = new Utf8JsonWriter(buffer, options);
                    VerdictJson.Write(writer, verdict);
                }
            });
            var together = Time(() =>
            {
                foreach (var line in lines)
                {
                    buffer.ResetWrittenCount();
                    using var writer = new Utf8JsonWriter(buffer, options);
                    VerdictJson.Write(writer, evaluator.Evaluate(reader.Read(line).File!));
                }
            });
            if (pass > 0)
            {
                bestTogether = Min(bestTogether, together);
                (bestParse, bestRead, bestEvaluate, bestWrite) = (Min(bestParse, parse), Min(bestRead, read), Min(bestEvaluate, evaluate), Min(bestWrite, write));
            }
        }

        var allocated = (
            Allocated(() => { foreach (var line in lines) { reader.Read(line); } }),
            Allocated(() => { foreach (var file in files) { evaluator.Evaluate(file); } }),
            Allocated(() => { foreach (var verdict in verdicts) { buffer.ResetWrittenCount(); using var writer = new Utf8JsonWriter(buffer, options); VerdictJson.Write(writer, verdict); } }));
        Console.WriteLine($"allocated per family: read {allocated.Item1 / lines.Length:N0} B, evaluate {allocated.Item2 / lines.Length:N0} B, write {allocated.Item3 / lines.Length:N0} B");
        var total = bestRead + bestEvaluate + bestWrite;
        Console.WriteLine($"{lines.Length:N0} families, best of {passes - 1} passes, per family: JSON parse {Micro(bestParse)}, read (with the parse) {Micro(bestRead)}, evaluate {Micro(bestEvaluate)}, write {Micro(bestWrite)}, total {Micro(total)} ({lines.Length / total.TotalSeconds:N0} families/s on one thread); the three stages one family at a time {Micro(bestTogether)}");

        return 0;

        string Micro(TimeSpan t) => $"{t.TotalMicroseconds / lines.Length:0.0}µs";
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static TimeSpan Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }
}
