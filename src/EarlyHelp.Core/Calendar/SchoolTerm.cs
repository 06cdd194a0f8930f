using System.Globalization;

namespace EarlyHelp.Core.Calendar;

public enum TermName
{
    Autumn = 0,
    Spring = 1,
    Summer = 2,
}

/// <summary>One school term of one academic year. Terms run autumn, spring, summer, then the next year's autumn.</summary>
public readonly record struct SchoolTerm(int AcademicYearStart, TermName Name) : IComparable<SchoolTerm>
{
    /// <summary>A running number, so that consecutive terms differ by one.</summary>
    public int Ordinal => (AcademicYearStart * 3) + (int)Name;

    public string AcademicYear => FormatAcademicYear(AcademicYearStart);

    public SchoolTerm Next => FromOrdinal(Ordinal + 1);

    public SchoolTerm Previous => FromOrdinal(Ordinal - 1);

    public static SchoolTerm FromOrdinal(int ordinal) => new(ordinal / 3, (TermName)(ordinal % 3));

    /// <summary>The <paramref name="count"/> consecutive terms ending with <paramref name="last"/>, oldest first.</summary>
    public static IReadOnlyList<SchoolTerm> RunEndingWith(SchoolTerm last, int count) =>
        [.. Enumerable.Range(0, count).Select(i => FromOrdinal(last.Ordinal - count + 1 + i))];

    public int CompareTo(SchoolTerm other) => Ordinal.CompareTo(other.Ordinal);

    public static bool operator <(SchoolTerm left, SchoolTerm right) => left.Ordinal < right.Ordinal;

    public static bool operator >(SchoolTerm left, SchoolTerm right) => left.Ordinal > right.Ordinal;

    public static bool operator <=(SchoolTerm left, SchoolTerm right) => left.Ordinal <= right.Ordinal;

    public static bool operator >=(SchoolTerm left, SchoolTerm right) => left.Ordinal >= right.Ordinal;

    public string TermLabel => Name.ToString().ToLowerInvariant();

    public override string ToString() => $"{TermLabel} {AcademicYear}";

    /// <summary>"spring and summer 2023/24", or "summer 2022/23 and autumn 2023/24" across a year boundary.</summary>
    public static string Describe(IReadOnlyList<SchoolTerm> terms)
    {
        if (terms.Count == 0)
        {
            return "no terms";
        }

        var sameYear = terms.All(t => t.AcademicYearStart == terms[0].AcademicYearStart);
        var names = sameYear ? terms.Select(t => t.TermLabel).ToList() : terms.Select(t => t.ToString()).ToList();
        var joined = names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
        return sameYear ? $"{joined} {terms[0].AcademicYear}" : joined;
    }

    public static string FormatAcademicYear(int startYear) =>
        $"{startYear}/{((startYear + 1) % 100).ToString("00", CultureInfo.InvariantCulture)}";

    /// <summary>Parses "2023/24". The second part must be the year after the first.</summary>
    public static bool TryParseAcademicYear(string? text, out int startYear)
    {
        startYear = 0;
        if (text is not { Length: 7 } || text[4] != '/')
        {
            return false;
        }

        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var second))
        {
            return false;
        }

        if ((first + 1) % 100 != second)
        {
            return false;
        }

        startYear = first;
        return true;
    }

    public static bool TryParseTermName(string? text, out TermName name)
    {
        switch (text)
        {
            case "autumn": name = TermName.Autumn; return true;
            case "spring": name = TermName.Spring; return true;
            case "summer": name = TermName.Summer; return true;
            default: name = default; return false;
        }
    }
}
