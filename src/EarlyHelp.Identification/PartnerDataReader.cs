using System.Diagnostics;
using EarlyHelp.Core.Calendar;
using EarlyHelp.Core.Frameworks;

namespace EarlyHelp.Identification;

/// <summary>
/// What reading the files found: the data (null when any file has a problem) and every problem. PeopleTime is
/// until people.csv was read (the other files are read alongside it), OtherFilesTime the rest.
/// </summary>
public sealed record ReadResult(PartnerData? Data, IReadOnlyList<DataError> Errors, IReadOnlyList<FileSummary> Files, TimeSpan PeopleTime, TimeSpan OtherFilesTime);

/// <summary>One file read: rows, rows kept for the rules, problems, or why it was not read.</summary>
public sealed record FileSummary(string Name, long Rows, long Kept, long Errors, TimeSpan Time, string? Note = null);

/// <summary>
/// Streams the partner files of a folder into <see cref="PartnerData"/>: people.csv (it gives every other file its
/// person and household numbers) and the others in parallel, each checked in full. Every problem is
/// reported with its file, line and column; the data is refused if there is any.
/// </summary>
public sealed class PartnerDataReader(IdentificationProgress? progress = null)
{
    private static readonly PartnerDataset[] OtherFiles =
    [
        PartnerDataset.Attendance, PartnerDataset.Police, PartnerDataset.Benefits, PartnerDataset.Health,
        PartnerDataset.Exclusions, PartnerDataset.Neet, PartnerDataset.SocialCare, PartnerDataset.Housing,
    ];

    /// <summary>The other files in the order they are started: the ones with most rows first, so none is left to finish alone.</summary>
    private static readonly PartnerDataset[] ReadOrder =
    [
        PartnerDataset.Attendance, PartnerDataset.Neet, PartnerDataset.Police, PartnerDataset.Health,
        PartnerDataset.Benefits, PartnerDataset.Exclusions, PartnerDataset.SocialCare, PartnerDataset.Housing,
    ];


    public ReadResult Read(string directory, IEnumerable<IdentificationRule> rules, DateOnly asOf, SchoolCalendar calendar)
    {
        var peoplePath = Path.Combine(directory, "people.csv");
        if (!File.Exists(peoplePath))
        {
            return new ReadResult(null, [new DataError(peoplePath, 0, 0, "people.csv is required and was not found")], [], TimeSpan.Zero, TimeSpan.Zero);
        }

        string PathOf(PartnerDataset dataset) => Path.Combine(directory, PartnerVocabulary.FileName(dataset));
        return Read(
            dataset => File.Exists(PathOf(dataset)),
            dataset => File.Exists(PathOf(dataset)) ? new CsvInput(PathOf(dataset), PathOf(dataset)) : null,
            rules,
            asOf,
            calendar);
    }

    /// <summary>
    /// Reads the partner data as CSV text from elsewhere (the database's copy of the files): <paramref name="open"/>
    /// gives each dataset's text, or null when there is none. people is required.
    /// </summary>
    public ReadResult Read(Func<PartnerDataset, TextReader?> open, IEnumerable<IdentificationRule> rules, DateOnly asOf, SchoolCalendar calendar) =>
        Read(
            _ => true,
            dataset => open(dataset) is { } text ? new CsvInput(text, PartnerVocabulary.FileName(dataset)) : null,
            rules,
            asOf,
            calendar);

    private ReadResult Read(Func<PartnerDataset, bool> exists, Func<PartnerDataset, CsvInput?> open, IEnumerable<IdentificationRule> rules, DateOnly asOf, SchoolCalendar calendar)
    {
        var horizon = new Horizon(rules, asOf, calendar);
        var summaries = new List<FileSummary>();
        var errors = new List<DataError>();
        var clock = Stopwatch.StartNew();
        var peopleInput = open(PartnerDataset.People);
        if (peopleInput is null)
        {
            errors.Add(new DataError("people.csv", 0, 0, "people.csv is required and was not found"));
            return new ReadResult(null, errors, summaries, clock.Elapsed, TimeSpan.Zero);
        }

        // people.csv and the other files are read at the same time, people.csv first in the queue and the
        // largest file next: the other files number their ids themselves and are matched with people.csv's
        // once it is done (IdColumn), so no core waits for people.csv.
        (PartnerData? Data, FileSummary Summary, List<DataError> Errors)? peopleRead = null;
        var peopleTime = TimeSpan.Zero;
        var results = new (FileSummary Summary, List<DataError> Errors, IdColumn? Ids, Finish? Finish, long Ticks)[OtherFiles.Length];
        List<int> work = [-1, .. ReadOrder.Select(d => Array.IndexOf(OtherFiles, d))];
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(work, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i =>
            {
                if (i < 0)
                {
                    peopleRead = ReadPeople(peopleInput);
                    peopleTime = clock.Elapsed;
                    return;
                }

                var dataset = OtherFiles[i];
                var name = PartnerVocabulary.FileName(dataset);
                if (!exists(dataset))
                {
                    results[i] = (new FileSummary(name, 0, 0, 0, TimeSpan.Zero, "not present"), [], null, null, 0);
                    return;
                }

                if (!horizon.Used.Contains(dataset))
                {
                    results[i] = (new FileSummary(name, 0, 0, 0, TimeSpan.Zero, "not used by this framework's rules"), [], null, null, 0);
                    return;
                }

                var started = Stopwatch.GetTimestamp();
                using var input = open(dataset);
                if (input is null)
                {
                    results[i] = (new FileSummary(name, 0, 0, 0, TimeSpan.Zero, "not present"), [], null, null, 0);
                    return;
                }

                progress?.Started(name, input);
                var ids = IdColumn.Pending();
                var finish = ReadFile(dataset, input, ids, horizon);
                progress?.Finished(name);
                results[i] = (new FileSummary(name, input.Rows, 0, input.ErrorCount, TimeSpan.Zero), input.Errors().ToList(), ids, finish, Stopwatch.GetTimestamp() - started);
            });

        var (people, peopleSummary, peopleErrors) = peopleRead!.Value;
        summaries.Add(peopleSummary);
        errors.AddRange(peopleErrors);
        if (people is null)
        {
            // Without people every other file's person_id would be unknown: report people.csv's problems alone.
            return new ReadResult(null, errors, summaries, peopleTime, TimeSpan.Zero);
        }

        // Match each file's ids with people.csv's and group its rows. A file with an id people.csv does not
        // have is read again against people.csv's table, which reports each such row as it always has.
        Parallel.For(0, OtherFiles.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (summary, fileErrors, ids, finish, ticks) = results[i];
            if (ids is null || finish is null)
            {
                return;
            }

            var started = Stopwatch.GetTimestamp();
            var dataset = OtherFiles[i];
            var map = ids.MapTo(dataset == PartnerDataset.Housing ? people.FamilyTable : people.PersonTable);
            if (map is null)
            {
                using var input = open(dataset)!;
                var known = dataset == PartnerDataset.Housing
                    ? IdColumn.Known(people.FamilyTable, "is not a family_id in people.csv")
                    : IdColumn.Known(people.PersonTable, "is not in people.csv");
                finish = ReadFile(dataset, input, known, horizon);
                fileErrors = input.Errors().ToList();
                summary = summary with { Errors = input.ErrorCount };
                map = [];
            }

            var kept = finish(people, map);
            var elapsed = Stopwatch.GetElapsedTime(started) + Stopwatch.GetElapsedTime(0, ticks);
            results[i] = (summary with { Kept = kept, Time = elapsed }, fileErrors, ids, finish, ticks);
        });

        foreach (var (summary, fileErrors, _, _, _) in results)
        {
            summaries.Add(summary);
            errors.AddRange(fileErrors);
        }

        return new ReadResult(errors.Count == 0 ? people : null, errors, summaries, peopleTime, clock.Elapsed - peopleTime);
    }

    /// <summary>
    /// Groups a file's kept rows into the data once people.csv is read. <paramref name="map"/> gives people.csv's
    /// number for each of the file's own id numbers, or is empty when the rows already hold people.csv's numbers.
    /// Returns the number of rows kept.
    /// </summary>
    private delegate long Finish(PartnerData data, int[] map);

    private static Func<T, int> Key<T>(int[] map, Func<T, int> id) => map.Length == 0 ? id : row => map[id(row)];

    private (PartnerData? Data, FileSummary Summary, List<DataError> Errors) ReadPeople(CsvInput input)
    {
        var started = Stopwatch.GetTimestamp();
        using var _ = input;
        progress?.Started("people.csv", input);
        var columns = input.Columns(PeopleRows.Required, PeopleRows.Optional);
        if (!input.HeaderOk)
        {
            return (null, new FileSummary("people.csv", 0, 0, input.ErrorCount, Stopwatch.GetElapsedTime(started)), input.Errors().ToList());
        }

        // Roughly 40 bytes a row: sizing the lists up front saves copying millions of ids as they grow.
        var estimate = (int)Math.Min(int.MaxValue / 2, Math.Max(1024, input.Length / 40));
        var persons = new IdTable(estimate);
        var families = new IdTable(estimate / 2);
        var personFamily = new RowBuffer<int>();
        var dob = new RowBuffer<int>();
        var due = new RowBuffer<int>();
        var lastFamily = -1;
        Func<ReadOnlySpan<char>, bool> seenBefore = id => persons.Find(id) >= 0;
        while (input.Read())
        {
            var ok = PeopleRows.Check(input, columns, seenBefore, out var id, out var family, out var born, out var expected);
            if (!ok)
            {
                continue;
            }

            // A household's members usually come together: the same family as the last row needs no lookup.
            if (lastFamily < 0 || !family.SequenceEqual(families[lastFamily]))
            {
                lastFamily = families.FindOrAdd(family);
            }

            persons.Add(id);
            personFamily.Add(lastFamily);
            dob.Add(born);
            due.Add(expected);
        }

        progress?.Finished("people.csv");
        var summary = new FileSummary("people.csv", input.Rows, persons.Count, input.ErrorCount, Stopwatch.GetElapsedTime(started));
        if (input.ErrorCount > 0)
        {
            return (null, summary, input.Errors().ToList());
        }

        // Members of each household, in file order (a stable counting sort by household).
        var familyOf = personFamily.Span.ToArray();
        var offsets = new int[families.Count + 1];
        foreach (var f in familyOf)
        {
            offsets[f + 1]++;
        }

        for (var f = 0; f < families.Count; f++)
        {
            offsets[f + 1] += offsets[f];
        }

        var members = new int[familyOf.Length];
        var next = offsets.AsSpan(0, families.Count).ToArray();
        for (var p = 0; p < familyOf.Length; p++)
        {
            members[next[familyOf[p]]++] = p;
        }

        var data = new PartnerData
        {
            PersonTable = persons,
            FamilyTable = families,
            PersonFamily = familyOf,
            DateOfBirth = dob.Span.ToArray(),
            ExpectedBabyDue = due.Span.ToArray(),
            MemberOffsets = offsets,
            Members = members,
        };
        return (data, summary, []);
    }

    private static Finish ReadFile(PartnerDataset dataset, CsvInput input, IdColumn ids, Horizon horizon) => dataset switch
    {
        PartnerDataset.Attendance => ReadAttendance(input, ids, horizon),
        PartnerDataset.Exclusions => ReadExclusions(input, ids, horizon),
        PartnerDataset.Police => ReadPolice(input, ids, horizon),
        PartnerDataset.Benefits => ReadBenefits(input, ids, horizon),
        PartnerDataset.Neet => ReadNeet(input, ids, horizon),
        PartnerDataset.Housing => ReadHousing(input, ids, horizon),
        PartnerDataset.SocialCare => ReadSocialCare(input, ids, horizon),
        _ => ReadHealth(input, ids, horizon),
    };

    private static long NothingKept(PartnerData data, int[] map) => 0;

    internal static bool Date(CsvInput input, int column, out int day)
    {
        if (Values.TryDate(input.Field(column), out day))
        {
            return true;
        }

        input.Error(column, $"{Values.Quote(input.Field(column))} is not a date (YYYY-MM-DD)");
        return false;
    }

    internal static bool Word<T>(CsvInput input, int column, Vocabulary<T> words, out T value)
    {
        if (words.TryGet(input.Field(column), out value))
        {
            return true;
        }

        input.Error(column, $"{Values.Quote(input.Field(column))} is not one of {words.Listed}");
        return false;
    }

    internal static bool Count(CsvInput input, int column, out int value)
    {
        if (Values.TryCount(input.Field(column), out value))
        {
            return true;
        }

        input.Error(column, $"{Values.Quote(input.Field(column))} is not a whole number of 0 or more");
        return false;
    }

    internal static bool Flag(CsvInput input, int column, out bool value)
    {
        if (Values.TryFlag(input.Field(column), out value))
        {
            return true;
        }

        input.Error(column, $"{Values.Quote(input.Field(column))} is not 0 or 1");
        return false;
    }

    /// <summary>An end date: blank while open (int.MaxValue), else a date not before the start.</summary>
    internal static bool EndDate(CsvInput input, int column, int start, bool startOk, out int end)
    {
        end = int.MaxValue;
        var text = input.Field(column);
        if (text.IsEmpty)
        {
            return true;
        }

        if (!Date(input, column, out end))
        {
            return false;
        }

        if (startOk && end < start)
        {
            input.Error(column, $"{DateOnly.FromDayNumber(end):yyyy-MM-dd} is before the start {DateOnly.FromDayNumber(start):yyyy-MM-dd}");
            return false;
        }

        return true;
    }

    private static Finish ReadAttendance(CsvInput input, IdColumn ids, Horizon horizon)
    {
        var c = input.Columns(["person_id", "academic_year", "term", "possible_sessions", "attended_sessions", "authorised_absence", "unauthorised_absence"]);
        if (!input.HeaderOk)
        {
            return NothingKept;
        }

        var rows = new RowBuffer<AttendanceRow>();
        while (input.Read())
        {
            var ok = ids.Resolve(input, c[0], out var person);
            if (!Values.TryAcademicYear(input.Field(c[1]), out var year))
            {
                input.Error(c[1], $"{Values.Quote(input.Field(c[1]))} is not an academic year like 2023/24");
                ok = false;
            }

            var termText = input.Field(c[2]);
            TermName termName;
            switch (termText)
            {
                case "autumn": termName = TermName.Autumn; break;
                case "spring": termName = TermName.Spring; break;
                case "summer": termName = TermName.Summer; break;
                default: termName = TermName.Autumn; ok = false; break;
            }

            if (termText is not ("autumn" or "spring" or "summer"))
            {
                input.Error(c[2], $"{Values.Quote(termText)} is not autumn, spring or summer");
                ok = false;
            }

            ok &= Count(input, c[3], out var possible);
            var attendedOk = Count(input, c[4], out var attended);
            ok &= attendedOk;
            ok &= Count(input, c[5], out var authorised);
            ok &= Count(input, c[6], out var unauthorised);
            if (ok && attended + authorised + unauthorised > possible)
            {
                input.Error(c[3], $"{possible} possible sessions is fewer than {attended} attended, {authorised} authorised and {unauthorised} unauthorised absence together");
                ok = false;
            }

            if (!ok)
            {
                continue;
            }

            var term = new SchoolTerm(year, termName).Ordinal;
            if (term >= horizon.AttendanceFromTerm && term <= horizon.AttendanceToTerm)
            {
                rows.Add(new AttendanceRow(person, term, possible, attended, authorised, unauthorised));
            }
        }

        return (data, map) =>
        {
            data.Attendance = rows.GroupBy(data.People, Key<AttendanceRow>(map, r => r.Person));
            return data.Attendance.Count;
        };
    }

    private static Finish ReadExclusions(CsvInput input, IdColumn ids, Horizon horizon)
    {
        var c = input.Columns(["person_id", "date", "kind", "days"]);
        if (!input.HeaderOk)
        {
            return NothingKept;
        }

        var rows = new RowBuffer<ExclusionRow>();
        while (input.Read())
        {
            var ok = ids.Resolve(input, c[0], out var person);
            ok &= Date(input, c[1], out var day);
            ok &= Word(input, c[2], Vocabularies.ExclusionKinds, out var kind);
            var daysText = input.Field(c[3]);
            var days = 0d;
            if (!(daysText.IsEmpty && kind == ExclusionKind.Permanent) && !Values.TryNumber(daysText, out days))
            {
                input.Error(c[3], $"{Values.Quote(daysText)} is not a number of days");
                ok = false;
            }

            if (ok && day > horizon.ExclusionsAfter && day <= horizon.AsOf)
            {
                rows.Add(new ExclusionRow(person, day, (float)days, kind));
            }
        }

        return (data, map) =>
        {
            data.Exclusions = rows.GroupBy(data.People, Key<ExclusionRow>(map, r => r.Person));
            return data.Exclusions.Count;
        };
    }

    private static Finish ReadPolice(CsvInput input, IdColumn ids, Horizon horizon)
    {
        var c = input.Columns(["person_id", "date", "type", "role", "severe"]);
        if (!input.HeaderOk)
        {
            return NothingKept;
        }

        var rows = new RowBuffer<PoliceRow>();
        while (input.Read())
        {
            var ok = ids.Resolve(input, c[0], out var person);
            ok &= Date(input, c[1], out var day);
            ok &= Word(input, c[2], Vocabularies.PoliceTypes, out var type);
            ok &= Word(input, c[3], Vocabularies.PoliceRoles, out var role);
            ok &= Flag(input, c[4], out var severe);
            if (ok && day > horizon.PoliceAfter && day <= horizon.AsOf)
            {
                rows.Add(new PoliceRow(person, day, type, role, severe));
            }
        }

        return (data, map) =>
        {
            data.Police = rows.GroupBy(data.People, Key<PoliceRow>(map, r => r.Person));
            return data.Police.Count;
        };
    }

    private static Finish ReadBenefits(CsvInput input, IdColumn ids, Horizon horizon)
    {
        var c = input.Columns(["person_id", "start_date", "end_date", "benefit", "out_of_work"]);
        if (!input.HeaderOk)
        {
            return NothingKept;
        }

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        var rows = new RowBuffer<BenefitRow>();
        while (input.Read())
        {
            var ok = ids.Resolve(input, c[0], out var person);
            var startOk = Date(input, c[1], out var start);
            ok &= startOk;
            ok &= EndDate(input, c[2], start, startOk, out var end);
            var benefit = input.Field(c[3]);
            if (benefit.IsEmpty)
            {
                input.Error(c[3], "is empty");
                ok = false;
            }

            ok &= Flag(input, c[4], out var outOfWork);
            if (!ok || start > horizon.AsOf || end < horizon.AsOf)
            {
                continue;
            }

            if (!lookup.TryGetValue(benefit, out var name))
            {
                name = names.Count;
                names.Add(benefit.ToString(), name);
            }

            rows.Add(new BenefitRow(person, start, end, name, outOfWork));
        }

        return (data, map) =>
        {
            data.BenefitNames = [.. names.OrderBy(n => n.Value).Select(n => n.Key)];
            data.Benefits = rows.GroupBy(data.People, Key<BenefitRow>(map, r => r.Person));
            return data.Benefits.Count;
        };
    }

    private static Finish ReadNeet(CsvInput input, IdColumn ids, Horizon horizon)
    {
        var group = ReadDatedWords(input, ids, "status", Vocabularies.NeetStatuses, horizon.NeetAfter, horizon.AsOf, (p, d, w) => new NeetRow(p, d, w));
        return (data, map) =>
        {
            data.Neet = group(data, map);
            return data.Neet.Count;
        };
    }

    /// <summary>A file of person_id, date and one word (NEET status, health flag), keeping rows dated after <paramref name="after"/>.</summary>
    private static Func<PartnerData, int[], Grouped<TRow>> ReadDatedWords<TWord, TRow>(
        CsvInput input, IdColumn ids, string column, Vocabulary<TWord> words, int after, int asOf, Func<int, int, TWord, TRow> row)
        where TRow : struct, IPersonRow
    {
        var c = input.Columns(["person_id", "date", column]);
        if (!input.HeaderOk)
        {
            return (_, _) => Grouped<TRow>.Empty;
        }

        var rows = new RowBuffer<TRow>();
        while (input.Read())
        {
            var ok = ids.Resolve(input, c[0], out var person);
            ok &= Date(input, c[1], out var day);
            ok &= Word(input, c[2], words, out var word);
            if (ok && day > after && day <= asOf)
            {
                rows.Add(row(person, day, word));
            }
        }

        return (data, map) => rows.GroupBy(data.People, Key<TRow>(map, r => r.Person));
    }

    private static Finish ReadHousing(CsvInput input, IdColumn ids, Horizon horizon)
    {
        var c = input.Columns(["family_id", "date", "status"]);
        if (!input.HeaderOk)
        {
            return NothingKept;
        }

        var rows = new RowBuffer<HousingRow>();
        while (input.Read())
        {
            var ok = ids.Resolve(input, c[0], out var family);
            ok &= Date(input, c[1], out var day);
            ok &= Word(input, c[2], Vocabularies.HousingStatuses, out var status);
            if (ok && day > horizon.HousingAfter && day <= horizon.AsOf)
            {
                rows.Add(new HousingRow(family, day, status));
            }
        }

        return (data, map) =>
        {
            data.Housing = rows.GroupBy(data.Households, Key<HousingRow>(map, r => r.Family));
            return data.Housing.Count;
        };
    }

    private static Finish ReadSocialCare(CsvInput input, IdColumn ids, Horizon horizon)
    {
        var c = input.Columns(["person_id", "start_date", "end_date", "type"]);
        if (!input.HeaderOk)
        {
            return NothingKept;
        }

        var rows = new RowBuffer<SocialCareRow>();
        while (input.Read())
        {
            var ok = ids.Resolve(input, c[0], out var person);
            var startOk = Date(input, c[1], out var start);
            ok &= startOk;
            ok &= EndDate(input, c[2], start, startOk, out var end);
            ok &= Word(input, c[3], Vocabularies.SocialCareTypes, out var type);
            if (ok && start <= horizon.AsOf && end >= horizon.AsOf)
            {
                rows.Add(new SocialCareRow(person, start, end, type));
            }
        }

        return (data, map) =>
        {
            data.SocialCare = rows.GroupBy(data.People, Key<SocialCareRow>(map, r => r.Person));
            return data.SocialCare.Count;
        };
    }

    private static Finish ReadHealth(CsvInput input, IdColumn ids, Horizon horizon)
    {
        var group = ReadDatedWords(input, ids, "flag", Vocabularies.HealthFlags, horizon.HealthAfter, horizon.AsOf, (p, d, w) => new HealthRow(p, d, w));
        return (data, map) =>
        {
            data.Health = group(data, map);
            return data.Health.Count;
        };
    }
}
