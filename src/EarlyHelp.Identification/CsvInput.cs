using System.Globalization;
using System.Text;
using EarlyHelp.Core.Frameworks;
using Sylvan.Data.Csv;

namespace EarlyHelp.Identification;

/// <summary>A problem in a partner file: the file, the line (1 is the header), the column (0 when it is about the whole row or file).</summary>
public sealed record DataError(string File, long Line, int Column, string Message)
{
    public override string ToString() => Column > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}:{Line}: {Message}";
}

/// <summary>
/// One partner CSV file being streamed with Sylvan's parser: finds the columns by name, parses values from the
/// field spans without making strings, and collects every problem with its row. Rows are numbered as the parser
/// counts them and turned into physical line numbers only when there are errors (<see cref="LineNumbers"/>), so
/// the fast path pays nothing for fields that hold line breaks.
/// </summary>
internal sealed class CsvInput : IDisposable
{
    /// <summary>Errors kept for one file; beyond this only a count, so a wholly wrong file cannot fill the memory.</summary>
    public const int MaxErrorsKept = 1000;

    private readonly CsvDataReader reader;
    private readonly List<(long Row, int Column, string Message)> errors = [];
    private readonly List<string> headerErrors = [];

    public CsvInput(string path, string displayName)
        : this(OpenFile(path, out var stream), displayName, path) => file = stream;

    /// <summary>CSV text from elsewhere (the database's copy of a file): errors keep the parser's row numbers as lines.</summary>
    public CsvInput(TextReader text, string displayName, string? path = null)
    {
        Path = path;
        DisplayName = displayName;
        reader = CsvDataReader.Create(text, new CsvDataReaderOptions
        {
            Delimiter = ',',
            HasHeaders = true,
            BufferSize = 1 << 17,
            MaxBufferSize = 1 << 24,
        });
    }

    private readonly FileStream? file;

    /// <summary>The file read, or null when the text came from elsewhere.</summary>
    public string? Path { get; }

    /// <summary>How far through the file the parser has read, in bytes (0 when not reading a file).</summary>
    public long BytesRead => file?.Position ?? 0;

    public long Length => file?.Length ?? 0;

    public string DisplayName { get; }

    public long ErrorCount => errors.Count + overflow + headerErrors.Count;

    public long Rows { get; private set; }

    private long overflow;

    /// <summary>The ordinal of each named column; a missing required column is an error on line 1. Unknown extra columns are ignored.</summary>
    public int[] Columns(string[] required, string[]? optional = null)
    {
        var all = optional is null ? required : [.. required, .. optional];
        var ordinals = new int[all.Length];
        for (var i = 0; i < all.Length; i++)
        {
            ordinals[i] = -1;
            for (var c = 0; c < reader.FieldCount; c++)
            {
                if (string.Equals(reader.GetName(c).Trim(), all[i], StringComparison.Ordinal))
                {
                    ordinals[i] = c;
                    break;
                }
            }

            if (ordinals[i] < 0 && i < required.Length)
            {
                headerErrors.Add($"missing required column '{all[i]}' (the header has: {string.Join(", ", Enumerable.Range(0, reader.FieldCount).Select(reader.GetName))})");
            }
        }

        return ordinals;
    }

    public bool HeaderOk => headerErrors.Count == 0;

    /// <summary>Moves to the next non-blank row.</summary>
    public bool Read()
    {
        while (reader.Read())
        {
            if (reader.RowFieldCount == 1 && reader.GetFieldSpan(0).IsWhiteSpace())
            {
                continue;
            }

            Rows++;
            return true;
        }

        return false;
    }

    public ReadOnlySpan<char> Field(int ordinal) =>
        ordinal >= 0 && ordinal < reader.RowFieldCount ? reader.GetFieldSpan(ordinal).Trim() : [];

    public void Error(int ordinal, string message)
    {
        if (errors.Count < MaxErrorsKept)
        {
            errors.Add((reader.RowNumber, ordinal + 1, $"{reader.GetName(ordinal)}: {message}"));
        }
        else
        {
            overflow++;
        }
    }

    /// <summary>Every problem found, with physical line numbers.</summary>
    public IEnumerable<DataError> Errors()
    {
        foreach (var h in headerErrors)
        {
            yield return new DataError(DisplayName, 1, 0, h);
        }

        if (errors.Count == 0)
        {
            yield break;
        }

        var lines = Path is null ? errors.Select(e => e.Row).Distinct().ToDictionary(r => r, r => r + 1) : LineNumbers(Path, errors.Select(e => e.Row));
        foreach (var (row, column, message) in errors)
        {
            yield return new DataError(DisplayName, lines[row], column, message);
        }

        if (overflow > 0)
        {
            yield return new DataError(DisplayName, lines[errors[^1].Row], 0, $"and {overflow.ToString("N0", CultureInfo.InvariantCulture)} more problems in this file (only the first {MaxErrorsKept} are listed)");
        }
    }

    /// <summary>
    /// The physical line each data row (numbered from 1 after the header, as the parser counts) starts on: a
    /// second, quote-aware pass over the file, made only when there is something to report.
    /// </summary>
    internal static Dictionary<long, long> LineNumbers(string path, IEnumerable<long> rows)
    {
        var wanted = new SortedSet<long>(rows);
        var result = new Dictionary<long, long>();
        if (wanted.Count == 0)
        {
            return result;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 16];
        long line = 1;
        long record = 0; // the header is record 0
        long recordStartLine = 1;
        var quoted = false;
        var atRecordStart = true;
        var enumerator = wanted.GetEnumerator();
        enumerator.MoveNext();
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var b = buffer[i];
                if (atRecordStart)
                {
                    recordStartLine = line;
                    atRecordStart = false;
                    if (record == enumerator.Current)
                    {
                        result[record] = recordStartLine;
                        if (!enumerator.MoveNext())
                        {
                            return result;
                        }
                    }
                }

                if (b == (byte)'"')
                {
                    quoted = !quoted;
                }
                else if (b == (byte)'\n')
                {
                    line++;
                    if (!quoted)
                    {
                        record++;
                        atRecordStart = true;
                    }
                }
            }
        }

        // Rows past the end (cannot happen for rows the parser gave) keep their parser number.
        foreach (var r in wanted.Where(r => !result.ContainsKey(r)))
        {
            result[r] = r + 1;
        }

        return result;
    }

    private static TextReader OpenFile(string path, out FileStream stream)
    {
        // Unbuffered: the text reader reads large blocks itself.
        stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
        return Utf8FileReader.Open(stream);
    }

    public void Dispose() => reader.Dispose();
}

/// <summary>Parsing partner values from spans: dates as YYYY-MM-DD, whole numbers, flags.</summary>
internal static class Values
{
    /// <summary>The day number (<see cref="DateOnly.DayNumber"/>) of a YYYY-MM-DD date from 1900 to 2199.</summary>
    public static bool TryDate(ReadOnlySpan<char> s, out int dayNumber)
    {
        dayNumber = 0;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-')
        {
            return false;
        }

        if (!Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day))
        {
            return false;
        }

        if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        dayNumber = new DateOnly(year, month, day).DayNumber;
        return true;
    }

    /// <summary>An academic year written "2023/24": the second part is the year after the first.</summary>
    public static bool TryAcademicYear(ReadOnlySpan<char> s, out int startYear)
    {
        startYear = 0;
        if (s.Length != 7 || s[4] != '/' || !Digits(s[..4], out var first) || !Digits(s[5..], out var second) || (first + 1) % 100 != second)
        {
            return false;
        }

        startYear = first;
        return true;
    }

    public static bool TryCount(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        return s.Length is > 0 and <= 9 && Digits(s, out value);
    }

    public static bool TryNumber(ReadOnlySpan<char> s, out double value) =>
        double.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && value >= 0 && value < 1_000_000;

    public static bool TryFlag(ReadOnlySpan<char> s, out bool value)
    {
        value = s is "1";
        return s is "0" or "1";
    }

    public static string Quote(ReadOnlySpan<char> s) => s.Length > 40 ? $"'{s[..40]}...'" : $"'{s}'";

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}

/// <summary>A partner file's words for one column (contracts/datasets.md), looked up from the parser's spans without making a string.</summary>
internal sealed class Vocabulary<T>(IReadOnlyDictionary<string, T> words)
{
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> lookup =
        new Dictionary<string, T>(words, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The words, as a problem lists them.</summary>
    public string Listed { get; } = string.Join(", ", words.Keys);

    public bool TryGet(ReadOnlySpan<char> word, out T value) => lookup.TryGetValue(word, out value!);
}

/// <summary>The vocabularies of the partner files, made once for identify and import alike.</summary>
internal static class Vocabularies
{
    public static readonly Vocabulary<ExclusionKind> ExclusionKinds = new(PartnerVocabulary.ExclusionKinds);
    public static readonly Vocabulary<PoliceType> PoliceTypes = new(PartnerVocabulary.PoliceTypes);
    public static readonly Vocabulary<PoliceRole> PoliceRoles = new(PartnerVocabulary.PoliceRoles);
    public static readonly Vocabulary<NeetStatus> NeetStatuses = new(PartnerVocabulary.NeetStatuses);
    public static readonly Vocabulary<HousingStatus> HousingStatuses = new(PartnerVocabulary.HousingStatuses);
    public static readonly Vocabulary<SocialCareType> SocialCareTypes = new(PartnerVocabulary.SocialCareTypes);
    public static readonly Vocabulary<HealthFlag> HealthFlags = new(PartnerVocabulary.HealthFlags);
}
