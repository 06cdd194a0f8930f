using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using EarlyHelp.Core.Frameworks;
using EarlyHelp.Core.PartnerData;
using EarlyHelp.Data;
using EarlyHelp.Identification;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace EarlyHelp.Web.Features.PartnerData;

/// <summary>Where an import has got to, for a progress bar or page.</summary>
public sealed record ImportProgress(string Stage, long Rows, long BytesRead, long Length);

/// <summary>
/// Loads one partner file into the database, all or nothing. The file is streamed with identify's parser and checks
/// into a staging table (binary COPY on PostgreSQL, prepared inserts on SQLite), then merged into the dataset's table
/// on its natural key (<see cref="PartnerSchema"/>) in the same transaction: rows with a new key are added, rows whose
/// other values changed are updated, and the same file again changes nothing. Any bad row, a cancellation or the
/// process ending rolls the whole file back. Imports are one at a time (a database lock).
/// </summary>
public sealed class PartnerDataImporter(EarlyHelpDbContext db, TimeProvider clock)
{
    private const string Staging = "import_staging";

    /// <summary>Starts the record of an import (status queued) for a file about to be imported.</summary>
    public async Task<PartnerImport> RecordAsync(PartnerDataset dataset, string path, string fileName, string byUserId, string byName, CancellationToken cancellation = default)
    {
        var now = clock.GetUtcNow();
        var record = new PartnerImport
        {
            Dataset = PartnerSchema.Name(dataset),
            FileName = Path.GetFileName(fileName),
            Sha256 = await Sha256Async(path, cancellation),
            Bytes = new FileInfo(path).Length,
            Status = ImportStatus.Queued,
            ByUserId = byUserId,
            ByName = byName,
            StartedAt = now,
            UpdatedAt = now,
        };
        db.PartnerImports.Add(record);
        await db.SaveChangesAsync(cancellation);
        return record;
    }

    /// <summary>Imports the file recorded as <paramref name="importId"/>. The record says how it went, whatever happens.</summary>
    public async Task<PartnerImport> ImportAsync(Guid importId, string path, Action<ImportProgress>? progress = null, CancellationToken cancellation = default)
    {
        var record = await db.PartnerImports.SingleAsync(i => i.Id == importId, CancellationToken.None);
        if (!PartnerSchema.TryParse(record.Dataset, out var dataset))
        {
            throw new InvalidOperationException($"unknown dataset {record.Dataset}");
        }

        record.Status = ImportStatus.Running;
        record.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(CancellationToken.None);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
            var connection = db.Database.GetDbConnection();
            var postgres = connection is NpgsqlConnection;
            if (postgres)
            {
                await Execute("SELECT pg_advisory_xact_lock(7301)", cancellation);
            }

            // Holding the lock, any other import still marked running has died: say so.
            await db.PartnerImports.Where(i => i.Status == ImportStatus.Running && i.Id != importId)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Interrupted).SetProperty(i => i.Note, StoppedNote), cancellation);

            var table = Table(dataset);
            var (people, families) = dataset == PartnerDataset.People ? ([], []) : await KnownIdsAsync(cancellation);
            progress?.Invoke(new ImportProgress("reading", 0, 0, record.Bytes));
            await CreateStagingAsync(table, postgres, cancellation);
            var result = postgres
                ? await CopyAsync(dataset, table, path, record.FileName, people, families, progress, cancellation)
                : await InsertAsync(dataset, table, path, record.FileName, people, families, progress, cancellation);

            record.RowsRead = result.Rows;
            record.BytesRead = record.Bytes;
            record.ErrorCount = result.ErrorCount;
            if (result.ErrorCount > 0)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                return await FinishAsync(importId, ImportStatus.Failed, r =>
                {
                    r.RowsRead = result.Rows;
                    r.ErrorCount = result.ErrorCount;
                    r.Note = $"{result.ErrorCount} problems in the file: nothing was stored";
                }, result.Errors);
            }

            progress?.Invoke(new ImportProgress("storing", result.Rows, record.Bytes, record.Bytes));
            record.RowsUpdated = await MergeUpdateAsync(table, cancellation);
            record.RowsAdded = await MergeInsertAsync(table, cancellation);
            if (!postgres)
            {
                await Execute($"DROP TABLE temp.{Staging}", cancellation);
            }

            record.Status = ImportStatus.Succeeded;
            record.FinishedAt = clock.GetUtcNow();
            record.UpdatedAt = record.FinishedAt.Value;
            await db.SaveChangesAsync(cancellation);
            await transaction.CommitAsync(cancellation);
            return record;
        }
        catch (Exception e) when (e is OperationCanceledException || cancellation.IsCancellationRequested)
        {
            db.ChangeTracker.Clear();
            return await FinishAsync(importId, ImportStatus.Interrupted, r => r.Note = "cancelled before the end: nothing was stored", []);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            db.ChangeTracker.Clear();
            return await FinishAsync(importId, ImportStatus.Failed, r => r.Note = $"the file could not be read: {e.Message}", []);
        }
    }

    public const string StoppedNote = "stopped before the end (the process ended): nothing was stored";

    public static async Task<string> Sha256Async(string path, CancellationToken cancellation = default)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellation));
    }

    private async Task<PartnerImport> FinishAsync(Guid importId, ImportStatus status, Action<PartnerImport> set, IReadOnlyList<DataError> errors)
    {
        var record = await db.PartnerImports.SingleAsync(i => i.Id == importId);
        record.Status = status;
        set(record);
        record.FinishedAt = clock.GetUtcNow();
        record.UpdatedAt = record.FinishedAt.Value;
        db.PartnerImportErrors.AddRange(errors.Select(e => new PartnerImportError { ImportId = importId, Line = e.Line, Column = e.Column, Message = e.Message }));
        await db.SaveChangesAsync();
        return record;
    }

    /// <summary>The stored table of a dataset and its columns in <see cref="PartnerSchema"/> order.</summary>
    internal sealed record TableInfo(string Name, IReadOnlyList<(PartnerColumn Column, string Name)> Columns)
    {
        public IEnumerable<string> Keys => Columns.Where(c => c.Column.Key).Select(c => c.Name);

        public IEnumerable<string> Values => Columns.Where(c => !c.Column.Key).Select(c => c.Name);

        public string List => string.Join(", ", Columns.Select(c => c.Name));
    }

    internal static Type EntityOf(PartnerDataset dataset) => dataset switch
    {
        PartnerDataset.People => typeof(PartnerPerson),
        PartnerDataset.Attendance => typeof(PartnerAttendance),
        PartnerDataset.Exclusions => typeof(PartnerExclusion),
        PartnerDataset.Police => typeof(PartnerPoliceIncident),
        PartnerDataset.Benefits => typeof(PartnerBenefitClaim),
        PartnerDataset.Neet => typeof(PartnerNeetRecord),
        PartnerDataset.Housing => typeof(PartnerHousingEvent),
        PartnerDataset.SocialCare => typeof(PartnerSocialCareEpisode),
        _ => typeof(PartnerHealthFlag),
    };

    internal TableInfo Table(PartnerDataset dataset) => TableOf(db, dataset);

    /// <summary>Names as the model maps them (each property is its file column's name in PascalCase), quoted for SQL.</summary>
    internal static TableInfo TableOf(EarlyHelpDbContext db, PartnerDataset dataset)
    {
        var entity = db.Model.FindEntityType(EntityOf(dataset))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = PartnerSchema.For(dataset)
            .Select(c => (c, Quote(entity.FindProperty(Pascal(c.Name))!.GetColumnName(table)!)))
            .ToList();
        return new TableInfo(Quote(entity.GetTableName()!), columns);
    }

    internal static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static string Pascal(string snake) =>
        string.Concat(snake.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    private async Task<(HashSet<string> People, HashSet<string> Families)> KnownIdsAsync(CancellationToken cancellation)
    {
        var people = new HashSet<string>(StringComparer.Ordinal);
        var families = new HashSet<string>(StringComparer.Ordinal);
        var t = TableOf(db, PartnerDataset.People);
        await using var command = Command($"SELECT {t.Columns[0].Name}, {t.Columns[1].Name} FROM {t.Name}");
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            people.Add(reader.GetString(0));
            families.Add(reader.GetString(1));
        }

        return (people, families);
    }

    private async Task CreateStagingAsync(TableInfo table, bool postgres, CancellationToken cancellation)
    {
        if (postgres)
        {
            await Execute($"CREATE TEMP TABLE {Staging} ON COMMIT DROP AS SELECT {table.List}, 0::bigint AS line FROM {table.Name} WITH NO DATA", cancellation);
        }
        else
        {
            await Execute($"DROP TABLE IF EXISTS temp.{Staging}", cancellation);
            await Execute($"CREATE TEMP TABLE {Staging} AS SELECT {table.List}, 0 AS line FROM {table.Name} WHERE 0", cancellation);
        }
    }

    private async Task<PartnerFileResult> CopyAsync(
        PartnerDataset dataset, TableInfo table, string path, string name, HashSet<string> people, HashSet<string> families,
        Action<ImportProgress>? progress, CancellationToken cancellation)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var types = table.Columns.Select(c => c.Column.Kind switch
        {
            PartnerValueKind.Date => NpgsqlDbType.Date,
            PartnerValueKind.Whole => NpgsqlDbType.Integer,
            PartnerValueKind.Number => NpgsqlDbType.Double,
            PartnerValueKind.Flag => NpgsqlDbType.Boolean,
            _ => NpgsqlDbType.Varchar,
        }).ToArray();
        PartnerFileResult result;
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY {Staging} ({table.List}, line) FROM STDIN (FORMAT BINARY)", cancellation))
        {
            long line = 0;
            result = PartnerFileRows.Read(path, name, dataset, people, families, values =>
            {
                copy.StartRow();
                for (var i = 0; i < values.Length; i++)
                {
                    if (values[i] is null)
                    {
                        copy.WriteNull();
                    }
                    else
                    {
                        copy.Write(values[i], types[i]);
                    }
                }

                copy.Write(++line, NpgsqlDbType.Bigint);
            }, p => progress?.Invoke(new ImportProgress("reading", p.Rows, p.BytesRead, p.Length)), cancellation);

            if (result.ErrorCount == 0)
            {
                await copy.CompleteAsync(cancellation);
            }
        }

        return result;
    }

    private async Task<PartnerFileResult> InsertAsync(
        PartnerDataset dataset, TableInfo table, string path, string name, HashSet<string> people, HashSet<string> families,
        Action<ImportProgress>? progress, CancellationToken cancellation)
    {
        await using var insert = Command(
            $"INSERT INTO temp.{Staging} ({table.List}, line) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))}, $line)");
        var parameters = table.Columns.Select((_, i) => new SqliteParameter($"$p{i}", DBNull.Value)).ToArray();
        var lineParameter = new SqliteParameter("$line", 0L);
        insert.Parameters.AddRange(parameters);
        insert.Parameters.Add(lineParameter);
        insert.Prepare();
        long line = 0;
        return await Task.Run(
            () => PartnerFileRows.Read(path, name, dataset, people, families, values =>
            {
                for (var i = 0; i < values.Length; i++)
                {
                    parameters[i].Value = values[i] ?? DBNull.Value;
                }

                lineParameter.Value = ++line;
                insert.ExecuteNonQuery();
            }, p => progress?.Invoke(new ImportProgress("reading", p.Rows, p.BytesRead, p.Length)), cancellation),
            cancellation);
    }

    /// <summary>The staged rows, one per natural key (the file's last, as a later line corrects an earlier one).</summary>
    private static string Deduplicated(TableInfo table) =>
        $"(SELECT * FROM (SELECT {table.List}, row_number() OVER (PARTITION BY {string.Join(", ", table.Keys)} ORDER BY line DESC) AS line_rank FROM {Staging}) ranked WHERE line_rank = 1)";

    private static string KeysMatch(TableInfo table) => string.Join(" AND ", table.Keys.Select(k => $"t.{k} = s.{k}"));

    private async Task<long> MergeUpdateAsync(TableInfo table, CancellationToken cancellation)
    {
        var values = table.Values.ToList();
        if (values.Count == 0)
        {
            return 0;
        }

        return await Execute(
            $"UPDATE {table.Name} AS t SET {string.Join(", ", values.Select(v => $"{v} = s.{v}"))} FROM {Deduplicated(table)} AS s " +
            $"WHERE {KeysMatch(table)} AND ({string.Join(" OR ", values.Select(v => $"t.{v} IS DISTINCT FROM s.{v}"))})",
            cancellation);
    }

    private async Task<long> MergeInsertAsync(TableInfo table, CancellationToken cancellation) =>
        await Execute(
            $"INSERT INTO {table.Name} ({table.List}) SELECT {table.List} FROM {Deduplicated(table)} AS s " +
            $"WHERE NOT EXISTS (SELECT 1 FROM {table.Name} AS t WHERE {KeysMatch(table)})",
            cancellation);

    private DbCommand Command(string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandTimeout = 0; // a county's file takes minutes to merge
        return command;
    }

    private async Task<int> Execute(string sql, CancellationToken cancellation)
    {
        await using var command = Command(sql);
        return await command.ExecuteNonQueryAsync(cancellation);
    }

    /// <summary>A dataset's file name for messages, e.g. police.csv.</summary>
    public static string FileName(PartnerDataset dataset) => PartnerVocabulary.FileName(dataset);

    internal static string Describe(PartnerImport record)
    {
        var text = new StringBuilder();
        text.Append(record.Status switch
        {
            ImportStatus.Succeeded => $"{record.RowsRead:N0} rows read, {record.RowsAdded:N0} added, {record.RowsUpdated:N0} updated",
            ImportStatus.Failed => record.Note ?? "failed",
            ImportStatus.Interrupted => record.Note ?? "stopped",
            ImportStatus.Running => "importing",
            _ => "waiting to start",
        });
        return text.ToString();
    }
}
