using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using EarlyHelp.Core.Calendar;
using EarlyHelp.Testing;
using Npgsql;
using Sylvan.Data.Csv;

namespace EarlyHelp.Bench;

/// <summary>
/// national-2022's identification rules written by hand as SQL, run on the same partner files in DuckDB and in
/// PostgreSQL (a throwaway cluster, loaded with COPY), timed, and checked against the candidates
/// <c>earlyhelp identify</c> wrote: the same households with the same needs. See bench/README.md.
/// </summary>
public static class SqlIdentification
{
    private static readonly (string File, string Table, string Columns)[] Tables =
    [
        ("people.csv", "people", "person_id text, family_id text, date_of_birth date, expected_baby_due date"),
        ("attendance.csv", "attendance", "person_id text, academic_year text, term text, possible_sessions integer, attended_sessions integer, authorised_absence integer, unauthorised_absence integer"),
        ("exclusions.csv", "exclusions", "person_id text, \"date\" date, kind text, days double precision"),
        ("police.csv", "police", "person_id text, \"date\" date, type text, role text, severe integer"),
        ("benefits.csv", "benefits", "person_id text, start_date date, end_date date, benefit text, out_of_work integer"),
        ("neet.csv", "neet", "person_id text, \"date\" date, status text"),
        ("housing.csv", "housing", "family_id text, \"date\" date, status text"),
        ("social_care.csv", "social_care", "person_id text, start_date date, end_date date, type text"),
        ("health.csv", "health", "person_id text, \"date\" date, flag text"),
    ];

    public static async Task<int> RunAsync(string directory, DateOnly asOf, string candidates, IReadOnlyList<string> engines)
    {
        var expected = ReadCandidates(candidates);
        Console.WriteLine($"identify: {expected.Count:N0} candidate households, {expected.Values.Sum(n => n.Count):N0} needs ({candidates})");
        var agree = true;
        foreach (var engine in engines)
        {
            var (load, query, found) = engine switch
            {
                "duckdb" => DuckDb(directory, asOf),
                "postgres" => await PostgresAsync(directory, asOf),
                _ => throw new ArgumentException($"unknown engine '{engine}' (duckdb or postgres)"),
            };
            var same = Compare(expected, found, out var report);
            agree &= same;
            Console.WriteLine($"{engine,-9} load {load.TotalSeconds,6:0.00} s, query {query.TotalSeconds,6:0.00} s, total {(load + query).TotalSeconds,6:0.00} s; {found.Count:N0} households; {report}");
        }

        return agree ? 0 : 1;
    }

    private static (TimeSpan Load, TimeSpan Query, Dictionary<string, SortedSet<string>> Found) DuckDb(string directory, DateOnly asOf)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var clock = Stopwatch.StartNew();
        foreach (var (file, table, columns) in Tables)
        {
            var path = Path.Combine(directory, file);
            if (!File.Exists(path))
            {
                Execute(connection, $"CREATE TABLE {table} ({columns.Replace(" text", " VARCHAR", StringComparison.Ordinal)}, line BIGINT)");
                continue;
            }

            var types = string.Join(", ", columns.Split(", ").Select(c => c.Split(' ', 2)).Select(c => $"'{c[0].Trim('"')}': '{DuckType(c[1])}'"));

            // For the latest-status files the line number breaks ties between records of the same day, as identify
            // does; a serial scan keeps file order. The other files are read in parallel without one.
            var latestStatus = table is "neet" or "housing";
            Execute(connection, $"CREATE TABLE {table} AS SELECT *{(latestStatus ? ", row_number() OVER () AS line" : "")} FROM read_csv('{path.Replace("'", "''", StringComparison.Ordinal)}', header = true, parallel = {(latestStatus ? "false" : "true")}, columns = {{{types}}})");
        }

        var load = clock.Elapsed;
        clock.Restart();
        var found = Query(connection, asOf);
        return (load, clock.Elapsed, found);
    }

    private static async Task<(TimeSpan Load, TimeSpan Query, Dictionary<string, SortedSet<string>> Found)> PostgresAsync(string directory, DateOnly asOf)
    {
        await using var server = await PostgresServer.StartAsync();
        await using var connection = new NpgsqlConnection(server.ConnectionString());
        await connection.OpenAsync();
        Execute(connection, "SET work_mem = '512MB'; SET max_parallel_workers_per_gather = 2");
        var clock = Stopwatch.StartNew();
        foreach (var (file, table, columns) in Tables)
        {
            Execute(connection, $"CREATE UNLOGGED TABLE {table} (line bigserial, {columns})");
            var path = Path.Combine(directory, file);
            if (!File.Exists(path))
            {
                continue;
            }

            var header = File.ReadLines(path).First();
            var names = string.Join(", ", header.Split(',').Select(c => $"\"{c.Trim()}\""));
            await using (var writer = await connection.BeginTextImportAsync($"COPY {table} ({names}) FROM STDIN (FORMAT csv, HEADER true)"))
            using (var reader = new StreamReader(path))
            {
                var buffer = new char[1 << 16];
                int read;
                while ((read = await reader.ReadAsync(buffer)) > 0)
                {
                    await writer.WriteAsync(buffer.AsMemory(0, read));
                }
            }

            Execute(connection, $"ANALYZE {table}");
        }

        var load = clock.Elapsed;
        clock.Restart();
        var found = Query(connection, asOf);
        return (load, clock.Elapsed, found);
    }

    private static string DuckType(string sql) => sql switch
    {
        "date" => "DATE",
        "integer" => "INTEGER",
        "double precision" => "DOUBLE",
        _ => "VARCHAR",
    };

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    private static Dictionary<string, SortedSet<string>> Query(DbConnection connection, DateOnly asOf)
    {
        var found = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var statement in Statements(asOf).SkipLast(1))
        {
            Execute(connection, statement);
        }

        using var command = connection.CreateCommand();
        command.CommandText = Statements(asOf)[^1];
        command.CommandTimeout = 0;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var family = reader.GetString(0);
            if (!found.TryGetValue(family, out var needs))
            {
                found[family] = needs = new SortedSet<string>(StringComparer.Ordinal);
            }

            needs.Add(reader.GetString(1));
        }

        return found;
    }

    /// <summary>
    /// The rules of frameworks/national-2022.yaml's identification blocks, as SQL both engines run. The dates
    /// that bound each window are worked out here with the same calendar, so both sides agree on them.
    /// </summary>
    internal static IReadOnlyList<string> Statements(DateOnly asOf)
    {
        string D(DateOnly d) => $"DATE '{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'";
        var calendar = SchoolCalendar.England;
        var last = calendar.LastEndedOnOrBefore(asOf);
        var terms = string.Join(", ", SchoolTerm.RunEndingWith(last, 2).Select(t => $"'{t.AcademicYear} {t.TermLabel}'"));
        var exclusionsAfter = calendar.End(SchoolTerm.FromOrdinal(last.Ordinal - 2)); // before the first of the 2 terms
        var year = D(asOf.AddMonths(-12));
        var on = D(asOf);
        var monthDay = (asOf.Month * 100) + asOf.Day;
        return
        [
            $"""
            CREATE TABLE p AS SELECT person_id, family_id, expected_baby_due,
              CAST({asOf.Year} - EXTRACT(YEAR FROM date_of_birth) - CASE WHEN EXTRACT(MONTH FROM date_of_birth) * 100 + EXTRACT(DAY FROM date_of_birth) > {monthDay} THEN 1 ELSE 0 END AS INTEGER) AS age
            FROM people WHERE date_of_birth <= {on}
            """,
            $"""
            WITH
            att AS (
              SELECT person_id, SUM(attended_sessions) AS attended, SUM(possible_sessions) AS possible,
                     COUNT(DISTINCT academic_year || ' ' || term) AS terms
              FROM attendance WHERE academic_year || ' ' || term IN ({terms}) GROUP BY person_id),
            pol AS (SELECT p.family_id, p.age, x.type, x.role FROM police x JOIN p USING (person_id) WHERE x."date" > {year} AND x."date" <= {on}),
            hlt AS (SELECT p.family_id, p.age, x.flag FROM health x JOIN p USING (person_id) WHERE x."date" > {year} AND x."date" <= {on}),
            hsg AS (
              SELECT family_id, status FROM (
                SELECT family_id, status, ROW_NUMBER() OVER (PARTITION BY family_id ORDER BY "date" DESC, line DESC) AS r
                FROM housing WHERE "date" > {year} AND "date" <= {on}) x WHERE r = 1),
            nt AS (
              SELECT person_id, status FROM (
                SELECT person_id, status, ROW_NUMBER() OVER (PARTITION BY person_id ORDER BY "date" DESC, line DESC) AS r
                FROM neet WHERE "date" > {year} AND "date" <= {on}) x WHERE r = 1),
            needs AS (
              SELECT p.family_id, 'EDU-ATTEND-90' AS need FROM att JOIN p USING (person_id) WHERE terms = 2 AND possible > 0 AND attended * 100 < 90 * possible
              UNION ALL SELECT p.family_id, 'EDU-ATTEND-50' FROM att JOIN p USING (person_id) WHERE terms = 2 AND possible > 0 AND attended * 100 < 50 * possible
              UNION ALL SELECT p.family_id, 'EDU-ENGAGE' FROM exclusions x JOIN p USING (person_id) WHERE x."date" > {D(exclusionsAfter)} AND x."date" <= {on}
              UNION ALL SELECT family_id, 'EY-HEALTH' FROM hlt WHERE flag = 'physical-health' AND age <= 5
              UNION ALL SELECT family_id, 'EY-DEVELOP' FROM hlt WHERE flag = 'developmental' AND age <= 5
              UNION ALL SELECT family_id, 'HLT-CHILD-MH' FROM hlt WHERE flag = 'child-mental-health' AND age <= 17
              UNION ALL SELECT family_id, 'HLT-ADULT-MH' FROM hlt WHERE flag = 'adult-mental-health' AND age >= 18
              UNION ALL SELECT family_id, 'HLT-PHYSICAL' FROM hlt WHERE flag = 'physical-health' AND age >= 6
              UNION ALL SELECT family_id, 'SUB-ADULT' FROM hlt WHERE flag = 'adult-substance' AND age >= 18
              UNION ALL SELECT family_id, 'SUB-CHILD' FROM hlt WHERE flag = 'child-substance' AND age <= 17
              UNION ALL SELECT family_id, 'REL-CPV' FROM pol WHERE type = 'domestic-abuse' AND role = 'perpetrator' AND age <= 17
              UNION ALL SELECT p.family_id, 'ABU-ABUSE' FROM social_care x JOIN p USING (person_id)
                WHERE x.type IN ('early-help', 'cin', 'cp') AND x.start_date <= {on} AND (x.end_date IS NULL OR x.end_date >= {on}) AND p.age <= 17
              UNION ALL SELECT family_id, 'ABU-MISSING' FROM pol WHERE type = 'missing' AND age <= 17
              UNION ALL SELECT family_id, 'CRM-ADULT' FROM pol WHERE type IN ('offence', 'arrest', 'named-suspect', 'asb') AND role IN ('subject', 'perpetrator') AND age >= 18
              UNION ALL SELECT family_id, 'CRM-YP' FROM pol WHERE type IN ('offence', 'arrest', 'named-suspect', 'asb') AND role IN ('subject', 'perpetrator') AND age <= 17
              UNION ALL SELECT family_id, 'DA-VICTIM' FROM pol WHERE type = 'domestic-abuse' AND role = 'victim' AND age >= 16
              UNION ALL SELECT family_id, 'DA-PERPETRATOR' FROM pol WHERE type = 'domestic-abuse' AND role = 'perpetrator' AND age >= 18
              UNION ALL SELECT family_id, 'DA-CHILD' FROM pol WHERE type = 'domestic-abuse' AND (age >= 18 OR (role = 'victim' AND age <= 17))
              UNION ALL SELECT family_id, 'HSG-TA' FROM hsg WHERE status = 'at-risk-of-losing-ta'
              UNION ALL SELECT family_id, 'HSG-UNSUITABLE' FROM hsg WHERE status IN ('eviction-notice', 'homelessness-application')
              UNION ALL SELECT p.family_id, 'FIN-WORKLESS' FROM benefits x JOIN p USING (person_id)
                WHERE x.out_of_work = 1 AND x.start_date <= {on} AND (x.end_date IS NULL OR x.end_date >= {on}) AND p.age >= 18
              UNION ALL SELECT p.family_id, 'FIN-NEET' FROM nt JOIN p USING (person_id) WHERE nt.status = 'neet' AND p.age BETWEEN 16 AND 24),
            households AS (SELECT DISTINCT family_id FROM p WHERE age < 18 OR expected_baby_due >= {on})
            SELECT DISTINCT n.family_id, n.need FROM needs n JOIN households h ON h.family_id = n.family_id
            """,
        ];
    }

    private static Dictionary<string, SortedSet<string>> ReadCandidates(string path)
    {
        var result = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        using var reader = CsvDataReader.Create(path, new CsvDataReaderOptions { Delimiter = ',' });
        var family = reader.GetOrdinal("family_id");
        var needs = reader.GetOrdinal("needs");
        while (reader.Read())
        {
            result[reader.GetString(family)] = new SortedSet<string>(reader.GetString(needs).Split(';'), StringComparer.Ordinal);
        }

        return result;
    }

    private static bool Compare(Dictionary<string, SortedSet<string>> expected, Dictionary<string, SortedSet<string>> found, out string report)
    {
        var differ = expected.Keys.Union(found.Keys)
            .Where(f => !(expected.TryGetValue(f, out var a) && found.TryGetValue(f, out var b) && a.SetEquals(b)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (differ.Count == 0)
        {
            report = "the same households with the same needs as identify";
            return true;
        }

        string Needs(Dictionary<string, SortedSet<string>> d, string f) => d.TryGetValue(f, out var n) ? string.Join(';', n) : "(none)";
        report = $"DIFFERENT for {differ.Count:N0} households, e.g. " + string.Join("; ", differ.Take(3).Select(f => $"{f}: identify {Needs(expected, f)}, SQL {Needs(found, f)}"));
        return false;
    }
}
