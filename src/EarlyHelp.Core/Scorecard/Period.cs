using System.Globalization;

namespace EarlyHelp.Core.Scorecard;

/// <summary>A span of days, both ends included, that the scorecard measures.</summary>
public readonly record struct Period(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly date) => date >= From && date <= To;

    public bool Contains(DateOnly? date) => date is { } d && Contains(d);

    public string Label => $"{Format(From)} to {Format(To)}";

    // Month names spelt out here: the host may run without culture data (invariant globalisation).
    public static readonly IReadOnlyList<string> MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static string Format(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Day} {MonthNames[date.Month - 1]} {date.Year}");
}

/// <summary>
/// A quarter of the financial year, which councils report in: Q1 is April to June, Q4 January to March.
/// </summary>
public readonly record struct Quarter(int FinancialYearStart, int Number)
{
    public DateOnly From => new DateOnly(FinancialYearStart, 4, 1).AddMonths((Number - 1) * 3);

    public DateOnly To => From.AddMonths(3).AddDays(-1);

    public Period Period => new(From, To);

    public Quarter Previous => Number == 1 ? new(FinancialYearStart - 1, 4) : new(FinancialYearStart, Number - 1);

    /// <summary>"Q1 2024-25".</summary>
    public string Label => $"Q{Number} {FinancialYearStart}-{(FinancialYearStart + 1) % 100:00}";

    /// <summary>"April to June 2024".</summary>
    public string Months => string.Create(CultureInfo.InvariantCulture, $"{Period.MonthNames[From.Month - 1]} to {Period.MonthNames[To.Month - 1]} {To.Year}");

    public static Quarter Containing(DateOnly date)
    {
        var yearStart = date.Month >= 4 ? date.Year : date.Year - 1;
        var monthsIn = ((date.Month - 4) + 12) % 12;
        return new Quarter(yearStart, (monthsIn / 3) + 1);
    }

    /// <summary>The <paramref name="count"/> quarters ending with <paramref name="last"/>, oldest first.</summary>
    public static IReadOnlyList<Quarter> RunEndingWith(Quarter last, int count)
    {
        var quarters = new List<Quarter> { last };
        while (quarters.Count < count)
        {
            quarters.Add(quarters[^1].Previous);
        }

        quarters.Reverse();
        return quarters;
    }

    /// <summary>The start of the financial year a date falls in: 1 April.</summary>
    public static DateOnly FinancialYearStartOf(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1, 4, 1);
}
