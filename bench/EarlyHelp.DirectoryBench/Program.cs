using System.Diagnostics;
using System.Globalization;
using EarlyHelp.Core.ServiceDirectory;
using EarlyHelp.Data;
using EarlyHelp.Testing;
using EarlyHelp.Web;
using EarlyHelp.Web.Features.ServiceDirectory;
using Microsoft.EntityFrameworkCore;

// The directory search on PostgreSQL: a throwaway cluster, SERVICES synthetic services at venues spread over
// England's postcode districts, then QUERIES searches of the kinds families and practitioners make, each through
// DirectorySearch (the query service the search page, the Family Plan and the API share) with a fresh DbContext,
// as a request has. Prints p50, p95 and p99 overall and for each kind of search.
var services = Option("--services", 20_000);
var queries = Option("--queries", 1_000);
var warmup = Option("--warmup", 100);
var venues = Option("--venues", 2_000);
var seed = Option("--seed", 1);

await using var server = await PostgresServer.StartAsync();
var connection = await server.CreateDatabaseAsync("directory");
var engine = Engine.Load(Path.Combine(AppContext.BaseDirectory, "frameworks"));
var framework = engine.Frameworks.Get("national-2022");
var random = new Random(seed);
var districts = PostcodeDistricts.Districts.OrderBy(d => d, StringComparer.Ordinal).ToList();
var started = Stopwatch.GetTimestamp();
await using (var db = Database.Create(connection))
{
    await db.Database.MigrateAsync();
    await FrameworkTaxonomies.SyncAsync(db, engine);
    var places = Enumerable.Range(0, venues).Select(_ => districts[random.Next(districts.Count)]).ToList();
    await DirectoryDemo.SeedAsync(db, engine, services, places, seed);
    await db.Database.ExecuteSqlRawAsync("ANALYZE");
    Console.WriteLine($"seeded {await db.DirectoryServices.CountAsync():N0} services at {await db.DirectoryLocations.CountAsync():N0} venues in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
}

var headlines = framework.HeadlineOutcomes.Select(h => (string[])[h.Code, .. h.Needs.Select(n => n.Code)]).ToList();
var needs = framework.Needs.Keys.ToList();
string[] words = ["support", "family", "advice", "group", "parents", "young", "free", "school"];
(string Kind, DirectoryQuery Query) Next()
{
    PostcodeDistricts.TryLocate(districts[random.Next(districts.Count)], out _, out var near, out _);
    var age = random.Next(0, 40);
    var page = 1 + (random.Next(10) < 8 ? 0 : random.Next(1, 3));
    return random.Next(6) switch
    {
        0 => ("need + postcode", new DirectoryQuery { TermCodes = [needs[random.Next(needs.Count)]], Near = near, Page = page }),
        1 => ("headline + age + postcode within 5 miles", new DirectoryQuery { TermCodes = headlines[random.Next(headlines.Count)], YoungestAge = age, OldestAge = age, Near = near, WithinKilometres = 8.05, Page = page }),
        2 => ("postcode only", new DirectoryQuery { Near = near, Page = page }),
        3 => ("words + postcode", new DirectoryQuery { Text = words[random.Next(words.Length)], Near = near, Page = page }),
        4 => ("need + age, no postcode", new DirectoryQuery { TermCodes = [needs[random.Next(needs.Count)]], YoungestAge = age, OldestAge = age, Page = page }),
        _ => ("family plan: 3 needs + ages + postcode", new DirectoryQuery { TermCodes = [.. Enumerable.Range(0, 3).Select(_ => needs[random.Next(needs.Count)])], YoungestAge = 5, OldestAge = 38, Near = near, Page = page }),
    };
}

var timings = new List<(string Kind, double Ms)>();
for (var i = 0; i < warmup + queries; i++)
{
    var (kind, query) = Next();
    await using var db = Database.Create(connection);
    var search = new DirectorySearch(db);
    var t = Stopwatch.GetTimestamp();
    var results = await search.SearchAsync(query);
    var ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
    if (results.Hits.Count == 0 && results.Total > 0 && query.Page == 1)
    {
        throw new InvalidOperationException($"{kind}: {results.Total} found but none loaded");
    }

    if (i >= warmup)
    {
        timings.Add((kind, ms));
    }
}

Console.WriteLine($"{queries:N0} searches over {services:N0} services on PostgreSQL {await ServerVersionAsync()}, measured in-process through DirectorySearch (count, one page of ids, the page's services loaded); load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
Report("all", [.. timings.Select(t => t.Ms)]);
foreach (var group in timings.GroupBy(t => t.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
{
    Report(group.Key, [.. group.Select(t => t.Ms)]);
}

return 0;

async Task<string> ServerVersionAsync()
{
    await using var db = Database.Create(connection);
    return (await db.Database.SqlQueryRaw<string>("SELECT current_setting('server_version') AS \"Value\"").ToListAsync())[0];
}

static void Report(string name, List<double> ms)
{
    ms.Sort();
    double P(double p) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(p * ms.Count) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-42} n={ms.Count,5}  p50 {P(0.50),6:0.0} ms  p95 {P(0.95),6:0.0} ms  p99 {P(0.99),6:0.0} ms  max {ms[^1],6:0.0} ms"));
}

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
