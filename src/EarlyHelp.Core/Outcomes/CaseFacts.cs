using EarlyHelp.Core.Calendar;

namespace EarlyHelp.Core.Outcomes;

/// <summary>
/// The facts of a case file as they stood on its <c>asOf</c> date, indexed for the rules. Anything dated
/// after <c>asOf</c> is dropped here, once, so no rule can see it; a term's attendance counts once the
/// term has ended.
/// </summary>
public sealed class CaseFacts
{
    public CaseFacts(CaseFile file, SchoolCalendar calendar)
    {
        File = file;
        Calendar = calendar;
        AsOf = file.AsOf;
        Members = file.Members.ToDictionary(m => m.Id, StringComparer.Ordinal);
        Events = [.. file.Events.Where(e => e.Date <= AsOf).OrderBy(e => e.Date)];
        Attendance = file.Attendance
            .Where(a => calendar.End(a.Term) <= AsOf)
            .GroupBy(a => a.Member, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<AttendanceRecord>)[.. g.OrderBy(a => a.Term)], StringComparer.Ordinal);
        Evidence = file.Evidence
            .Select((e, i) => (Record: e, Order: i))
            .Where(e => e.Record.Date <= AsOf)
            .OrderBy(e => e.Record.Date).ThenBy(e => e.Order)
            .Select(e => e.Record)
            .ToList();
        Episode = AsSeenOn(file.Episode, AsOf);
    }

    public CaseFile File { get; }

    public SchoolCalendar Calendar { get; }

    public DateOnly AsOf { get; }

    public Episode Episode { get; }

    public IReadOnlyDictionary<string, Member> Members { get; }

    /// <summary>Events on or before <see cref="AsOf"/>, oldest first.</summary>
    public IReadOnlyList<CaseEvent> Events { get; }

    /// <summary>Each pupil's attendance for terms ended by <see cref="AsOf"/>, oldest term first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<AttendanceRecord>> Attendance { get; }

    /// <summary>Evidence recorded on or before <see cref="AsOf"/>, oldest first.</summary>
    public IReadOnlyList<EvidenceRecord> Evidence { get; }

    /// <summary>The episode as it stood on a date: a closure, assessment or plan dated later has not happened yet.</summary>
    private static Episode AsSeenOn(Episode episode, DateOnly asOf) => episode with
    {
        Opened = episode.Opened <= asOf ? episode.Opened : null,
        Closed = episode.Closed <= asOf ? episode.Closed : null,
        WholeFamilyAssessment = episode.WholeFamilyAssessment <= asOf ? episode.WholeFamilyAssessment : null,
        FamilyPlan = episode.FamilyPlan <= asOf ? episode.FamilyPlan : null,
    };
}
