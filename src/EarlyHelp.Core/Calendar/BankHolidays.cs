using System.Text.Json;

namespace EarlyHelp.Core.Calendar;

/// <summary>
/// England and Wales bank holidays. The shipped list is a copy of the GOV.UK bank holidays feed
/// (division "england-and-wales"); years outside it fall back to the regular pattern, which misses only
/// one-off holidays such as jubilees and state funerals.
/// </summary>
public sealed class BankHolidays
{
    private readonly HashSet<DateOnly> dates;
    private readonly HashSet<int> listedYears;

    public BankHolidays(IEnumerable<DateOnly> listed)
    {
        dates = [.. listed];
        listedYears = [.. dates.Select(d => d.Year)];
    }

    public static BankHolidays EnglandAndWales { get; } = LoadShipped();

    public int FirstListedYear => listedYears.Min();

    public int LastListedYear => listedYears.Max();

    public bool IsBankHoliday(DateOnly date) =>
        listedYears.Contains(date.Year) ? dates.Contains(date) : Regular(date.Year).Contains(date);

    /// <summary>Reads the GOV.UK feed format: { "england-and-wales": { "events": [ { "date": ... } ] } }.</summary>
    public static BankHolidays FromGovUkJson(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var events = document.RootElement.GetProperty("england-and-wales").GetProperty("events");
        return new BankHolidays(events.EnumerateArray().Select(e => DateOnly.ParseExact(e.GetProperty("date").GetString()!, "yyyy-MM-dd")));
    }

    /// <summary>The regular bank holidays of a year, with weekend substitutes.</summary>
    public static IReadOnlyList<DateOnly> Regular(int year)
    {
        var easter = Easter.Sunday(year);
        var list = new List<DateOnly>
        {
            NextWeekday(new DateOnly(year, 1, 1)),
            easter.AddDays(-2),
            easter.AddDays(1),
            FirstMonday(new DateOnly(year, 5, 1)),
            LastMonday(new DateOnly(year, 5, 31)),
            LastMonday(new DateOnly(year, 8, 31)),
        };
        var christmas = new DateOnly(year, 12, 25);
        var boxing = new DateOnly(year, 12, 26);
        var christmasObserved = NextWeekday(christmas);
        var boxingObserved = NextWeekday(boxing);
        if (boxingObserved <= christmasObserved)
        {
            boxingObserved = NextWeekday(christmasObserved.AddDays(1));
        }

        list.Add(christmasObserved);
        list.Add(boxingObserved);
        return list;
    }

    private static BankHolidays LoadShipped()
    {
        using var stream = typeof(BankHolidays).Assembly.GetManifestResourceStream("EarlyHelp.Core.Calendar.Data.bank-holidays.json")
            ?? throw new InvalidOperationException("The shipped bank holiday list is missing from the assembly.");
        return FromGovUkJson(stream);
    }

    private static DateOnly NextWeekday(DateOnly date)
    {
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(1);
        }

        return date;
    }

    private static DateOnly FirstMonday(DateOnly date)
    {
        while (date.DayOfWeek != DayOfWeek.Monday)
        {
            date = date.AddDays(1);
        }

        return date;
    }

    private static DateOnly LastMonday(DateOnly date)
    {
        while (date.DayOfWeek != DayOfWeek.Monday)
        {
            date = date.AddDays(-1);
        }

        return date;
    }
}
