using EarlyHelp.Core.Calendar;

namespace EarlyHelp.Core.Tests.Calendar;

public class CalendarTests
{
    private static readonly WorkingDays Days = WorkingDays.EnglandAndWales;

    [Theory]
    [InlineData("2024-03-29", true)] // Good Friday
    [InlineData("2024-04-01", true)] // Easter Monday
    [InlineData("2022-09-19", true)] // State funeral of Queen Elizabeth II
    [InlineData("2023-05-08", true)] // Coronation of King Charles III
    [InlineData("2026-12-28", true)] // Boxing Day substitute
    [InlineData("2024-03-28", false)]
    [InlineData("2024-12-24", false)]
    public void The_shipped_GOV_UK_list_has_England_and_Wales_bank_holidays(string date, bool expected) =>
        Assert.Equal(expected, BankHolidays.EnglandAndWales.IsBankHoliday(DateOnly.Parse(date)));

    [Fact]
    public void Years_beyond_the_list_follow_the_regular_pattern_with_substitutes()
    {
        var holidays = BankHolidays.EnglandAndWales;
        Assert.True(holidays.LastListedYear >= 2027);
        // 2033: Christmas Day is a Sunday, so the 26th and the 27th are the bank holidays.
        Assert.True(holidays.IsBankHoliday(new DateOnly(2033, 12, 26)));
        Assert.True(holidays.IsBankHoliday(new DateOnly(2033, 12, 27)));
        Assert.True(holidays.IsBankHoliday(new DateOnly(2033, 4, 15))); // Good Friday 2033
        Assert.True(holidays.IsBankHoliday(new DateOnly(2033, 8, 29))); // last Monday of August
    }

    [Fact]
    public void The_regular_pattern_reproduces_the_listed_years_without_one_off_holidays()
    {
        foreach (var year in new[] { 2019, 2021, 2024, 2025, 2026, 2027 })
        {
            Assert.All(BankHolidays.Regular(year), d => Assert.True(BankHolidays.EnglandAndWales.IsBankHoliday(d), $"{d} in {year}"));
        }
    }

    [Fact]
    public void Working_days_skip_weekends_and_bank_holidays()
    {
        // Thursday 28 March 2024 to Tuesday 2 April 2024: Good Friday, the weekend and Easter Monday pass.
        Assert.Equal(1, Days.Between(new DateOnly(2024, 3, 28), new DateOnly(2024, 4, 2)));
        Assert.Equal(0, Days.Between(new DateOnly(2024, 3, 28), new DateOnly(2024, 3, 28)));
        Assert.Equal(5, Days.Between(new DateOnly(2024, 6, 3), new DateOnly(2024, 6, 10)));
        Assert.Equal(-5, Days.Between(new DateOnly(2024, 6, 10), new DateOnly(2024, 6, 3)));
        Assert.Equal(new DateOnly(2024, 4, 2), Days.Add(new DateOnly(2024, 3, 28), 1));
        Assert.Equal(new DateOnly(2024, 3, 28), Days.Add(new DateOnly(2024, 4, 2), -1));
        Assert.False(Days.IsWorkingDay(new DateOnly(2024, 12, 25)));
        Assert.True(Days.IsWorkingDay(new DateOnly(2024, 12, 24)));
    }

    [Fact]
    public void Adding_and_counting_working_days_agree()
    {
        var start = new DateOnly(2023, 12, 20);
        for (var n = 0; n < 60; n++)
        {
            Assert.Equal(n, Days.Between(start, Days.Add(start, n)));
        }
    }

    [Fact]
    public void Terms_run_autumn_spring_summer_then_the_next_years_autumn()
    {
        var summer = new SchoolTerm(2023, TermName.Summer);
        Assert.Equal(new SchoolTerm(2024, TermName.Autumn), summer.Next);
        Assert.Equal(summer, summer.Next.Previous);
        Assert.Equal("summer 2023/24", summer.ToString());
        Assert.Equal("spring and summer 2023/24", SchoolTerm.Describe([new(2023, TermName.Spring), summer]));
        Assert.Equal("summer 2023/24 and autumn 2024/25", SchoolTerm.Describe([summer, summer.Next]));
        Assert.True(SchoolTerm.TryParseAcademicYear("1999/00", out var y) && y == 1999);
        Assert.False(SchoolTerm.TryParseAcademicYear("2023/25", out _));
    }

    [Fact]
    public void Default_term_dates_are_typical_of_English_schools()
    {
        var calendar = SchoolCalendar.England;
        Assert.Equal(new DateOnly(2024, 7, 19), calendar.End(new SchoolTerm(2023, TermName.Summer)));
        Assert.Equal(new DateOnly(2023, 12, 20), calendar.End(new SchoolTerm(2023, TermName.Autumn)));
        Assert.Equal(new DateOnly(2024, 3, 28), calendar.End(new SchoolTerm(2023, TermName.Spring)));
        Assert.Equal(new DateOnly(2023, 9, 4), calendar.Start(new SchoolTerm(2023, TermName.Autumn)));
        Assert.Equal(new SchoolTerm(2023, TermName.Autumn), calendar.TermContaining(new DateOnly(2023, 10, 2)));
        Assert.Equal(new SchoolTerm(2023, TermName.Spring), calendar.TermContaining(new DateOnly(2023, 12, 27)));
        Assert.Equal(new SchoolTerm(2022, TermName.Summer), calendar.LastEndedOnOrBefore(new DateOnly(2023, 10, 2)));
        Assert.Equal(new SchoolTerm(2023, TermName.Summer), calendar.LastEndedOnOrBefore(new DateOnly(2024, 7, 19)));
    }

    [Fact]
    public void A_council_can_replace_term_dates()
    {
        var summer = new SchoolTerm(2023, TermName.Summer);
        var calendar = new SchoolCalendar(new Dictionary<SchoolTerm, (DateOnly, DateOnly)> { [summer] = (new DateOnly(2024, 4, 15), new DateOnly(2024, 7, 23)) });
        Assert.Equal(new DateOnly(2024, 7, 23), calendar.End(summer));
        Assert.Equal(new DateOnly(2023, 12, 20), calendar.End(new SchoolTerm(2023, TermName.Autumn)));
    }

    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2038, "2038-04-25")]
    public void Easter_Sunday(int year, string expected) => Assert.Equal(DateOnly.Parse(expected), Easter.Sunday(year));
}
