using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EarlyHelp.Core.Frameworks;
using EarlyHelp.Core.PartnerData;
using EarlyHelp.Data;
using EarlyHelp.Identification;
using EarlyHelp.Web.Features.PartnerData;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Cli;

/// <summary>
/// <c>earlyhelp import DATASET FILE</c>: one partner file into the web application's database (the one
/// <c>serve</c> uses), all or nothing, with a progress bar on standard error. Bad input exits with status 2.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var dataset = new Argument<string>("dataset") { Description = $"Which file it is: {string.Join(", ", PartnerSchema.Names)}." };
        var file = new Argument<string>("file") { Description = "The CSV file (contracts/datasets.md)." };
        var command = new Command("import", "Import one partner data file into the database: all or nothing, the same file twice changes nothing.") { dataset, file };
        command.SetAction((result, cancellation) => RunAsync(result.GetValue(dataset)!, result.GetValue(file)!, cancellation));
        return command;
    }

    private static async Task<int> RunAsync(string datasetName, string path, CancellationToken cancellation)
    {
        var problems = new List<string>();
        if (!PartnerSchema.TryParse(datasetName, out var dataset))
        {
            problems.Add($"dataset: '{datasetName}' is not one of {string.Join(", ", PartnerSchema.Names)}");
        }

        if (!File.Exists(path))
        {
            problems.Add($"file: {path}: no such file");
        }

        if (problems.Count > 0)
        {
            problems.ForEach(Console.Error.WriteLine);
            return CommandLine.BadInput;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var connectionString = WebHost.ConnectionString(configuration);
        if (Database.ProviderFor(connectionString) == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(AppPaths.Data);
        }

        await using var db = Database.Create(connectionString);
        await db.Database.MigrateAsync(cancellation);
        var importer = new PartnerDataImporter(db, TimeProvider.System);
        var record = await importer.RecordAsync(dataset, path, path, "", $"{Environment.UserName} (command line)", cancellation);
        var name = PartnerVocabulary.FileName(dataset);
        var clock = Stopwatch.StartNew();
        PartnerImport result;
        TimeSpan? storing = null;
        using (var bar = new TerminalProgress(Console.Error, $"import {name}"))
        {
            result = await importer.ImportAsync(record.Id, path, p =>
            {
                storing ??= p.Stage == "storing" ? clock.Elapsed : null;
                bar.Report(p);
            }, cancellation);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        switch (result.Status)
        {
            case ImportStatus.Succeeded:
                var rate = seconds > 0 ? (long)(result.RowsRead / seconds) : result.RowsRead;
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"import: {name}: {result.RowsRead:N0} rows read, {result.RowsAdded:N0} added, {result.RowsUpdated:N0} updated, in {seconds:0.0} s ({rate:N0} rows a second; read and staged in {storing?.TotalSeconds ?? seconds:0.0} s, merged in {seconds - (storing?.TotalSeconds ?? seconds):0.0} s)"));
                var engine = Engine.Load();
                var recheck = new ClosureRecheck(db, new Features.Families.FamilyVerdicts(db, engine, TimeProvider.System), engine, TimeProvider.System);
                if (await recheck.AfterImportAsync(result, cancellation) is > 0 and var found)
                {
                    Console.Error.WriteLine($"import: {found} needs of families closed in the last six months are no longer sustained; their lead practitioners have been told");
                }

                return 0;
            case ImportStatus.Failed:
                foreach (var error in await db.PartnerImportErrors.Where(e => e.ImportId == result.Id).OrderBy(e => e.Id).ToListAsync(CancellationToken.None))
                {
                    Console.Error.WriteLine(new DataError(path, error.Line, error.Column, error.Message));
                }

                Console.Error.WriteLine($"import: {result.Note}");
                return CommandLine.BadInput;
            default:
                Console.Error.WriteLine($"import: {result.Note}");
                return 1;
        }
    }
}

/// <summary>
/// A progress bar on a terminal (redrawn on one line), or plain lines every few seconds when standard error is not
/// a terminal (a log file, a test).
/// </summary>
public sealed class TerminalProgress(TextWriter output, string label) : IDisposable
{
    private readonly bool terminal = ReferenceEquals(output, Console.Error) && !Console.IsErrorRedirected;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan? last;
    private bool drawn;

    public void Report(ImportProgress progress)
    {
        var interval = terminal ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(5);
        var now = clock.Elapsed;
        if (last is { } previous && now - previous < interval && progress.Stage == "reading")
        {
            return;
        }

        last = now;
        var fraction = progress.Length > 0 ? Math.Clamp((double)progress.BytesRead / progress.Length, 0, 1) : 0;
        var rate = now.TotalSeconds > 0 ? progress.Rows / now.TotalSeconds : 0;
        var text = string.Create(CultureInfo.InvariantCulture, $"{label} {fraction * 100,3:0}% {progress.Rows:N0} rows, {rate:N0} rows a second, {progress.Stage}");
        if (terminal)
        {
            const int Width = 30;
            var done = (int)(fraction * Width);
            output.Write($"\r[{new string('#', done)}{new string('-', Width - done)}] {text}\u001b[K");
            drawn = true;
        }
        else
        {
            output.WriteLine(text);
        }

        output.Flush();
    }

    public void Dispose()
    {
        if (drawn)
        {
            output.WriteLine();
        }
    }
}
