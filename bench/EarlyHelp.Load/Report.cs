using System.Globalization;

namespace EarlyHelp.Load;

internal static class Report
{
    public static void Print(TextWriter to, IReadOnlyList<Sample> samples, double seconds)
    {
        to.WriteLine("page         requests  errors   req/s    p50 ms   p95 ms   p99 ms   max ms");
        foreach (var (name, group) in new[]
        {
            ("caseload", samples.Where(s => s.Page == PageKind.Caseload).ToList()),
            ("family", samples.Where(s => s.Page == PageKind.Family).ToList()),
            ("both", samples.ToList()),
        })
        {
            var times = group.Select(s => s.Milliseconds).Order().ToArray();
            to.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-10} {times.Length,10} {group.Count(s => !s.Ok),7} {times.Length / seconds,7:0.0} {Percentile(times, 0.50),9:0.0} {Percentile(times, 0.95),8:0.0} {Percentile(times, 0.99),8:0.0} {(times.Length == 0 ? 0 : times[^1]),8:0.0}"));
        }
    }

    /// <summary>Nearest rank: the smallest time that at least that share of the requests took no longer than.</summary>
    private static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Length) - 1)];
}
