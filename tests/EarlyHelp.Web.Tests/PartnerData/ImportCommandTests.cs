using System.Diagnostics;
using EarlyHelp.Core.PartnerData;
using EarlyHelp.Data;
using EarlyHelp.Identification.Synthetic;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.PartnerData;

/// <summary><c>earlyhelp import</c> as a real process on an embedded database: the summary, every problem, and a killed import.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("earlyhelp-import-cli-").FullName;

    private string ConnectionString => $"Data Source={Path.Combine(folder, "earlyhelp.db")}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "EarlyHelp.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__EarlyHelp"] = ConnectionString;
        start.Environment.Remove("EARLYHELP_ROOT");
        start.Environment.Remove("EARLYHELP_FRAMEWORKS");
        return Process.Start(start)!;
    }

    private async Task<(int Exit, string Error)> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await error);
    }

    private EarlyHelpDbContext Database() => Data.Database.Create(ConnectionString);

    [Fact]
    public async Task Imports_report_their_rows_or_every_problem_and_a_killed_import_stores_nothing()
    {
        var data = Path.Combine(folder, "synth");
        SyntheticPartnerData.Write(60_000, data, seed: 3, new DateOnly(2025, 3, 31));

        var (exit, error) = await RunAsync("import", "people", Path.Combine(data, "people.csv"));
        Assert.True(exit == 0, error);
        Assert.Contains("import: people.csv: 60,000 rows read, 60,000 added, 0 updated", error, StringComparison.Ordinal);
        Assert.Contains("import people.csv", error, StringComparison.Ordinal); // progress, as plain lines when not a terminal

        // Killed while reading attendance: the transaction never commits.
        using (var process = Start("import", "attendance", Path.Combine(data, "attendance.csv")))
        {
            var line = await process.StandardError.ReadLineAsync();
            while (line is not null && !line.StartsWith("import attendance.csv", StringComparison.Ordinal))
            {
                line = await process.StandardError.ReadLineAsync();
            }

            Assert.NotNull(line);
            await Task.Delay(300);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        await using (var db = Database())
        {
            Assert.Equal(0, await db.PartnerAttendance.CountAsync());
            Assert.Equal(ImportStatus.Running, (await db.PartnerImports.SingleAsync(i => i.Dataset == "attendance")).Status);
        }

        (exit, error) = await RunAsync("import", "attendance", Path.Combine(data, "attendance.csv"));
        Assert.True(exit == 0, error);
        await using (var db = Database())
        {
            var imports = await db.PartnerImports.Where(i => i.Dataset == "attendance").ToListAsync();
            var killed = Assert.Single(imports, i => i.Status == ImportStatus.Interrupted);
            Assert.Equal("stopped before the end (the process ended): nothing was stored", killed.Note);
            var done = Assert.Single(imports, i => i.Status == ImportStatus.Succeeded);
            Assert.Equal(done.RowsAdded, await db.PartnerAttendance.CountAsync());
            Assert.Contains($"import: attendance.csv: {done.RowsRead:N0} rows read, {done.RowsAdded:N0} added", error, StringComparison.Ordinal);
        }

        var bad = Path.Combine(folder, "police.csv");
        await File.WriteAllTextAsync(bad, "person_id,date,type,role,severe\nP000000001,2025-01-01,arrest,subject,0\nX1,2025-02-30,arrest,witness,1\n");
        (exit, error) = await RunAsync("import", "police", bad);
        Assert.Equal(2, exit);
        Assert.Contains($"{bad}:3:1: person_id: 'X1' is not in people.csv", error, StringComparison.Ordinal);
        Assert.Contains($"{bad}:3:2: date: '2025-02-30' is not a date (YYYY-MM-DD)", error, StringComparison.Ordinal);
        Assert.Contains($"{bad}:3:4: role: 'witness' is not one of subject, victim, perpetrator", error, StringComparison.Ordinal);
        Assert.Contains("import: 3 problems in the file: nothing was stored", error, StringComparison.Ordinal);

        (exit, error) = await RunAsync("import", "pets", bad);
        Assert.Equal(2, exit);
        Assert.Contains("dataset: 'pets' is not one of people, attendance, exclusions, police, benefits, neet, housing, social_care, health", error, StringComparison.Ordinal);
    }
}
