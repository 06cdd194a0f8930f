using System.Diagnostics;
using System.Globalization;

namespace EarlyHelp.Identification;

/// <summary>
/// Progress on a long run, written every few seconds to a writer (standard error): rows read so far in each file
/// being read, then households evaluated. Nothing is written for a run shorter than the interval.
/// </summary>
public sealed class IdentificationProgress : IDisposable
{
    private readonly TextWriter output;
    private readonly Timer timer;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Dictionary<string, CsvInput> reading = [];
    private readonly Lock gate = new();
    private long householdsDone;
    private long householdsTotal;

    public IdentificationProgress(TextWriter output, TimeSpan interval)
    {
        this.output = output;
        timer = new Timer(_ => Report(), null, interval, interval);
    }

    internal void Started(string name, CsvInput input)
    {
        lock (gate)
        {
            reading[name] = input;
        }
    }

    internal void Finished(string name)
    {
        lock (gate)
        {
            reading.Remove(name);
        }
    }

    internal void Evaluating(long total) => Interlocked.Exchange(ref householdsTotal, total);

    internal void Evaluated(long households) => Interlocked.Add(ref householdsDone, households);

    private void Report()
    {
        string line;
        lock (gate)
        {
            var elapsed = clock.Elapsed.ToString(@"m\:ss", CultureInfo.InvariantCulture);
            if (reading.Count > 0)
            {
                // Rows is written by the reading thread; a slightly stale count is fine for progress.
                line = $"identify: {elapsed} reading " + string.Join(", ", reading.OrderBy(r => r.Key, StringComparer.Ordinal)
                    .Select(r => $"{r.Key} {Millions(r.Value.Rows)} rows"));
            }
            else if (Interlocked.Read(ref householdsTotal) is > 0 and var total)
            {
                line = $"identify: {elapsed} evaluated {Millions(Interlocked.Read(ref householdsDone))} of {Millions(total)} households";
            }
            else
            {
                line = $"identify: {elapsed} working";
            }
        }

        lock (output)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    internal static string Millions(long n) => n >= 1_000_000
        ? (n / 1_000_000d).ToString("0.0", CultureInfo.InvariantCulture) + "M"
        : n.ToString("N0", CultureInfo.InvariantCulture);

    public void Dispose() => timer.Dispose();
}
