using System.Globalization;

namespace EarlyHelp.Load;

internal static class Report
{
    public static void Print(TextWriter to, IReadOnlyList<Sample> samples, double seconds)
    {
        // A manager's caseload holds a whole team's families and the front door's enquiries, so it is shown apart too.
        to.WriteLine("page                      requests  errors   req/s    p50 ms   p95 ms   p99 ms   max ms");
        foreach (var (name, group) in new[]
        {
            ("caseload", samples.Where(s => s.Page == PageKind.Caseload).ToList()),
            ("  by practitioners", samples.Where(s => s.Page == PageKind.Caseload && !s.Manager).ToList()),
            ("  by managers", samples.Where(s => s.Page == PageKind.Caseload && s.Manager).ToList()),
            ("family", samples.Where(s => s.Page == PageKind.Family).ToList()),
            ("both pages", samples.ToList()),
        })
        {
            var times = group.Select(s => s.Milliseconds).Order().ToArray();
            to.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-23} {times.Length,10} {group.Count(s => !s.Ok),7} {times.Length / seconds,7:0.0} {Percentile(times, 0.50),9:0.0} {Percentile(times, 0.95),8:0.0} {Percentile(times, 0.99),8:0.0} {(times.Length == 0 ? 0 : times[^1]),8:0.0}"));
        }
    }

    /// <summary>Nearest rank: the smallest time that at least that share of the requests took no longer than.</summary>
    private static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Length) - 1)];
}
