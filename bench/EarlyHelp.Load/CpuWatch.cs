using System.Diagnostics;
using System.Globalization;

namespace EarlyHelp.Load;

/// <summary>
/// Where the machine's CPU time went over the measured window: the watched processes (each with its
/// children, as PostgreSQL's backends are the postmaster's), this generator, and everything else, which on
/// a shared machine includes other people's builds. Read from /proc; nothing on other systems.
/// </summary>
internal sealed class CpuWatch(IReadOnlyDictionary<string, int> watched)
{
    // Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every architecture .NET runs on.
    private const double TicksPerSecond = 100;

    public sealed record Snapshot(long At, Dictionary<string, double> Seconds, double Generator, double MachineBusy);

    public Snapshot Take()
    {
        var byParent = new Dictionary<int, List<int>>();
        var times = new Dictionary<int, double>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var pid) || Stat(pid) is not var (parent, seconds))
            {
                continue;
            }

            times[pid] = seconds;
            (byParent.TryGetValue(parent, out var children) ? children : byParent[parent] = []).Add(pid);
        }

        var result = watched.ToDictionary(w => w.Key, w => times.GetValueOrDefault(w.Value) + byParent.GetValueOrDefault(w.Value, []).Sum(times.GetValueOrDefault));
        return new Snapshot(Stopwatch.GetTimestamp(), result, Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, MachineBusy());
    }

    public static string Describe(Snapshot before, Snapshot after)
    {
        var wall = Stopwatch.GetElapsedTime(before.At, after.At).TotalSeconds;
        string Cores(double seconds) => (seconds / wall).ToString("0.00", CultureInfo.InvariantCulture);
        var parts = after.Seconds.Select(p => $"{p.Key} {Cores(p.Value - before.Seconds.GetValueOrDefault(p.Key))}").ToList();
        var known = after.Seconds.Sum(p => p.Value - before.Seconds.GetValueOrDefault(p.Key)) + (after.Generator - before.Generator);
        var busy = after.MachineBusy - before.MachineBusy;
        parts.Add($"load generator {Cores(after.Generator - before.Generator)}");
        parts.Add($"everything else {Cores(Math.Max(0, busy - known))}");
        return $"{Cores(busy)} of {Environment.ProcessorCount} cores busy: " + string.Join(", ", parts);
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static (int Parent, double Seconds)? Stat(int pid)
    {
        try
        {
            // After the command name in parentheses (which may hold spaces): state, ppid, ... utime (14th), stime (15th).
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (int.Parse(fields[1], CultureInfo.InvariantCulture),
                (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond);
        }
        catch (IOException)
        {
            return null; // the process ended
        }
    }

    /// <summary>Busy CPU seconds of the whole machine since boot, from /proc/stat: all but idle and waiting for I/O.</summary>
    private static double MachineBusy()
    {
        if (!File.Exists("/proc/stat"))
        {
            return 0;
        }

        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return (fields.Sum() - fields[3] - fields[4]) / TicksPerSecond;
    }
}
