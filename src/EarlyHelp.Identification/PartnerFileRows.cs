using EarlyHelp.Core.Frameworks;

namespace EarlyHelp.Identification;

/// <summary>The kind of a value in a partner file, as it is stored.</summary>
public enum PartnerValueKind
{
    Text,
    Date,
    Whole,
    Number,
    Flag,
}

/// <summary>
/// A column of a partner file as stored: its name in the file (contracts/datasets.md), its kind, whether it is part
/// of the row's natural key (what makes two extracts' rows the same row), and whether it may be blank.
/// </summary>
public sealed record PartnerColumn(string Name, PartnerValueKind Kind, bool Key, bool Nullable = false);

/// <summary>
/// What each partner file holds and what makes a row the same row in a later extract. A later extract's row with the
/// same natural key replaces the values that are not in the key (a term's attendance revised, a benefit claim that
/// has since ended); a row with a new key is added; nothing is deleted, because extracts overlap and need not be whole.
/// </summary>
public static class PartnerSchema
{
    private static readonly Dictionary<PartnerDataset, PartnerColumn[]> Columns = new()
    {
        [PartnerDataset.People] =
        [
            new("person_id", PartnerValueKind.Text, Key: true), new("family_id", PartnerValueKind.Text, Key: false),
            new("date_of_birth", PartnerValueKind.Date, Key: false), new("expected_baby_due", PartnerValueKind.Date, Key: false, Nullable: true),
        ],
        [PartnerDataset.Attendance] =
        [
            new("person_id", PartnerValueKind.Text, Key: true), new("academic_year", PartnerValueKind.Text, Key: true), new("term", PartnerValueKind.Text, Key: true),
            new("possible_sessions", PartnerValueKind.Whole, Key: false), new("attended_sessions", PartnerValueKind.Whole, Key: false),
            new("authorised_absence", PartnerValueKind.Whole, Key: false), new("unauthorised_absence", PartnerValueKind.Whole, Key: false),
        ],
        [PartnerDataset.Exclusions] =
        [
            new("person_id", PartnerValueKind.Text, Key: true), new("date", PartnerValueKind.Date, Key: true), new("kind", PartnerValueKind.Text, Key: true),
            new("days", PartnerValueKind.Number, Key: false, Nullable: true),
        ],
        [PartnerDataset.Police] =
        [
            new("person_id", PartnerValueKind.Text, Key: true), new("date", PartnerValueKind.Date, Key: true), new("type", PartnerValueKind.Text, Key: true),
            new("role", PartnerValueKind.Text, Key: true), new("severe", PartnerValueKind.Flag, Key: false),
        ],
        [PartnerDataset.Benefits] =
        [
            new("person_id", PartnerValueKind.Text, Key: true), new("start_date", PartnerValueKind.Date, Key: true), new("benefit", PartnerValueKind.Text, Key: true),
            new("end_date", PartnerValueKind.Date, Key: false, Nullable: true), new("out_of_work", PartnerValueKind.Flag, Key: false),
        ],
        [PartnerDataset.Neet] =
        [
            new("person_id", PartnerValueKind.Text, Key: true), new("date", PartnerValueKind.Date, Key: true), new("status", PartnerValueKind.Text, Key: false),
        ],
        [PartnerDataset.Housing] =
        [
            new("family_id", PartnerValueKind.Text, Key: true), new("date", PartnerValueKind.Date, Key: true), new("status", PartnerValueKind.Text, Key: true),
        ],
        [PartnerDataset.SocialCare] =
        [
            new("person_id", PartnerValueKind.Text, Key: true), new("start_date", PartnerValueKind.Date, Key: true), new("type", PartnerValueKind.Text, Key: true),
            new("end_date", PartnerValueKind.Date, Key: false, Nullable: true),
        ],
        [PartnerDataset.Health] =
        [
            new("person_id", PartnerValueKind.Text, Key: true), new("date", PartnerValueKind.Date, Key: true), new("flag", PartnerValueKind.Text, Key: true),
        ],
    };

    /// <summary>The columns stored for a dataset, in the order <see cref="PartnerFileRows"/> gives their values.</summary>
    public static IReadOnlyList<PartnerColumn> For(PartnerDataset dataset) => Columns[dataset];

    /// <summary>The dataset a name means: the file's name in contracts/datasets.md without ".csv" (people, social_care ...).</summary>
    public static bool TryParse(string name, out PartnerDataset dataset)
    {
        foreach (var candidate in Enum.GetValues<PartnerDataset>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                dataset = candidate;
                return true;
            }
        }

        dataset = default;
        return false;
    }

    public static string Name(PartnerDataset dataset) => PartnerVocabulary.FileName(dataset)[..^4];

    public static IEnumerable<string> Names => Enum.GetValues<PartnerDataset>().Select(Name);
}

/// <summary>How far one file has been read.</summary>
public readonly record struct PartnerFileProgress(long Rows, long BytesRead, long Length);

/// <summary>What reading one file found: its rows, and every problem (the first 1,000 with line and column, then a count).</summary>
public sealed record PartnerFileResult(long Rows, IReadOnlyList<DataError> Errors, long ErrorCount);

/// <summary>
/// Streams one partner file with the parser and checks <c>identify</c> uses, in the same words, and hands each good
/// row's values (in <see cref="PartnerSchema"/> order: string, DateOnly, int, double, bool or null) to a writer. The
/// values array is reused: the writer must use it before returning.
/// </summary>
public static class PartnerFileRows
{

    /// <summary>
    /// Reads <paramref name="path"/> as <paramref name="dataset"/>. <paramref name="people"/> and <paramref name="families"/>
    /// are the person and household ids already known (the stored people), against which other files' ids are checked.
    /// Progress is reported about every <paramref name="progressEvery"/> rows; cancellation is checked as often.
    /// </summary>
    public static PartnerFileResult Read(
        string path, string displayName, PartnerDataset dataset, HashSet<string> people, HashSet<string> families,
        Action<object?[]> write, Action<PartnerFileProgress>? progress = null, CancellationToken cancellation = default, int progressEvery = 10_000)
    {
        using var input = new CsvInput(path, displayName);
        var values = new object?[PartnerSchema.For(dataset).Count];
        var knownPeople = people.GetAlternateLookup<ReadOnlySpan<char>>();
        var knownFamilies = families.GetAlternateLookup<ReadOnlySpan<char>>();
        Func<bool> row = dataset switch
        {
            PartnerDataset.People => People(input, values, new HashSet<string>(StringComparer.Ordinal)),
            PartnerDataset.Attendance => Attendance(input, values, knownPeople),
            PartnerDataset.Exclusions => Exclusions(input, values, knownPeople),
            PartnerDataset.Police => Police(input, values, knownPeople),
            PartnerDataset.Benefits => Benefits(input, values, knownPeople),
            PartnerDataset.Neet => DatedWord(input, values, knownPeople, "status", Vocabularies.NeetStatuses),
            PartnerDataset.Housing => Housing(input, values, knownFamilies),
            PartnerDataset.SocialCare => SocialCare(input, values, knownPeople),
            _ => DatedWord(input, values, knownPeople, "flag", Vocabularies.HealthFlags),
        };

        if (input.HeaderOk)
        {
            while (input.Read())
            {
                // Once a row is bad nothing will be stored, so the writer is spared the rest; the file is still checked to the end.
                if (row() && input.ErrorCount == 0)
                {
                    write(values);
                }

                if (input.Rows % progressEvery == 0)
                {
                    cancellation.ThrowIfCancellationRequested();
                    progress?.Invoke(new PartnerFileProgress(input.Rows, input.BytesRead, input.Length));
                }
            }
        }

        progress?.Invoke(new PartnerFileProgress(input.Rows, input.Length, input.Length));
        return new PartnerFileResult(input.Rows, [.. input.Errors()], input.ErrorCount);
    }

    private static string Text(ReadOnlySpan<char> field) => field.ToString();

    private static DateOnly Day(int dayNumber) => DateOnly.FromDayNumber(dayNumber);

    private static Func<bool> People(CsvInput input, object?[] values, HashSet<string> seen)
    {
        var c = input.Columns(PeopleRows.Required, PeopleRows.Optional);
        var seenLookup = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        Func<ReadOnlySpan<char>, bool> seenBefore = id => !seenLookup.Add(id);
        return () =>
        {
            var ok = PeopleRows.Check(input, c, seenBefore, out var id, out var family, out var born, out var expected);
            if (ok)
            {
                values[0] = Text(id);
                values[1] = Text(family);
                values[2] = Day(born);
                values[3] = expected == 0 ? null : Day(expected);
            }

            return ok;
        };
    }

    private static Func<bool> Attendance(CsvInput input, object?[] values, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> people)
    {
        var c = input.Columns(["person_id", "academic_year", "term", "possible_sessions", "attended_sessions", "authorised_absence", "unauthorised_absence"]);
        return () =>
        {
            var ok = Person(input, c[0], people);
            if (!Values.TryAcademicYear(input.Field(c[1]), out _))
            {
                input.Error(c[1], $"{Values.Quote(input.Field(c[1]))} is not an academic year like 2023/24");
                ok = false;
            }

            var term = input.Field(c[2]);
            if (term is not ("autumn" or "spring" or "summer"))
            {
                input.Error(c[2], $"{Values.Quote(term)} is not autumn, spring or summer");
                ok = false;
            }

            ok &= PartnerDataReader.Count(input, c[3], out var possible);
            ok &= PartnerDataReader.Count(input, c[4], out var attended);
            ok &= PartnerDataReader.Count(input, c[5], out var authorised);
            ok &= PartnerDataReader.Count(input, c[6], out var unauthorised);
            if (ok && attended + authorised + unauthorised > possible)
            {
                input.Error(c[3], $"{possible} possible sessions is fewer than {attended} attended, {authorised} authorised and {unauthorised} unauthorised absence together");
                ok = false;
            }

            if (ok)
            {
                values[0] = Text(input.Field(c[0]));
                values[1] = Text(input.Field(c[1]));
                values[2] = Text(term);
                values[3] = possible;
                values[4] = attended;
                values[5] = authorised;
                values[6] = unauthorised;
            }

            return ok;
        };
    }

    private static Func<bool> Exclusions(CsvInput input, object?[] values, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> people)
    {
        var c = input.Columns(["person_id", "date", "kind", "days"]);
        return () =>
        {
            var ok = Person(input, c[0], people);
            ok &= PartnerDataReader.Date(input, c[1], out var day);
            ok &= PartnerDataReader.Word(input, c[2], Vocabularies.ExclusionKinds, out var kind);
            var daysText = input.Field(c[3]);
            double? days = null;
            if (!(daysText.IsEmpty && kind == ExclusionKind.Permanent))
            {
                if (Values.TryNumber(daysText, out var number))
                {
                    days = number;
                }
                else
                {
                    input.Error(c[3], $"{Values.Quote(daysText)} is not a number of days");
                    ok = false;
                }
            }

            if (ok)
            {
                values[0] = Text(input.Field(c[0]));
                values[1] = Day(day);
                values[2] = Text(input.Field(c[2]));
                values[3] = days;
            }

            return ok;
        };
    }

    private static Func<bool> Police(CsvInput input, object?[] values, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> people)
    {
        var c = input.Columns(["person_id", "date", "type", "role", "severe"]);
        return () =>
        {
            var ok = Person(input, c[0], people);
            ok &= PartnerDataReader.Date(input, c[1], out var day);
            ok &= PartnerDataReader.Word(input, c[2], Vocabularies.PoliceTypes, out _);
            ok &= PartnerDataReader.Word(input, c[3], Vocabularies.PoliceRoles, out _);
            ok &= PartnerDataReader.Flag(input, c[4], out var severe);
            if (ok)
            {
                values[0] = Text(input.Field(c[0]));
                values[1] = Day(day);
                values[2] = Text(input.Field(c[2]));
                values[3] = Text(input.Field(c[3]));
                values[4] = severe;
            }

            return ok;
        };
    }

    private static Func<bool> Benefits(CsvInput input, object?[] values, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> people)
    {
        var c = input.Columns(["person_id", "start_date", "end_date", "benefit", "out_of_work"]);
        return () =>
        {
            var ok = Person(input, c[0], people);
            var startOk = PartnerDataReader.Date(input, c[1], out var start);
            ok &= startOk;
            ok &= PartnerDataReader.EndDate(input, c[2], start, startOk, out var end);
            var benefit = input.Field(c[3]);
            if (benefit.IsEmpty)
            {
                input.Error(c[3], "is empty");
                ok = false;
            }

            ok &= PartnerDataReader.Flag(input, c[4], out var outOfWork);
            if (ok)
            {
                values[0] = Text(input.Field(c[0]));
                values[1] = Day(start);
                values[2] = Text(benefit);
                values[3] = end == int.MaxValue ? null : Day(end);
                values[4] = outOfWork;
            }

            return ok;
        };
    }

    private static Func<bool> DatedWord<T>(
        CsvInput input, object?[] values, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> people, string column, Vocabulary<T> words)
    {
        var c = input.Columns(["person_id", "date", column]);
        return () =>
        {
            var ok = Person(input, c[0], people);
            ok &= PartnerDataReader.Date(input, c[1], out var day);
            ok &= PartnerDataReader.Word(input, c[2], words, out _);
            if (ok)
            {
                values[0] = Text(input.Field(c[0]));
                values[1] = Day(day);
                values[2] = Text(input.Field(c[2]));
            }

            return ok;
        };
    }

    private static Func<bool> Housing(CsvInput input, object?[] values, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> families)
    {
        var c = input.Columns(["family_id", "date", "status"]);
        return () =>
        {
            var id = input.Field(c[0]);
            var ok = families.Contains(id);
            if (!ok)
            {
                input.Error(c[0], id.IsEmpty ? "is empty" : $"{Values.Quote(id)} is not a family_id in people.csv");
            }

            ok &= PartnerDataReader.Date(input, c[1], out var day);
            ok &= PartnerDataReader.Word(input, c[2], Vocabularies.HousingStatuses, out _);
            if (ok)
            {
                values[0] = Text(id);
                values[1] = Day(day);
                values[2] = Text(input.Field(c[2]));
            }

            return ok;
        };
    }

    private static Func<bool> SocialCare(CsvInput input, object?[] values, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> people)
    {
        var c = input.Columns(["person_id", "start_date", "end_date", "type"]);
        return () =>
        {
            var ok = Person(input, c[0], people);
            var startOk = PartnerDataReader.Date(input, c[1], out var start);
            ok &= startOk;
            ok &= PartnerDataReader.EndDate(input, c[2], start, startOk, out var end);
            ok &= PartnerDataReader.Word(input, c[3], Vocabularies.SocialCareTypes, out _);
            if (ok)
            {
                values[0] = Text(input.Field(c[0]));
                values[1] = Day(start);
                values[2] = Text(input.Field(c[3]));
                values[3] = end == int.MaxValue ? null : Day(end);
            }

            return ok;
        };
    }

    private static bool Person(CsvInput input, int column, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> people)
    {
        var id = input.Field(column);
        if (people.Contains(id))
        {
            return true;
        }

        input.Error(column, id.IsEmpty ? "is empty" : $"{Values.Quote(id)} is not in people.csv");
        return false;
    }
}
