using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using EarlyHelp.Core.Calendar;
using EarlyHelp.Core.Frameworks;
using EarlyHelp.Core.Outcomes;

namespace EarlyHelp.Bench;

/// <summary>
/// Where the time goes, one thread, in process: reading and checking case files, evaluating them, writing
/// the verdicts. Each stage runs over the same lines, held in memory, after a warm-up pass.
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

        for (var pass = 0; pass < 2; pass++)
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
            var total = read + evaluate + write;
            Console.WriteLine($"pass {pass + 1}: {lines.Length:N0} families, per family: JSON parse {Micro(parse)}, read (with the parse) {Micro(read)}, evaluate {Micro(evaluate)}, write {Micro(write)}, total {Micro(total)} ({lines.Length / total.TotalSeconds:N0} families/s on one thread)");
        }

        return 0;

        string Micro(TimeSpan t) => $"{t.TotalMicroseconds / lines.Length:0.0}µs";
    }

    private static TimeSpan Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }
}
