using EarlyHelp.Core.Outcomes.Rules;

namespace EarlyHelp.Core.Frameworks;

/// <summary>
/// How partner data shows a need (the framework file's <c>identification</c> block): which dataset, which
/// window, which threshold. The datasets are those of contracts/datasets.md; a need that no partner data can
/// show has no identification rule. The format is in docs/frameworks/format.md.
/// </summary>
public abstract record IdentificationRule
{
    /// <summary>The partner files this rule reads, for the summary and for skipping work no rule needs.</summary>
    public abstract IEnumerable<PartnerDataset> Datasets { get; }
}

/// <summary>The partner data files of contracts/datasets.md.</summary>
public enum PartnerDataset
{
    People,
    Attendance,
    Exclusions,
    Police,
    Benefits,
    Neet,
    Housing,
    SocialCare,
    Health,
}

/// <summary>Any one of the rules shows the need.</summary>
public sealed record AnyIdentification(IReadOnlyList<IdentificationRule> Rules) : IdentificationRule
{
    public override IEnumerable<PartnerDataset> Datasets => Rules.SelectMany(r => r.Datasets);
}

/// <summary>Every rule must show something in the household (not necessarily about the same person).</summary>
public sealed record AllIdentification(IReadOnlyList<IdentificationRule> Rules) : IdentificationRule
{
    public override IEnumerable<PartnerDataset> Datasets => Rules.SelectMany(r => r.Datasets);
}

public enum AgeBasis
{
    /// <summary>Age in whole years on the as-of date.</summary>
    AsOf,

    /// <summary>Age on the 31 August before the academic year the as-of date falls in: how schools place a child in a year group.</summary>
    SchoolYear,
}

/// <summary>The members a rule looks at, by age (both ends included).</summary>
public sealed record AgeRange(int From, int To, AgeBasis On)
{
    public string Describe() => (From, To) switch
    {
        (0, >= 150) => "anyone",
        (_, >= 150) => $"aged {From} or over",
        (0, _) => $"aged under {To + 1}",
        _ => $"aged {From} to {To}",
    } + (On == AgeBasis.SchoolYear ? " at the start of the school year" : "");
}

/// <summary>A person-level rule: a household shows it when any member in the age range does.</summary>
public abstract record PersonIdentification(AgeRange? Ages) : IdentificationRule;

/// <summary>attendance.csv: attendance over the most recent consecutive terms ended by the as-of date is below a threshold.</summary>
public sealed record AttendanceIdentification(decimal BelowPercent, int ConsecutiveTerms, AuthorisedAbsence AuthorisedAbsence, AgeRange? Ages)
    : PersonIdentification(Ages)
{
    public override IEnumerable<PartnerDataset> Datasets => [PartnerDataset.Attendance];
}

/// <summary>exclusions.csv: enough suspensions (or days lost) or a permanent exclusion in the most recent terms.</summary>
public sealed record ExclusionsIdentification(IReadOnlySet<ExclusionKind> Kinds, int Terms, int AtLeastCount, decimal? AtLeastDays, AgeRange? Ages)
    : PersonIdentification(Ages)
{
    public override IEnumerable<PartnerDataset> Datasets => [PartnerDataset.Exclusions];
}

/// <summary>police.csv: at least so many incidents of these types, in these roles, in the months up to the as-of date.</summary>
public sealed record PoliceIdentification(IReadOnlySet<PoliceType> Types, IReadOnlySet<PoliceRole> Roles, bool SevereOnly, int Months, int AtLeast, AgeRange? Ages)
    : PersonIdentification(Ages)
{
    public override IEnumerable<PartnerDataset> Datasets => [PartnerDataset.Police];
}

/// <summary>benefits.csv: a claim open on the as-of date (out of work, or one of the named benefits).</summary>
public sealed record BenefitsIdentification(bool OutOfWorkOnly, IReadOnlySet<string> Benefits, AgeRange? Ages)
    : PersonIdentification(Ages)
{
    public override IEnumerable<PartnerDataset> Datasets => [PartnerDataset.Benefits];
}

/// <summary>neet.csv: the person's latest recorded activity on or before the as-of date is one of these.</summary>
public sealed record NeetIdentification(IReadOnlySet<NeetStatus> Statuses, int? WithinMonths, AgeRange? Ages)
    : PersonIdentification(Ages)
{
    public override IEnumerable<PartnerDataset> Datasets => [PartnerDataset.Neet];
}

/// <summary>social_care.csv: an episode of one of these types open on the as-of date.</summary>
public sealed record SocialCareIdentification(IReadOnlySet<SocialCareType> Types, AgeRange? Ages)
    : PersonIdentification(Ages)
{
    public override IEnumerable<PartnerDataset> Datasets => [PartnerDataset.SocialCare];
}

/// <summary>health.csv: a concern with one of these flags in the months up to the as-of date.</summary>
public sealed record HealthIdentification(IReadOnlySet<HealthFlag> Flags, int Months, AgeRange? Ages)
    : PersonIdentification(Ages)
{
    public override IEnumerable<PartnerDataset> Datasets => [PartnerDataset.Health];
}

/// <summary>housing.csv: the household's latest housing event on or before the as-of date is one of these.</summary>
public sealed record HousingIdentification(IReadOnlySet<HousingStatus> Statuses, int? WithinMonths) : IdentificationRule
{
    public override IEnumerable<PartnerDataset> Datasets => [PartnerDataset.Housing];
}

/// <summary>people.csv: a member of the household is expecting a baby due on or after the as-of date.</summary>
public sealed record ExpectedBabyIdentification : IdentificationRule
{
    public override IEnumerable<PartnerDataset> Datasets => [PartnerDataset.People];
}

public enum ExclusionKind : byte
{
    Suspension,
    Permanent,
}

public enum PoliceType : byte
{
    Offence,
    Arrest,
    NamedSuspect,
    Asb,
    DomesticAbuse,
    Missing,
}

public enum PoliceRole : byte
{
    Subject,
    Victim,
    Perpetrator,
}

public enum NeetStatus : byte
{
    Neet,
    Eet,
    NotKnown,
}

public enum HousingStatus : byte
{
    TemporaryAccommodation,
    AtRiskOfLosingTa,
    EvictionNotice,
    HomelessnessApplication,
    Settled,
}

public enum SocialCareType : byte
{
    EarlyHelp,
    Cin,
    Cp,
    Cla,
}

public enum HealthFlag : byte
{
    AdultMentalHealth,
    ChildMentalHealth,
    AdultSubstance,
    ChildSubstance,
    PhysicalHealth,
    Developmental,
}

/// <summary>The words the partner files and the framework files use for each value (contracts/datasets.md).</summary>
public static class PartnerVocabulary
{
    public static readonly IReadOnlyDictionary<string, ExclusionKind> ExclusionKinds = new Dictionary<string, ExclusionKind>(StringComparer.Ordinal)
    {
        ["suspension"] = ExclusionKind.Suspension,
        ["permanent"] = ExclusionKind.Permanent,
    };

    public static readonly IReadOnlyDictionary<string, PoliceType> PoliceTypes = new Dictionary<string, PoliceType>(StringComparer.Ordinal)
    {
        ["offence"] = PoliceType.Offence,
        ["arrest"] = PoliceType.Arrest,
        ["named-suspect"] = PoliceType.NamedSuspect,
        ["asb"] = PoliceType.Asb,
        ["domestic-abuse"] = PoliceType.DomesticAbuse,
        ["missing"] = PoliceType.Missing,
    };

    public static readonly IReadOnlyDictionary<string, PoliceRole> PoliceRoles = new Dictionary<string, PoliceRole>(StringComparer.Ordinal)
    {
        ["subject"] = PoliceRole.Subject,
        ["victim"] = PoliceRole.Victim,
        ["perpetrator"] = PoliceRole.Perpetrator,
    };

    public static readonly IReadOnlyDictionary<string, NeetStatus> NeetStatuses = new Dictionary<string, NeetStatus>(StringComparer.Ordinal)
    {
        ["neet"] = NeetStatus.Neet,
        ["eet"] = NeetStatus.Eet,
        ["not-known"] = NeetStatus.NotKnown,
    };

    public static readonly IReadOnlyDictionary<string, HousingStatus> HousingStatuses = new Dictionary<string, HousingStatus>(StringComparer.Ordinal)
    {
        ["temporary-accommodation"] = HousingStatus.TemporaryAccommodation,
        ["at-risk-of-losing-ta"] = HousingStatus.AtRiskOfLosingTa,
        ["eviction-notice"] = HousingStatus.EvictionNotice,
        ["homelessness-application"] = HousingStatus.HomelessnessApplication,
        ["settled"] = HousingStatus.Settled,
    };

    public static readonly IReadOnlyDictionary<string, SocialCareType> SocialCareTypes = new Dictionary<string, SocialCareType>(StringComparer.Ordinal)
    {
        ["early-help"] = SocialCareType.EarlyHelp,
        ["cin"] = SocialCareType.Cin,
        ["cp"] = SocialCareType.Cp,
        ["cla"] = SocialCareType.Cla,
    };

    public static readonly IReadOnlyDictionary<string, HealthFlag> HealthFlags = new Dictionary<string, HealthFlag>(StringComparer.Ordinal)
    {
        ["adult-mental-health"] = HealthFlag.AdultMentalHealth,
        ["child-mental-health"] = HealthFlag.ChildMentalHealth,
        ["adult-substance"] = HealthFlag.AdultSubstance,
        ["child-substance"] = HealthFlag.ChildSubstance,
        ["physical-health"] = HealthFlag.PhysicalHealth,
        ["developmental"] = HealthFlag.Developmental,
    };

    /// <summary>The file each dataset is read from.</summary>
    public static string FileName(PartnerDataset dataset) => dataset switch
    {
        PartnerDataset.People => "people.csv",
        PartnerDataset.Attendance => "attendance.csv",
        PartnerDataset.Exclusions => "exclusions.csv",
        PartnerDataset.Police => "police.csv",
        PartnerDataset.Benefits => "benefits.csv",
        PartnerDataset.Neet => "neet.csv",
        PartnerDataset.Housing => "housing.csv",
        PartnerDataset.SocialCare => "social_care.csv",
        _ => "health.csv",
    };

    /// <summary>The word a file uses for a value, for reasons and messages.</summary>
    public static string Word<T>(IReadOnlyDictionary<string, T> vocabulary, T value)
        where T : struct, Enum
    {
        foreach (var (word, v) in vocabulary)
        {
            if (EqualityComparer<T>.Default.Equals(v, value))
            {
                return word;
            }
        }

        return value.ToString();
    }
}
