using System.Diagnostics;
using System.Globalization;
using EarlyHelp.Load;

// Drives signed-in users over the caseload and family pages of a running host and prints the figures.
// bench/load.sh starts PostgreSQL and the host and runs this; see bench/README.md.
//   EarlyHelp.Load --url URL --accounts FILE [--users 50] [--duration 60] [--warmup 15] [--think-ms 0]
//                  [--seed 1] [--watch NAME=PID]...
// The accounts file has one "email<TAB>role" a line (practitioner or manager); their shared password is in
// EARLYHELP_LOAD_PASSWORD rather than on the command line. --watch names a process whose CPU time (with its
// children's, as PostgreSQL's backends are) is reported for the measured window.
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: EarlyHelp.Load --url URL --accounts FILE [--users N] [--duration S] [--warmup S] [--think-ms MS] [--seed N] [--watch NAME=PID]...");
    return 2;
}

var password = Environment.GetEnvironmentVariable("EARLYHELP_LOAD_PASSWORD");
if (string.IsNullOrEmpty(password))
{
    Console.Error.WriteLine("load: set EARLYHELP_LOAD_PASSWORD to the accounts' password");
    return 2;
}

var accounts = Accounts.Choose(options.AccountsFile, options.Users, options.Seed);
if (accounts is null)
{
    return 2;
}

var errors = new ErrorLog();
var users = accounts.Select((a, i) => new VirtualUser(options.Url, a, password, options.Seed * 1000 + i, options.ThinkMs, errors)).ToList();

var signingIn = Stopwatch.StartNew();
var signedIn = await Task.WhenAll(users.Select(u => u.SignInAsync()));
if (signedIn.Any(ok => !ok))
{
    Console.Error.WriteLine($"load: {signedIn.Count(ok => !ok)} of {users.Count} users could not sign in:");
    errors.Print(Console.Error);
    return 1;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"users:    {users.Count} signed in in {signingIn.Elapsed.TotalSeconds:0.0} s ({accounts.Count(a => a.Role == "practitioner")} practitioners, {accounts.Count(a => a.Role == "manager")} managers), " +
    $"seeing {users.Min(u => u.Visible)} to {users.Max(u => u.Visible)} families each (median {users.Select(u => u.Visible).Order().ElementAt(users.Count / 2)})"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"run:      {options.WarmupSeconds} s warm-up, then {options.DurationSeconds} s measured; think time {(options.ThinkMs == 0 ? "none (each user sends its next request as soon as the last is answered)" : $"{options.ThinkMs / 2}-{options.ThinkMs * 3 / 2} ms between requests")}"));

var measureFrom = Stopwatch.GetTimestamp() + (long)(options.WarmupSeconds * Stopwatch.Frequency);
var stopAt = measureFrom + (long)(options.DurationSeconds * Stopwatch.Frequency);
var runs = users.Select(u => Task.Run(() => u.RunAsync(measureFrom, stopAt))).ToArray();

await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds));
var cpu = new CpuWatch(options.Watch);
var before = cpu.Take();
var loadBefore = CpuWatch.LoadAverage();
await Task.Delay(TimeSpan.FromSeconds(options.DurationSeconds));
var after = cpu.Take();
var loadAfter = CpuWatch.LoadAverage();
await Task.WhenAll(runs);

var samples = users.SelectMany(u => u.Samples).ToList();
Report.Print(Console.Out, samples, options.DurationSeconds);
Console.WriteLine($"cpu:      {CpuWatch.Describe(before, after)}");
Console.WriteLine($"load:     {loadBefore} at the start of the measured window, {loadAfter} at its end");
if (errors.Count > 0)
{
    Console.WriteLine($"errors:   {errors.Count}, the first of them:");
    errors.Print(Console.Out);
    return 1;
}

return 0;

internal sealed record Options(Uri Url, string AccountsFile, int Users, double DurationSeconds, double WarmupSeconds, int ThinkMs, int Seed, IReadOnlyDictionary<string, int> Watch)
{
    public static Options? Parse(string[] args)
    {
        Uri? url = null;
        string? accounts = null;
        int users = 50, thinkMs = 0, seed = 1;
        double duration = 60, warmup = 15;
        var watch = new Dictionary<string, int>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            var ok = args[i] switch
            {
                "--url" => Uri.TryCreate(value, UriKind.Absolute, out url),
                "--accounts" => (accounts = value) is not null,
                "--users" => int.TryParse(value, CultureInfo.InvariantCulture, out users) && users > 0,
                "--duration" => double.TryParse(value, CultureInfo.InvariantCulture, out duration) && duration > 0,
                "--warmup" => double.TryParse(value, CultureInfo.InvariantCulture, out warmup) && warmup >= 0,
                "--think-ms" => int.TryParse(value, CultureInfo.InvariantCulture, out thinkMs) && thinkMs >= 0,
                "--seed" => int.TryParse(value, CultureInfo.InvariantCulture, out seed),
                "--watch" => value.Split('=') is [var name, var pid] && int.TryParse(pid, CultureInfo.InvariantCulture, out var p) && watch.TryAdd(name, p),
                _ => false,
            };
            if (!ok)
            {
                Console.Error.WriteLine($"load: unexpected or bad argument '{args[i]} {value}'");
                return null;
            }
        }

        return url is null || accounts is null || args.Length % 2 != 0 ? null : new Options(url, accounts, users, duration, warmup, thinkMs, seed, watch);
    }
}
