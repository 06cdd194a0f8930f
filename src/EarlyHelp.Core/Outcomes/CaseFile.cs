using EarlyHelp.Core.Calendar;

namespace EarlyHelp.Core.Outcomes;

/// <summary>A family's case file as <c>earlyhelp evaluate</c> reads it (see contracts/evaluate.md).</summary>
public sealed record CaseFile(
    string Framework,
    DateOnly AsOf,
    string FamilyId,
    IReadOnlyList<Member> Members,
    Episode Episode,
    IReadOnlyList<NeedRecord> Needs,
    IReadOnlyList<AttendanceRecord> Attendance,
    IReadOnlyList<CaseEvent> Events,
    IReadOnlyList<EvidenceRecord> Evidence);

public sealed record Member(string Id, DateOnly? DateOfBirth)
{
    public int? AgeOn(DateOnly date)
    {
        if (DateOfBirth is not { } born)
        {
            return null;
        }

        var age = date.Year - born.Year;
        return born.AddYears(age) > date ? age - 1 : age;
    }
}

public sealed record Episode(
    DateOnly? Opened,
    DateOnly? Closed,
    string? LeadPractitioner,
    DateOnly? WholeFamilyAssessment,
    DateOnly? FamilyPlan,
    bool SupportReceived)
{
    public static Episode None { get; } = new(null, null, null, null, null, false);
}

public sealed record NeedRecord(string Code, string? Member, DateOnly? Identified);

public sealed record AttendanceRecord(
    string Member,
    SchoolTerm Term,
    int PossibleSessions,
    int AttendedSessions,
    int AuthorisedAbsence,
    int UnauthorisedAbsence);

public enum EventType
{
    Offence,
    Arrest,
    NamedSuspect,
    Asb,
    DomesticAbuseIncident,
    MissingEpisode,
    Suspension,
    PermanentExclusion,
    Referral,
    TenancySustained,
    EvictionNotice,
    EmploymentStart,
    EmploymentEnd,
    Neet,
    Eet,
}

/// <param name="Days">School days lost, for a suspension.</param>
/// <param name="Benefit">For an employment start, the out-of-work benefit left (for example "jsa"), where known.</param>
public sealed record CaseEvent(
    EventType Type,
    string? Member,
    DateOnly Date,
    bool Severe = false,
    string? Headline = null,
    string? Need = null,
    decimal? Days = null,
    string? Benefit = null);

public enum EvidenceKind
{
    Data,
    ValidatedMeasure,
    PractitionerAssessment,
    SelfAssessment,
    Supplementary,
}

public sealed record EvidenceRecord(
    string Need,
    string? Member,
    DateOnly Date,
    EvidenceKind Kind,
    bool? OutcomeAchieved,
    string? Instrument = null,
    decimal? Before = null,
    decimal? After = null,
    string? Note = null);

public static class CaseVocabulary
{
    public static readonly IReadOnlyDictionary<string, EventType> EventTypes = new Dictionary<string, EventType>
    {
        ["offence"] = EventType.Offence,
        ["arrest"] = EventType.Arrest,
        ["named-suspect"] = EventType.NamedSuspect,
        ["asb"] = EventType.Asb,
        ["domestic-abuse-incident"] = EventType.DomesticAbuseIncident,
        ["missing-episode"] = EventType.MissingEpisode,
        ["suspension"] = EventType.Suspension,
        ["permanent-exclusion"] = EventType.PermanentExclusion,
        ["referral"] = EventType.Referral,
        ["tenancy-sustained"] = EventType.TenancySustained,
        ["eviction-notice"] = EventType.EvictionNotice,
        ["employment-start"] = EventType.EmploymentStart,
        ["employment-end"] = EventType.EmploymentEnd,
        ["neet"] = EventType.Neet,
        ["eet"] = EventType.Eet,
    };

    public static readonly IReadOnlyDictionary<string, EvidenceKind> EvidenceKinds = new Dictionary<string, EvidenceKind>
    {
        ["data"] = EvidenceKind.Data,
        ["validated-measure"] = EvidenceKind.ValidatedMeasure,
        ["practitioner-assessment"] = EvidenceKind.PractitionerAssessment,
        ["self-assessment"] = EvidenceKind.SelfAssessment,
        ["supplementary"] = EvidenceKind.Supplementary,
    };

    public static string Name(EventType type) => EventTypes.First(p => p.Value == type).Key;

    public static string Name(EvidenceKind kind) => EvidenceKinds.First(p => p.Value == kind).Key;
}
