using EarlyHelp.Core.Calendar;
using EarlyHelp.Core.Casework;
using EarlyHelp.Core.Outcomes;

namespace EarlyHelp.Core.PartnerData;

/// <summary>
/// A fact from imported partner data recorded as evidence on a closed episode (a police incident, a term's attendance
/// after closure), which the case file hands the outcomes engine as an event or attendance record, so the rules that
/// judge sustainment (no police reports in the six months after closure, attendance above a threshold) see it.
/// </summary>
public sealed class PartnerDataFact
{
    public const string Police = "police";

    public const string AttendanceDataset = "attendance";

    /// <summary>police or attendance.</summary>
    public required string Dataset { get; set; }

    public required string PersonId { get; set; }

    /// <summary>For an incident, its event type as the case file names it (arrest, asb, domestic-abuse-incident ...).</summary>
    public string? EventType { get; set; }

    public bool Severe { get; set; }

    /// <summary>For attendance, the term (<see cref="SchoolTerm.Ordinal"/>) and its sessions.</summary>
    public int? Term { get; set; }

    public int? PossibleSessions { get; set; }

    public int? AttendedSessions { get; set; }

    public int? AuthorisedAbsence { get; set; }

    public int? UnauthorisedAbsence { get; set; }

    /// <summary>The import that brought it.</summary>
    public Guid ImportId { get; set; }

    /// <summary>The incidents among the evidence, each once, for members the case file names.</summary>
    public static IReadOnlyList<CaseEvent> Events(IEnumerable<EvidenceEntry> evidence, Func<Guid?, string?> member) =>
    [
        .. evidence
            .Where(e => e.FromPartnerData is { Dataset: Police, EventType: { } type } && CaseVocabulary.EventTypes.ContainsKey(type) && member(e.MemberId) is not null)
            .Select(e => new CaseEvent(CaseVocabulary.EventTypes[e.FromPartnerData!.EventType!], member(e.MemberId), e.RecordedOn, e.FromPartnerData.Severe))
            .Distinct()
            .OrderBy(e => e.Date),
    ];

    /// <summary>The terms' attendance among the evidence, each term once, for members the case file names.</summary>
    public static IReadOnlyList<AttendanceRecord> Attendance(IEnumerable<EvidenceEntry> evidence, Func<Guid?, string?> member) =>
    [
        .. evidence
            .Where(e => e.FromPartnerData is { Dataset: AttendanceDataset, Term: not null } && member(e.MemberId) is not null)
            .Select(e => new AttendanceRecord(
                member(e.MemberId)!,
                SchoolTerm.FromOrdinal(e.FromPartnerData!.Term!.Value),
                e.FromPartnerData.PossibleSessions ?? 0,
                e.FromPartnerData.AttendedSessions ?? 0,
                e.FromPartnerData.AuthorisedAbsence ?? 0,
                e.FromPartnerData.UnauthorisedAbsence ?? 0))
            .Distinct()
            .OrderBy(a => a.Term),
    ];
}
