using EarlyHelp.Core.Frameworks;
using EarlyHelp.Core.PartnerData;
using EarlyHelp.Data;
using EarlyHelp.Identification.Synthetic;
using EarlyHelp.Web.Features.PartnerData;
using EarlyHelp.Web.Tests.Casework;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.PartnerData;

/// <summary>Importing partner files into the database: all or nothing, idempotent, merged on natural keys, every bad row reported.</summary>
public abstract class ImportTests<TSite>(TSite site) : IClassFixture<TSite>, IDisposable
    where TSite : CaseworkSite
{
    private readonly string folder = Directory.CreateTempSubdirectory("earlyhelp-import-").FullName;

    public void Dispose()
    {
        Directory.Delete(folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<PartnerImport> ImportAsync(PartnerDataset dataset, string path, Action<ImportProgress>? progress = null, CancellationToken cancellation = default)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<PartnerDataImporter>();
        var record = await importer.RecordAsync(dataset, path, Path.GetFileName(path), "test-user", "Test User", CancellationToken.None);
        return await importer.ImportAsync(record.Id, path, progress, cancellation);
    }

    private async Task<T> QueryAsync<T>(Func<EarlyHelpDbContext, Task<T>> query)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>());
    }

    [Fact]
    public async Task The_same_file_twice_changes_nothing_and_a_later_extract_updates_on_the_natural_key()
    {
        var people = Write("people.csv", "person_id,family_id,date_of_birth,expected_baby_due\nIM-P1,IM-F1,1985-03-02,\nIM-P2,IM-F1,2012-06-30,\n");
        var first = await ImportAsync(PartnerDataset.People, people);
        Assert.Equal((ImportStatus.Succeeded, 2L, 2L, 0L), (first.Status, first.RowsRead, first.RowsAdded, first.RowsUpdated));
        Assert.Equal(64, first.Sha256.Length);
        Assert.Equal("Test User", first.ByName);

        var police = Write("police.csv", "person_id,date,type,role,severe\nIM-P1,2024-05-01,asb,subject,0\nIM-P1,2024-06-01,arrest,subject,1\n");
        var again = await ImportAsync(PartnerDataset.Police, police);
        var twice = await ImportAsync(PartnerDataset.Police, police);
        Assert.Equal((2L, 0L), (again.RowsAdded, again.RowsUpdated));
        Assert.Equal((ImportStatus.Succeeded, 2L, 0L, 0L), (twice.Status, twice.RowsRead, twice.RowsAdded, twice.RowsUpdated));

        // An overlapping extract: one row the same, one corrected (not severe after all), one new; the last line for a key wins.
        var later = Write("police-later.csv", "severe,role,type,date,person_id,extra\n0,subject,asb,2024-05-01,IM-P1,x\n1,subject,arrest,2024-06-01,IM-P1,x\n0,subject,arrest,2024-06-01,IM-P1,x\n1,victim,domestic-abuse,2024-07-01,IM-P2,x\n");
        var merged = await ImportAsync(PartnerDataset.Police, later);
        Assert.Equal((4L, 1L, 1L), (merged.RowsRead, merged.RowsAdded, merged.RowsUpdated));
        var rows = await QueryAsync(db => db.PartnerPoliceIncidents.Where(p => p.PersonId.StartsWith("IM-")).OrderBy(p => p.Date).ToListAsync());
        Assert.Equal(["asb:False", "arrest:False", "domestic-abuse:True"], rows.Select(r => $"{r.Type}:{r.Severe}"));

        // A person who has moved household: the later people extract updates them.
        var moved = await ImportAsync(PartnerDataset.People, Write("people-later.csv", "person_id,family_id,date_of_birth\nIM-P2,IM-F2,2012-06-30\n"));
        Assert.Equal((0L, 1L), (moved.RowsAdded, moved.RowsUpdated));
        Assert.Equal("IM-F2", await QueryAsync(db => db.PartnerPeople.Where(p => p.PersonId == "IM-P2").Select(p => p.FamilyId).SingleAsync()));
    }

    [Fact]
    public async Task Every_bad_row_is_reported_with_its_line_and_column_and_nothing_is_stored()
    {
        await ImportAsync(PartnerDataset.People, Write("people.csv", "person_id,family_id,date_of_birth\nBAD-P1,BAD-F1,1990-01-01\n"));
        var attendance = Write("attendance.csv",
            "person_id,academic_year,term,possible_sessions,attended_sessions,authorised_absence,unauthorised_absence\n" +
            "BAD-P1,2023/24,autumn,100,90,5,5\n" +
            "BAD-P9,2023/24,winter,100,90,5,5\n" +
            "\"BAD-P1\",2023-24,spring,100,90,0,0\n" +
            "BAD-P1,2023/24,spring,10,90,0,0\n");
        var result = await ImportAsync(PartnerDataset.Attendance, attendance);
        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Equal(4, result.ErrorCount);
        var errors = await QueryAsync(db => db.PartnerImportErrors.Where(e => e.ImportId == result.Id).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(
            [
                "3:1: person_id: 'BAD-P9' is not in people.csv",
                "3:3: term: 'winter' is not autumn, spring or summer",
                "4:2: academic_year: '2023-24' is not an academic year like 2023/24",
                "5:4: possible_sessions: 10 possible sessions is fewer than 90 attended, 0 authorised and 0 unauthorised absence together",
            ],
            errors.Select(e => $"{e.Line}:{e.Column}: {e.Message}"));
        Assert.Equal(0, await QueryAsync(db => db.PartnerAttendance.CountAsync(a => a.PersonId.StartsWith("BAD-"))));

        var missing = await ImportAsync(PartnerDataset.Housing, Write("housing.csv", "family,date,status\nBAD-F1,2024-01-01,settled\n"));
        Assert.Equal(ImportStatus.Failed, missing.Status);
        var header = await QueryAsync(db => db.PartnerImportErrors.SingleAsync(e => e.ImportId == missing.Id));
        Assert.Equal((1L, "missing required column 'family_id' (the header has: family, date, status)"), (header.Line, header.Message));
    }

    [Fact]
    public async Task An_import_cancelled_midway_stores_nothing_and_says_so()
    {
        var data = Path.Combine(folder, "synth");
        SyntheticPartnerData.Write(6000, data, seed: 7, new DateOnly(2025, 3, 31));
        Assert.Equal(ImportStatus.Succeeded, (await ImportAsync(PartnerDataset.People, Path.Combine(data, "people.csv"))).Status);
        var before = await QueryAsync(db => db.PartnerAttendance.CountAsync());

        using var cancel = new CancellationTokenSource();
        var seen = new List<ImportProgress>();
        var result = await ImportAsync(PartnerDataset.Attendance, Path.Combine(data, "attendance.csv"), p =>
        {
            seen.Add(p);
            if (p.Rows >= 20_000)
            {
                cancel.Cancel(); // well into the file: rows are already in the staging table
            }
        }, cancel.Token);

        Assert.Equal(ImportStatus.Interrupted, result.Status);
        Assert.Contains("nothing was stored", result.Note, StringComparison.Ordinal);
        Assert.Contains(seen, p => p.Rows >= 20_000 && p.BytesRead < p.Length);
        Assert.Equal(before, await QueryAsync(db => db.PartnerAttendance.CountAsync()));

        // Then the whole file imports, and a second time adds nothing.
        var whole = await ImportAsync(PartnerDataset.Attendance, Path.Combine(data, "attendance.csv"));
        Assert.Equal(ImportStatus.Succeeded, whole.Status);
        Assert.True(whole.RowsAdded > 20_000);
        Assert.Equal(before + whole.RowsAdded, await QueryAsync(db => db.PartnerAttendance.CountAsync()));
        Assert.Equal(0, (await ImportAsync(PartnerDataset.Attendance, Path.Combine(data, "attendance.csv"))).RowsAdded);
    }
}

public sealed class SqliteImportTests(SqliteSite site) : ImportTests<SqliteSite>(site);

public sealed class PostgresImportTests(PostgresSite site) : ImportTests<PostgresSite>(site);
