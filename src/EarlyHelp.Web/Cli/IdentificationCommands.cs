using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using EarlyHelp.Core.Calendar;
using EarlyHelp.Core.Frameworks;
using EarlyHelp.Identification;
using EarlyHelp.Identification.Synthetic;

namespace EarlyHelp.Web.Cli;

/// <summary>
/// <c>earlyhelp identify</c> (partner data files in, candidate families out: contracts/datasets.md) and
/// <c>earlyhelp synth</c> (synthetic partner files to try it on). Bad input exits with status 2, as
/// <c>evaluate</c> does; every problem found is printed on standard error.
/// </summary>
public static class IdentificationCommands
{
    public static Command Identify()
    {
        var data = new Option<string>("--data") { Description = "The folder holding people.csv and the other partner files." };
        var asOf = new Option<string>("--as-of") { Description = "The date to identify on (YYYY-MM-DD): windows end on it." };
        var framework = new Option<string>("--framework") { Description = "The framework whose identification rules to use.", DefaultValueFactory = _ => "national-2022" };
        var output = new Option<string?>("--out") { Description = "Write the candidates to this CSV file instead of standard output." };
        var command = new Command("identify", "Find the families who need help in partner data files: one row per household with a need, most needs first.")
        {
            data, asOf, framework, output,
        };
        command.SetAction(result => RunIdentify(result.GetValue(data), result.GetValue(asOf), result.GetValue(framework)!, result.GetValue(output)));
        return command;
    }

    public static Command Synth()
    {
        var people = new Option<string>("--people") { Description = "How many people to make (e.g. 1500000)." };
        var output = new Option<string>("--out") { Description = "The folder to write the partner files to (made if absent)." };
        var seed = new Option<string>("--seed") { Description = "The random seed: the same seed gives the same files.", DefaultValueFactory = _ => "1" };
        var asOf = new Option<string>("--as-of") { Description = "The date the data runs up to (YYYY-MM-DD).", DefaultValueFactory = _ => "2025-03-31" };
        var command = new Command("synth", "Write synthetic partner data files (made-up people, plausible for England) for identify to read.")
        {
            people, output, seed, asOf,
        };
        command.SetAction(result => RunSynth(result.GetValue(people), result.GetValue(output), result.GetValue(seed)!, result.GetValue(asOf)!));
        return command;
    }

    private static int RunIdentify(string? directory, string? asOfText, string frameworkId, string? outPath)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(directory))
        {
            problems.Add("--data: the folder of partner files is required");
        }
        else if (!Directory.Exists(directory))
        {
            problems.Add($"--data: {directory}: no such folder");
        }

        if (string.IsNullOrWhiteSpace(asOfText))
        {
            problems.Add("--as-of: the date to identify on is required (YYYY-MM-DD)");
        }
        else if (!TryDate(asOfText, out _))
        {
            problems.Add($"--as-of: '{asOfText}' is not a date (YYYY-MM-DD)");
        }

        FrameworkCatalog catalog;
        try
        {
            // Only the framework asked for, when there is one by that name; else all, to say which there are.
            var one = File.Exists(Path.Combine(AppPaths.Frameworks, frameworkId + ".yaml"));
            catalog = FrameworkCatalog.LoadDirectory(AppPaths.Frameworks, one ? frameworkId : null);
        }
        catch (FrameworkDefinitionException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }

        if (!catalog.TryGet(frameworkId, out var framework))
        {
            problems.Add($"--framework: unknown framework '{frameworkId}' (known: {string.Join(", ", catalog.All.Select(f => f.Id))})");
        }
        else if (!framework.Needs.Values.Any(n => n.Identification is not null))
        {
            problems.Add($"--framework: {frameworkId} states no identification rules");
        }

        if (problems.Count > 0)
        {
            problems.ForEach(Console.Error.WriteLine);
            return CommandLine.BadInput;
        }

        TryDate(asOfText!, out var asOf);
        var total = Stopwatch.StartNew();
        var engine = new IdentificationEngine(framework, asOf, SchoolCalendar.England);
        using var progress = new IdentificationProgress(Console.Error, TimeSpan.FromSeconds(5));
        var read = new PartnerDataReader(progress).Read(directory!, engine.Rules, asOf, SchoolCalendar.England);
        if (read.Data is null)
        {
            foreach (var error in read.Errors)
            {
                Console.Error.WriteLine(error);
            }

            Console.Error.WriteLine($"identify: {read.Errors.Count} problems in the partner files; nothing identified");
            return CommandLine.BadInput;
        }

        var clock = Stopwatch.StartNew();
        var result = engine.Run(read.Data, progress);
        var evaluateTime = clock.Elapsed;
        clock.Restart();
        try
        {
            WriteCandidates(outPath, result.Candidates);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"--out: {outPath}: {e.Message}");
            return CommandLine.BadInput;
        }

        var writeTime = clock.Elapsed;
        Summary(Console.Error, framework, asOf, engine, read, result, evaluateTime, writeTime, total.Elapsed);
        return 0;
    }

    private static void WriteCandidates(string? path, IReadOnlyList<Candidate> candidates)
    {
        var utf8 = new UTF8Encoding(false);
        using var stream = path is null ? Console.OpenStandardOutput() : new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new StreamWriter(stream, utf8, 1 << 16);
        CandidateWriter.Write(writer, candidates);
    }

    private static void Summary(TextWriter e, Framework framework, DateOnly asOf, IdentificationEngine engine, ReadResult read, IdentificationResult result, TimeSpan evaluate, TimeSpan write, TimeSpan total)
    {
        string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        string S(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
        e.WriteLine($"identify: {framework.Id} as of {asOf:yyyy-MM-dd}, {engine.RuleCount} needs with identification rules");
        foreach (var f in read.Files)
        {
            e.WriteLine(f.Note is { } note
                ? $"  {f.Name,-16} {note}"
                : $"  {f.Name,-16} {N(f.Rows),13} rows, {N(f.Kept),12} kept for the rules, {S(f.Time)}");
        }

        e.WriteLine($"households: {N(result.Households)} read, {N(result.HouseholdsWithChildren)} with a dependent child or an expected baby");
        e.WriteLine($"candidates: {N(result.Candidates.Count)}, of whom {N(result.Eligible)} eligible (needs in at least {framework.MinimumHeadlineOutcomes} headline outcomes)");
        e.WriteLine($"time: read people {S(read.PeopleTime)}, finish the other files (read alongside) {S(read.OtherFilesTime)} after that, evaluate {S(evaluate)}, sort and write {S(write)}, total {S(total)}");
    }

    private static int RunSynth(string? peopleText, string? directory, string seedText, string asOfText)
    {
        var problems = new List<string>();
        if (!long.TryParse(peopleText, NumberStyles.None, CultureInfo.InvariantCulture, out var people) || people < 1)
        {
            problems.Add($"--people: '{peopleText}' is not a whole number of 1 or more");
        }

        if (string.IsNullOrWhiteSpace(directory))
        {
            problems.Add("--out: the folder to write to is required");
        }

        if (!long.TryParse(seedText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
        {
            problems.Add($"--seed: '{seedText}' is not a whole number");
        }

        if (!TryDate(asOfText, out var asOf))
        {
            problems.Add($"--as-of: '{asOfText}' is not a date (YYYY-MM-DD)");
        }

        if (problems.Count > 0)
        {
            problems.ForEach(Console.Error.WriteLine);
            return CommandLine.BadInput;
        }

        SynthSummary summary;
        try
        {
            summary = SyntheticPartnerData.Write(people, directory!, seed, asOf, Console.Error);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"--out: {directory}: {e.Message}");
            return CommandLine.BadInput;
        }

        var n = (long x) => x.ToString("N0", CultureInfo.InvariantCulture);
        Console.Error.WriteLine($"synth: {n(summary.People)} people in {n(summary.Households)} households, {n(summary.Rows)} rows, data up to {asOf:yyyy-MM-dd}, seed {seed}, {summary.Time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        foreach (var (file, rows, bytes) in summary.Files)
        {
            Console.Error.WriteLine($"  {file,-16} {n(rows),13} rows {n(bytes / 1_000_000),7} MB");
        }

        return 0;
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && date.Year is >= 1900 and <= 2199;
}
