using System.Globalization;
using System.Text;
using EarlyHelp.Core.Calendar;
using EarlyHelp.Core.Frameworks;
using EarlyHelp.Core.Outcomes.Rules;

namespace EarlyHelp.Identification;

/// <summary>What the checks share for one run: the data, the as-of date and each person's age.</summary>
internal sealed class RunContext
{
    public RunContext(PartnerData data, DateOnly asOf)
    {
        Data = data;
        AsOf = asOf.DayNumber;
        AsOfText = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var schoolYearStart = new DateOnly(asOf.Month >= 9 ? asOf.Year : asOf.Year - 1, 8, 31);
        Age = new short[data.People];
        SchoolYearAge = new short[data.People];
        Parallel.For(0, (data.People + 65535) / 65536, chunk =>
        {
            var end = Math.Min(data.People, (chunk + 1) * 65536);
            for (var p = chunk * 65536; p < end; p++)
            {
                var born = DateOnly.FromDayNumber(data.DateOfBirth[p]);
                Age[p] = YearsOld(born, asOf);
                SchoolYearAge[p] = YearsOld(born, schoolYearStart);
            }
        });
    }

    public PartnerData Data { get; }

    public int AsOf { get; }

    public string AsOfText { get; }

    /// <summary>Age in whole years on the as-of date; -1 for someone not yet born.</summary>
    public short[] Age { get; }

    /// <summary>Age on the 31 August before the academic year of the as-of date.</summary>
    public short[] SchoolYearAge { get; }

    public bool InRange(int person, AgeRange? ages)
    {
        if (Age[person] < 0)
        {
            return false;
        }

        if (ages is null)
        {
            return true;
        }

        var age = ages.On == AgeBasis.SchoolYear ? SchoolYearAge[person] : Age[person];
        return age >= ages.From && age <= ages.To;
    }

    public void Person(StringBuilder reasons, int person) =>
        reasons.Append(Data.PersonTable[person]).Append(" (aged ").Append(Age[person]).Append(')');

    /// <summary>A day number as YYYY-MM-DD, written digit by digit: a format string is parsed on every call, and reasons hold hundreds of thousands of dates.</summary>
    public static string Date(int day)
    {
        DateOnly.FromDayNumber(day).Deconstruct(out var year, out var month, out var dayOfMonth);
        return string.Create(10, (year, month, dayOfMonth), static (text, date) =>
        {
            date.year.TryFormat(text[..4], out _, "D4", CultureInfo.InvariantCulture);
            text[4] = '-';
            text[5] = (char)('0' + (date.month / 10));
            text[6] = (char)('0' + (date.month % 10));
            text[7] = '-';
            text[8] = (char)('0' + (date.dayOfMonth / 10));
            text[9] = (char)('0' + (date.dayOfMonth % 10));
        });
    }

    private static short YearsOld(DateOnly born, DateOnly on)
    {
        if (born > on)
        {
            return -1;
        }

        // One Deconstruct each rather than Year, Month and Day apart: each works the date out from its day number.
        born.Deconstruct(out var year, out var month, out var day);
        on.Deconstruct(out var onYear, out var onMonth, out var onDay);
        var years = onYear - year;
        if (onMonth < month || (onMonth == month && onDay < day))
        {
            years--;
        }

        return (short)years;
    }
}

/// <summary>
/// A compiled identification rule. <see cref="Shows"/> answers for one household; given a builder, it also says
/// in plain English, with figures, what in which file showed it.
/// </summary>
internal abstract class Check
{
    public abstract bool Shows(RunContext run, int family, StringBuilder? reasons);

    public static Check Compile(IdentificationRule rule, DateOnly asOf, SchoolCalendar calendar) => rule switch
    {
        AnyIdentification any => new AnyCheck([.. any.Rules.Select(r => Compile(r, asOf, calendar))]),
        AllIdentification all => new AllCheck([.. all.Rules.Select(r => Compile(r, asOf, calendar))]),
        AttendanceIdentification a => new AttendanceCheck(a, asOf, calendar),
        ExclusionsIdentification e => new ExclusionsCheck(e, asOf, calendar),
        PoliceIdentification p => new PoliceCheck(p, asOf),
        BenefitsIdentification b => new BenefitsCheck(b),
        NeetIdentification n => new NeetCheck(n, asOf),
        SocialCareIdentification s => new SocialCareCheck(s),
        HealthIdentification h => new HealthCheck(h, asOf),
        HousingIdentification h => new HousingCheck(h, asOf),
        ExpectedBabyIdentification => new ExpectedBabyCheck(),
        _ => throw new ArgumentException($"No check for {rule.GetType().Name}", nameof(rule)),
    };

    protected static ReadOnlySpan<int> Members(RunContext run, int family) =>
        run.Data.Members.AsSpan(run.Data.MemberOffsets[family], run.Data.MemberOffsets[family + 1] - run.Data.MemberOffsets[family]);

    /// <summary>Separates one person's reason from the last within a need.</summary>
    protected static void Next(StringBuilder reasons, int before)
    {
        if (reasons.Length > before)
        {
            reasons.Append("; ");
        }
    }

    /// <summary>The latest status dated after <paramref name="after"/>; of two on the same day, the later line of the file.</summary>
    protected static bool Latest<TRow, TStatus>(ReadOnlySpan<TRow> rows, int after, out int day, out TStatus status)
        where TRow : struct, IDatedStatus<TStatus>
    {
        day = int.MinValue;
        status = default!;
        foreach (ref readonly var row in rows)
        {
            if (row.Day > after && row.Day >= day)
            {
                day = row.Day;
                status = row.Status;
            }
        }

        return day != int.MinValue;
    }

    /// <summary>
    /// The words for every set of an enum's values, indexed by the set as a bit mask (bit n for the value n) and
    /// joined in the enum's order: made once, as a reason may name a set for each of thousands of people.
    /// </summary>
    protected static string[] WordsBySet<T>(IReadOnlyDictionary<string, T> vocabulary, string separator)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var sets = 1 << (values.Max(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)) + 1);
        return [.. Enumerable.Range(0, sets).Select(set => string.Join(
            separator,
            values.Where(v => ((set >> Convert.ToInt32(v, CultureInfo.InvariantCulture)) & 1) != 0).Select(v => PartnerVocabulary.Word(vocabulary, v))))];
    }
}

/// <summary>Person-level checks: the household shows the need when any member in the age range does.</summary>
internal abstract class PersonCheck(AgeRange? ages) : Check
{
    public override bool Shows(RunContext run, int family, StringBuilder? reasons)
    {
        var shown = false;
        var start = reasons?.Length ?? 0;
        foreach (var person in Members(run, family))
        {
            if (!run.InRange(person, ages))
            {
                continue;
            }

            if (reasons is null)
            {
                if (ShowsFor(run, person, null))
                {
                    return true;
                }

                continue;
            }

            var before = reasons.Length;
            Next(reasons, start);
            if (ShowsFor(run, person, reasons))
            {
                shown = true;
            }
            else
            {
                reasons.Length = before;
            }
        }

        return shown;
    }

    protected abstract bool ShowsFor(RunContext run, int person, StringBuilder? reasons);
}

internal sealed class AnyCheck(Check[] checks) : Check
{
    public override bool Shows(RunContext run, int family, StringBuilder? reasons)
    {
        var shown = false;
        var start = reasons?.Length ?? 0;
        foreach (var check in checks)
        {
            if (reasons is null)
            {
                if (check.Shows(run, family, null))
                {
                    return true;
                }

                continue;
            }

            var before = reasons.Length;
            Next(reasons, start);
            if (check.Shows(run, family, reasons))
            {
                shown = true;
            }
            else
            {
                reasons.Length = before;
            }
        }

        return shown;
    }
}

internal sealed class AllCheck(Check[] checks) : Check
{
    public override bool Shows(RunContext run, int family, StringBuilder? reasons)
    {
        var start = reasons?.Length ?? 0;
        for (var i = 0; i < checks.Length; i++)
        {
            if (i > 0)
            {
                reasons?.Append(", and ");
            }

            if (!checks[i].Shows(run, family, reasons))
            {
                if (reasons is not null)
                {
                    reasons.Length = start;
                }

                return false;
            }
        }

        return true;
    }
}

/// <summary>Attendance pooled over the most recent consecutive terms ended by the as-of date; each must have a record.</summary>
internal sealed class AttendanceCheck : PersonCheck
{
    private readonly AttendanceIdentification rule;
    private readonly int first;
    private readonly int last;
    private readonly string termsText;

    public AttendanceCheck(AttendanceIdentification rule, DateOnly asOf, SchoolCalendar calendar)
        : base(rule.Ages)
    {
        this.rule = rule;
        var lastTerm = calendar.LastEndedOnOrBefore(asOf);
        last = lastTerm.Ordinal;
        first = last - rule.ConsecutiveTerms + 1;
        termsText = SchoolTerm.Describe(SchoolTerm.RunEndingWith(lastTerm, rule.ConsecutiveTerms));
    }

    protected override bool ShowsFor(RunContext run, int person, StringBuilder? reasons)
    {
        long possible = 0, attended = 0, authorised = 0;
        var seen = 0;
        foreach (ref readonly var row in run.Data.Attendance.Of(person))
        {
            if (row.Term < first || row.Term > last)
            {
                continue;
            }

            seen |= 1 << (row.Term - first);
            possible += row.Possible;
            attended += row.Attended;
            authorised += row.Authorised;
        }

        if (seen != (1 << rule.ConsecutiveTerms) - 1)
        {
            return false; // not a record for every one of the terms: attendance over them cannot be judged
        }

        var sessions = rule.AuthorisedAbsence == AuthorisedAbsence.Excluded ? possible - authorised : possible;
        if (sessions <= 0 || attended * 100m >= rule.BelowPercent * sessions)
        {
            return false;
        }

        if (reasons is not null)
        {
            run.Person(reasons, person);
            reasons.Append(" attended ").Append((attended * 100m / sessions).ToString("0.0", CultureInfo.InvariantCulture))
                .Append("% of ").Append(sessions).Append(rule.AuthorisedAbsence == AuthorisedAbsence.Excluded ? " sessions (authorised absence left out)" : " possible sessions")
                .Append(" in ").Append(termsText).Append(", below ").Append(rule.BelowPercent.ToString(CultureInfo.InvariantCulture)).Append("% (attendance.csv)");
        }

        return true;
    }
}

/// <summary>Suspensions or permanent exclusions dated from the start of the most recent terms ended by the as-of date up to it.</summary>
internal sealed class ExclusionsCheck : PersonCheck
{
    private readonly ExclusionsIdentification rule;
    private readonly int after;
    private readonly int asOf;
    private readonly string window;

    public ExclusionsCheck(ExclusionsIdentification rule, DateOnly asOf, SchoolCalendar calendar)
        : base(rule.Ages)
    {
        this.rule = rule;
        var lastTerm = calendar.LastEndedOnOrBefore(asOf);
        var firstTerm = SchoolTerm.FromOrdinal(lastTerm.Ordinal - rule.Terms + 1);
        after = calendar.End(firstTerm.Previous).DayNumber;
        this.asOf = asOf.DayNumber;
        window = $"from the start of {firstTerm} to {asOf:yyyy-MM-dd} (the last {rule.Terms} {(rule.Terms == 1 ? "term" : "terms")} and since)";
    }

    protected override bool ShowsFor(RunContext run, int person, StringBuilder? reasons)
    {
        var count = 0;
        var days = 0d;
        var latest = 0;
        var permanent = false;
        foreach (ref readonly var row in run.Data.Exclusions.Of(person))
        {
            if (row.Day <= after || row.Day > asOf || !rule.Kinds.Contains(row.Kind))
            {
                continue;
            }

            count++;
            days += row.Days;
            latest = Math.Max(latest, row.Day);
            permanent |= row.Kind == ExclusionKind.Permanent;
        }

        if (count < rule.AtLeastCount || (rule.AtLeastDays is { } least && days < (double)least) || count == 0)
        {
            return false;
        }

        if (reasons is not null)
        {
            run.Person(reasons, person);
            var kinds = rule.Kinds.Count == 1 && rule.Kinds.Contains(ExclusionKind.Permanent) ? (count == 1 ? "permanent exclusion" : "permanent exclusions")
                : rule.Kinds.Count == 1 ? (count == 1 ? "suspension" : "suspensions")
                : (count == 1 ? "suspension or exclusion" : "suspensions or exclusions");
            reasons.Append(" had ").Append(count).Append(' ').Append(kinds);
            if (days > 0)
            {
                reasons.Append(" (").Append(days.ToString("0.#", CultureInfo.InvariantCulture)).Append(days == 1 ? " day lost)" : " days lost)");
            }

            if (permanent && rule.Kinds.Count > 1)
            {
                reasons.Append(", including a permanent exclusion,");
            }

            reasons.Append(' ').Append(window).Append(", the latest on ").Append(RunContext.Date(latest)).Append(" (exclusions.csv)");
        }

        return true;
    }
}

/// <summary>Police incidents of the given types and roles in the months up to the as-of date.</summary>
internal sealed class PoliceCheck : PersonCheck
{
    private static readonly string[] TypeWords = WordsBySet(PartnerVocabulary.PoliceTypes, ", ");
    private static readonly string[] RoleWords = WordsBySet(PartnerVocabulary.PoliceRoles, " or ");

    private readonly PoliceIdentification rule;
    private readonly int after;
    private readonly int asOf;
    private readonly int typeMask;
    private readonly int roleMask;

    public PoliceCheck(PoliceIdentification rule, DateOnly asOf)
        : base(rule.Ages)
    {
        this.rule = rule;
        after = asOf.AddMonths(-rule.Months).DayNumber;
        this.asOf = asOf.DayNumber;
        typeMask = rule.Types.Aggregate(0, (m, t) => m | (1 << (int)t));
        roleMask = rule.Roles.Aggregate(0, (m, r) => m | (1 << (int)r));
    }

    protected override bool ShowsFor(RunContext run, int person, StringBuilder? reasons)
    {
        var count = 0;
        var types = 0;
        var roles = 0;
        var latest = 0;
        foreach (ref readonly var row in run.Data.Police.Of(person))
        {
            if (row.Day <= after || row.Day > asOf || ((typeMask >> (int)row.Type) & 1) == 0 || ((roleMask >> (int)row.Role) & 1) == 0 || (rule.SevereOnly && !row.Severe))
            {
                continue;
            }

            count++;
            types |= 1 << (int)row.Type;
            roles |= 1 << (int)row.Role;
            latest = Math.Max(latest, row.Day);
        }

        if (count < rule.AtLeast)
        {
            return false;
        }

        if (reasons is not null)
        {
            run.Person(reasons, person);
            reasons.Append(" was in ").Append(count).Append(rule.SevereOnly ? " severe" : "").Append(count == 1 ? " police incident (" : " police incidents (")
                .Append(TypeWords[types]).Append(") as ").Append(RoleWords[roles])
                .Append(" in the ").Append(rule.Months).Append(" months to ").Append(run.AsOfText)
                .Append(", the latest on ").Append(RunContext.Date(latest)).Append(" (police.csv)");
        }

        return true;
    }
}

/// <summary>A benefit claim open on the as-of date (the reader keeps only those).</summary>
internal sealed class BenefitsCheck(BenefitsIdentification rule) : PersonCheck(rule.Ages)
{
    protected override bool ShowsFor(RunContext run, int person, StringBuilder? reasons)
    {
        foreach (ref readonly var row in run.Data.Benefits.Of(person))
        {
            if ((rule.OutOfWorkOnly && row.OutOfWork) || (rule.Benefits.Count > 0 && rule.Benefits.Contains(run.Data.BenefitNames[row.Benefit])))
            {
                if (reasons is not null)
                {
                    run.Person(reasons, person);
                    reasons.Append(" has an open ").Append(row.OutOfWork ? "out-of-work " : "").Append("claim (").Append(run.Data.BenefitNames[row.Benefit])
                        .Append(") since ").Append(RunContext.Date(row.Start)).Append(" (benefits.csv)");
                }

                return true;
            }
        }

        return false;
    }
}

/// <summary>The latest NEET record on or before the as-of date; on the same day the later line stands.</summary>
internal sealed class NeetCheck(NeetIdentification rule, DateOnly asOf) : PersonCheck(rule.Ages)
{
    private readonly int after = rule.WithinMonths is { } m ? asOf.AddMonths(-m).DayNumber : int.MinValue;

    protected override bool ShowsFor(RunContext run, int person, StringBuilder? reasons)
    {
        if (!Latest<NeetRow, NeetStatus>(run.Data.Neet.Of(person), after, out var latest, out var status) || !rule.Statuses.Contains(status))
        {
            return false;
        }

        if (reasons is not null)
        {
            run.Person(reasons, person);
            reasons.Append(" was last recorded ").Append(PartnerVocabulary.Word(PartnerVocabulary.NeetStatuses, status))
                .Append(" on ").Append(RunContext.Date(latest)).Append(" (neet.csv)");
        }

        return true;
    }
}

/// <summary>An episode of the given types open on the as-of date (the reader keeps only those).</summary>
internal sealed class SocialCareCheck(SocialCareIdentification rule) : PersonCheck(rule.Ages)
{
    protected override bool ShowsFor(RunContext run, int person, StringBuilder? reasons)
    {
        foreach (ref readonly var row in run.Data.SocialCare.Of(person))
        {
            if (rule.Types.Contains(row.Type))
            {
                if (reasons is not null)
                {
                    run.Person(reasons, person);
                    reasons.Append(" has an open ").Append(PartnerVocabulary.Word(PartnerVocabulary.SocialCareTypes, row.Type))
                        .Append(" episode since ").Append(RunContext.Date(row.Start)).Append(" (social_care.csv)");
                }

                return true;
            }
        }

        return false;
    }
}

/// <summary>A health concern with one of the flags shared in the months up to the as-of date.</summary>
internal sealed class HealthCheck(HealthIdentification rule, DateOnly asOf) : PersonCheck(rule.Ages)
{
    private readonly int after = asOf.AddMonths(-rule.Months).DayNumber;
    private readonly int flagMask = rule.Flags.Aggregate(0, (m, f) => m | (1 << (int)f));

    protected override bool ShowsFor(RunContext run, int person, StringBuilder? reasons)
    {
        var count = 0;
        var latest = 0;
        var flag = HealthFlag.PhysicalHealth;
        foreach (ref readonly var row in run.Data.Health.Of(person))
        {
            if (row.Day > after && ((flagMask >> (int)row.Flag) & 1) != 0)
            {
                count++;
                if (row.Day >= latest)
                {
                    latest = row.Day;
                    flag = row.Flag;
                }
            }
        }

        if (count == 0)
        {
            return false;
        }

        if (reasons is not null)
        {
            run.Person(reasons, person);
            reasons.Append(": ").Append(PartnerVocabulary.Word(PartnerVocabulary.HealthFlags, flag)).Append(" shared on ").Append(RunContext.Date(latest));
            if (count > 1)
            {
                reasons.Append(" (").Append(count).Append(" concerns in the ").Append(rule.Months).Append(" months)");
            }

            reasons.Append(" (health.csv)");
        }

        return true;
    }
}

/// <summary>The household's latest housing event on or before the as-of date; on the same day the later line stands.</summary>
internal sealed class HousingCheck(HousingIdentification rule, DateOnly asOf) : Check
{
    private readonly int after = rule.WithinMonths is { } m ? asOf.AddMonths(-m).DayNumber : int.MinValue;

    public override bool Shows(RunContext run, int family, StringBuilder? reasons)
    {
        if (!Latest<HousingRow, HousingStatus>(run.Data.Housing.Of(family), after, out var latest, out var status) || !rule.Statuses.Contains(status))
        {
            return false;
        }

        reasons?.Append("the household's latest housing record is ").Append(PartnerVocabulary.Word(PartnerVocabulary.HousingStatuses, status))
            .Append(" on ").Append(RunContext.Date(latest)).Append(" (housing.csv)");
        return true;
    }
}

/// <summary>A member expecting a baby due on or after the as-of date.</summary>
internal sealed class ExpectedBabyCheck : Check
{
    public override bool Shows(RunContext run, int family, StringBuilder? reasons)
    {
        foreach (var person in Members(run, family))
        {
            var due = run.Data.ExpectedBabyDue[person];
            if (due >= run.AsOf && run.Age[person] >= 0)
            {
                reasons?.Append(run.Data.PersonTable[person]).Append(" is expecting a baby due ").Append(RunContext.Date(due)).Append(" (people.csv)");
                return true;
            }
        }

        return false;
    }
}
