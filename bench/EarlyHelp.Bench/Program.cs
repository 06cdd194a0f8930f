using System.Globalization;
using EarlyHelp.Bench;

// Benchmark tools. See bench/README.md.
//   generate --families N --out FILE.ndjson [--seed S]   synthetic national-2022 case files, one a line
//   stages FILE.ndjson [FAMILIES] [FRAMEWORKS-DIR]       time reading, evaluating and writing on one thread
//   sql-compare DIR AS-OF CANDIDATES.csv [ENGINES]        national-2022's identification as SQL in DuckDB and PostgreSQL
return args switch
{
    ["sql-compare", var dir, var asOf, var candidates] => await SqlIdentification.RunAsync(dir, DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture), candidates, ["duckdb", "postgres"]),
    ["sql-compare", var dir, var asOf, var candidates, var engines] => await SqlIdentification.RunAsync(dir, DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture), candidates, engines.Split(',')),
    ["generate", .. var rest] => Generate(rest),
    ["stages", var file] => Stages.Run(file, "frameworks", 20_000),
    ["stages", var file, var n] => Stages.Run(file, "frameworks", int.Parse(n, CultureInfo.InvariantCulture)),
    ["stages", var file, var n, var dir] => Stages.Run(file, dir, int.Parse(n, CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Generate(string[] args)
{
    int? families = null;
    string? output = null;
    var seed = 1;
    for (var i = 0; i < args.Length; i++)
    {
        var value = i + 1 < args.Length ? args[i + 1] : null;
        switch (args[i])
        {
            case "--families" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                families = n;
                i++;
                break;
            case "--out" when value is { Length: > 0 }:
                output = value;
                i++;
                break;
            case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s):
                seed = s;
                i++;
                break;
            default:
                Console.Error.WriteLine($"generate: unexpected or incomplete argument '{args[i]}'");
                return Usage();
        }
    }

    if (families is null || output is null)
    {
        return Usage();
    }

    if (Path.GetDirectoryName(Path.GetFullPath(output)) is { } directory)
    {
        Directory.CreateDirectory(directory);
    }

    var started = System.Diagnostics.Stopwatch.StartNew();
    long bytes;
    using (var file = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
    {
        new FamilyGenerator(seed).Write(file, families.Value);
        bytes = file.Length;
    }

    Console.Error.WriteLine($"generate: {families:N0} families, {bytes / 1e6:0.0} MB, seed {seed}, to {output} in {started.Elapsed.TotalSeconds:0.0}s");
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: EarlyHelp.Bench generate --families N --out FILE.ndjson [--seed S]");
    Console.Error.WriteLine("       EarlyHelp.Bench stages FILE.ndjson [FAMILIES] [FRAMEWORKS-DIR]");
    Console.Error.WriteLine("       EarlyHelp.Bench sql-compare DATA-DIR AS-OF CANDIDATES.csv [duckdb,postgres]");
    return 2;
}
