namespace EarlyHelp.Core.Calendar;

/// <summary>
/// Term dates for schools in England. Local authorities set their own dates; the default pattern
/// below is typical of English maintained schools and can be replaced term by term with a council's
/// published dates. A term's attendance counts once the term has ended.
/// </summary>
public sealed class SchoolCalendar
{
    private readonly IReadOnlyDictionary<SchoolTerm, (DateOnly Start, DateOnly End)> overrides;

    public SchoolCalendar(IReadOnlyDictionary<SchoolTerm, (DateOnly Start, DateOnly End)>? overrides = null)
    {
        this.overrides = overrides ?? new Dictionary<SchoolTerm, (DateOnly, DateOnly)>();
    }

    public static SchoolCalendar England { get; } = new();

    public DateOnly Start(SchoolTerm term) => Dates(term).Start;

    public DateOnly End(SchoolTerm term) => Dates(term).End;

    /// <summary>The most recent term that has ended on or before <paramref name="date"/>.</summary>
    public SchoolTerm LastEndedOnOrBefore(DateOnly date)
    {
        var term = TermContaining(date);
        return End(term) <= date ? term : term.Previous;
    }

    /// <summary>
    /// The term a date belongs to: each term runs from the day after the previous term ended to its own
    /// last day, so holidays belong to the term that follows them.
    /// </summary>
    public SchoolTerm TermContaining(DateOnly date)
    {
        var year = date.Month >= 8 ? date.Year : date.Year - 1;
        var term = new SchoolTerm(year, TermName.Autumn).Previous;
        while (End(term) < date)
        {
            term = term.Next;
        }

        return term;
    }

    private (DateOnly Start, DateOnly End) Dates(SchoolTerm term) =>
        overrides.TryGetValue(term, out var dates) ? dates : DefaultDates(term);

    private static (DateOnly Start, DateOnly End) DefaultDates(SchoolTerm term)
    {
        var y = term.AcademicYearStart;
        switch (term.Name)
        {
            case TermName.Autumn:
                return (FirstOnOrAfter(new DateOnly(y, 9, 1), DayOfWeek.Monday), LastWeekdayOnOrBefore(new DateOnly(y, 12, 20)));
            case TermName.Spring:
                var springEnd = Easter.Sunday(y + 1).AddDays(-3); // Maundy Thursday
                return (FirstWeekdayOnOrAfter(new DateOnly(y + 1, 1, 3)), springEnd);
            default:
                var summerStart = FirstOnOrAfter(Easter.Sunday(y + 1).AddDays(8), DayOfWeek.Monday);
                return (summerStart, LastOnOrBefore(new DateOnly(y + 1, 7, 22), DayOfWeek.Friday));
        }
    }

    private static DateOnly FirstOnOrAfter(DateOnly date, DayOfWeek day)
    {
        while (date.DayOfWeek != day)
        {
            date = date.AddDays(1);
        }

        return date;
    }

    private static DateOnly LastOnOrBefore(DateOnly date, DayOfWeek day)
    {
        while (date.DayOfWeek != day)
        {
            date = date.AddDays(-1);
        }

        return date;
    }

    private static DateOnly FirstWeekdayOnOrAfter(DateOnly date)
    {
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(1);
        }

        return date;
    }

    private static DateOnly LastWeekdayOnOrBefore(DateOnly date)
    {
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(-1);
        }

        return date;
    }
}

/// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).</summary>
public static class Easter
{
    public static DateOnly Sunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
