using EarlyHelp.Core.Calendar;
using EarlyHelp.Core.Frameworks;

namespace EarlyHelp.Identification;

/// <summary>
/// The partner files of a folder (contracts/datasets.md) held as compact columns: people and households
/// indexed by number, and each other file's rows that a rule can look at, grouped by person (or household).
/// </summary>
public sealed class PartnerData
{
    internal int[] PersonFamily { get; init; } = [];

    internal int[] DateOfBirth { get; init; } = [];

    /// <summary>The day number a baby is due, or 0.</summary>
    internal int[] ExpectedBabyDue { get; init; } = [];

    /// <summary>The members of household f are <c>Members[MemberOffsets[f]..MemberOffsets[f+1]]</c>, in file order.</summary>
    internal int[] MemberOffsets { get; init; } = [0];

    internal int[] Members { get; init; } = [];

    internal Grouped<AttendanceRow> Attendance { get; set; } = Grouped<AttendanceRow>.Empty;

    internal Grouped<ExclusionRow> Exclusions { get; set; } = Grouped<ExclusionRow>.Empty;

    internal Grouped<PoliceRow> Police { get; set; } = Grouped<PoliceRow>.Empty;

    internal Grouped<BenefitRow> Benefits { get; set; } = Grouped<BenefitRow>.Empty;

    internal string[] BenefitNames { get; set; } = [];

    internal Grouped<NeetRow> Neet { get; set; } = Grouped<NeetRow>.Empty;

    internal Grouped<HousingRow> Housing { get; set; } = Grouped<HousingRow>.Empty;

    internal Grouped<SocialCareRow> SocialCare { get; set; } = Grouped<SocialCareRow>.Empty;

    internal Grouped<HealthRow> Health { get; set; } = Grouped<HealthRow>.Empty;

    /// <summary>The person ids of people.csv, numbered in file order.</summary>
    internal IdTable PersonTable { get; init; } = new();

    /// <summary>The household ids of people.csv, numbered in order of first sight.</summary>
    internal IdTable FamilyTable { get; init; } = new();

    public int People => PersonTable.Count;

    public int Households => FamilyTable.Count;
}

/// <summary>How far back each file is needed on the as-of date, so that rows no rule can see are checked but not kept.</summary>
internal sealed class Horizon
{
    public Horizon(IEnumerable<IdentificationRule> rules, DateOnly asOf, SchoolCalendar calendar)
    {
        AsOf = asOf.DayNumber;
        var leaves = rules.SelectMany(Leaves).ToList();
        Used = [.. leaves.SelectMany(l => l.Datasets), PartnerDataset.People];
        var lastTerm = calendar.LastEndedOnOrBefore(asOf);
        var terms = leaves.OfType<AttendanceIdentification>().Select(a => a.ConsecutiveTerms).DefaultIfEmpty(0).Max();
        AttendanceFromTerm = lastTerm.Ordinal - terms + 1;
        AttendanceToTerm = lastTerm.Ordinal;
        var exclusionTerms = leaves.OfType<ExclusionsIdentification>().Select(e => e.Terms).DefaultIfEmpty(1).Max();
        ExclusionsAfter = calendar.End(SchoolTerm.FromOrdinal(lastTerm.Ordinal - exclusionTerms)).DayNumber;
        PoliceAfter = MonthsBack(asOf, leaves.OfType<PoliceIdentification>().Select(p => (int?)p.Months));
        HealthAfter = MonthsBack(asOf, leaves.OfType<HealthIdentification>().Select(p => (int?)p.Months));
        NeetAfter = MonthsBack(asOf, leaves.OfType<NeetIdentification>().Select(p => p.WithinMonths));
        HousingAfter = MonthsBack(asOf, leaves.OfType<HousingIdentification>().Select(p => p.WithinMonths));
    }

    public int AsOf { get; }

    public HashSet<PartnerDataset> Used { get; }

    public int AttendanceFromTerm { get; }

    public int AttendanceToTerm { get; }

    /// <summary>Rows dated after this day number (and on or before the as-of date) are kept.</summary>
    public int ExclusionsAfter { get; }

    public int PoliceAfter { get; }

    public int HealthAfter { get; }

    public int NeetAfter { get; }

    public int HousingAfter { get; }

    public static IEnumerable<IdentificationRule> Leaves(IdentificationRule rule) => rule switch
    {
        AnyIdentification any => any.Rules.SelectMany(Leaves),
        AllIdentification all => all.Rules.SelectMany(Leaves),
        _ => [rule],
    };

    /// <summary>The day before the earliest window opens; a rule with no window (latest status) needs everything.</summary>
    private static int MonthsBack(DateOnly asOf, IEnumerable<int?> months)
    {
        var list = months.ToList();
        if (list.Count == 0)
        {
            return asOf.DayNumber;
        }

        return list.Any(m => m is null) ? int.MinValue : asOf.AddMonths(-list.Max(m => m!.Value)).DayNumber;
    }
}
