namespace EarlyHelp.Core.Calendar;

/// <summary>Monday to Friday, less bank holidays: the unit of the scorecard's timeliness measures.</summary>
public sealed class WorkingDays(BankHolidays holidays)
{
    public static WorkingDays EnglandAndWales { get; } = new(BankHolidays.EnglandAndWales);

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.IsBankHoliday(date);

    /// <summary>
    /// Working days elapsed from <paramref name="from"/> to <paramref name="to"/>: the working days after
    /// <paramref name="from"/> up to and including <paramref name="to"/>, so an enquiry allocated the next
    /// working day took 1 working day, and the same day 0. Negative when <paramref name="to"/> is earlier.
    /// </summary>
    public int Between(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -Between(to, from);
        }

        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The date <paramref name="days"/> working days after <paramref name="from"/> (before it when negative).</summary>
    public DateOnly Add(DateOnly from, int days)
    {
        var step = days >= 0 ? 1 : -1;
        var remaining = Math.Abs(days);
        var day = from;
        while (remaining > 0)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day))
            {
                remaining--;
            }
        }

        return day;
    }
}
