using System.Data.Common;
using System.Globalization;
using System.Text;
using EarlyHelp.Core.Calendar;
using EarlyHelp.Core.Frameworks;
using EarlyHelp.Core.PartnerData;
using EarlyHelp.Data;
using EarlyHelp.Identification;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EarlyHelp.Web.Features.PartnerData;

/// <summary>The identification engine's candidates from the imported partner data, as of a day, and which import set they came from.</summary>
public sealed record CandidateRun(IdentificationResult Result, DateOnly AsOf, string FrameworkId, int Imports, IReadOnlyList<DataError> Problems);

/// <summary>
/// Runs the identification engine over the partner data in the database (the same reader and rules as
/// <c>earlyhelp identify</c>, fed from the tables instead of files). A run is kept until another import succeeds or
/// the day changes, because a county's data takes seconds to read.
/// </summary>
public sealed class CandidateList(Engine engine)
{
    /// <summary>The framework whose identification rules find candidates, as new enquiries are judged by it.</summary>
    public const string FrameworkId = Enquiries.EnquiryDesk.Framework;

    private readonly SemaphoreSlim gate = new(1, 1);
    private CandidateRun? cached;

    public async Task<CandidateRun> RunAsync(EarlyHelpDbContext db, DateOnly asOf, CancellationToken cancellation = default)
    {
        // Every successful import makes a new import set; the count of them names it.
        var imports = await db.PartnerImports.CountAsync(i => i.Status == ImportStatus.Succeeded, cancellation);
        if (cached is { } hit && hit.AsOf == asOf && hit.Imports == imports)
        {
            return hit;
        }

        await gate.WaitAsync(cancellation);
        try
        {
            if (cached is { } again && again.AsOf == asOf && again.Imports == imports)
            {
                return again;
            }

            var framework = engine.Frameworks.Get(FrameworkId);
            var identification = new IdentificationEngine(framework, asOf, SchoolCalendar.England);
            var connectionString = db.Database.GetConnectionString()!;
            var postgres = db.Database.GetDbConnection() is NpgsqlConnection;
            var tables = Enum.GetValues<PartnerDataset>().ToDictionary(d => d, d => PartnerDataImporter.TableOf(db, d));
            var read = await Task.Run(
                () => new PartnerDataReader().Read(
                    dataset => new QueryTextReader(() => postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString), tables[dataset], dataset),
                    identification.Rules,
                    asOf,
                    SchoolCalendar.England),
                cancellation);
            var result = read.Data is null
                ? new IdentificationResult([], 0, 0)
                : await Task.Run(() => identification.Run(read.Data), cancellation);
            cached = new CandidateRun(result, asOf, FrameworkId, imports, read.Errors);
            return cached;
        }
        finally
        {
            gate.Release();
        }
    }
}

/// <summary>
/// A table of partner data as the CSV text of its file (header, then one line a row), made as the parser asks for it,
/// so the reader and checks of <c>identify</c> run on the database's copy without writing a file. The query runs on a
/// connection of its own at the first read.
/// </summary>
internal sealed class QueryTextReader(Func<DbConnection> connect, PartnerDataImporter.TableInfo table, PartnerDataset dataset) : TextReader
{
    private readonly StringBuilder line = new();
    private DbConnection? connection;
    private DbCommand? command;
    private DbDataReader? reader;
    private int position;
    private bool started;
    private bool finished;

    public override int Peek() => Fill() ? line[position] : -1;

    public override int Read()
    {
        if (!Fill())
        {
            return -1;
        }

        return line[position++];
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var written = 0;
        while (written < buffer.Length && Fill())
        {
            var n = Math.Min(buffer.Length - written, line.Length - position);
            line.CopyTo(position, buffer.Slice(written, n), n);
            position += n;
            written += n;
        }

        return written;
    }

    public override int ReadBlock(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    /// <summary>Makes sure there is text left in the current line, fetching the next row when it is used up.</summary>
    private bool Fill()
    {
        if (position < line.Length)
        {
            return true;
        }

        if (finished)
        {
            return false;
        }

        line.Clear();
        position = 0;
        if (!started)
        {
            started = true;
            connection = connect();
            connection.Open();
            command = connection.CreateCommand();
            command.CommandText = $"SELECT {table.List} FROM {table.Name}";
            command.CommandTimeout = 0;
            reader = command.ExecuteReader();
            line.AppendJoin(',', PartnerSchema.For(dataset).Select(c => c.Name)).Append('\n');
            return true;
        }

        if (!reader!.Read())
        {
            finished = true;
            return false;
        }

        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            Append(reader.GetValue(i));
        }

        line.Append('\n');
        return true;
    }

    private void Append(object value)
    {
        switch (value)
        {
            case DBNull:
                break;
            case DateOnly date:
                line.Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case DateTime time:
                line.Append(time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case bool flag:
                line.Append(flag ? '1' : '0');
                break;
            case double number:
                line.Append(number.ToString("R", CultureInfo.InvariantCulture));
                break;
            case string text when text.AsSpan().IndexOfAny(",\"\r\n") >= 0:
                line.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
                break;
            default:
                line.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            reader?.Dispose();
            command?.Dispose();
            connection?.Dispose();
        }

        base.Dispose(disposing);
    }
}
