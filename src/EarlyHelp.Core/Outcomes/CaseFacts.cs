using EarlyHelp.Core.Calendar;

namespace EarlyHelp.Core.Outcomes;

/// <summary>
/// The facts of a case file as they stood on its <c>asOf</c> date, indexed for the rules. Anything dated
/// after <c>asOf</c> is dropped here, once, so no rule can see it; a term's attendance counts once the
/// term has ended.
/// </summary>
/// <remarks>
/// Built once per case file, so written with plain loops: every sort is stable (records with equal keys keep
/// the case file's order) and a family's attendance is grouped by member in order of first appearance.
/// </remarks>
public sealed class CaseFacts
{
    public CaseFacts(CaseFile file, SchoolCalendar calendar)
    {
        File = file;
        Calendar = calendar;
        AsOf = file.AsOf;

        var members = new Dictionary<string, Member>(file.Members.Count, StringComparer.Ordinal);
        foreach (var m in file.Members)
        {
            members.Add(m.Id, m);
        }

        Members = members;
        var events = new List<CaseEvent>(file.Events.Count);
        foreach (var e in file.Events)
        {
            if (e.Date <= AsOf)
            {
                events.Add(e);
            }
        }

        var evidence = new List<EvidenceRecord>(file.Evidence.Count);
        foreach (var e in file.Evidence)
        {
            if (e.Date <= AsOf)
            {
                evidence.Add(e);
            }
        }

        Events = SortedBy([.. events], e => e.Date);
        Attendance = ByMember(file.Attendance, calendar, AsOf);
        Evidence = SortedBy([.. evidence], e => e.Date);
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

    /// <summary>Pupils' rows for ended terms, grouped in order of each pupil's first row, each pupil's sorted by term.</summary>
    private static Dictionary<string, IReadOnlyList<AttendanceRecord>> ByMember(IReadOnlyList<AttendanceRecord> rows, SchoolCalendar calendar, DateOnly asOf)
    {
        // The rows share a few terms: work out once whether each has ended.
        var ended = new List<(SchoolTerm Term, bool Ended)>();
        var groups = new List<(string Member, List<AttendanceRecord> Rows)>();
        foreach (var row in rows)
        {
            if (!HasEnded(row.Term))
            {
                continue;
            }

            var group = groups.Count - 1;
            while (group >= 0 && groups[group].Member != row.Member)
            {
                group--;
            }

            if (group < 0)
            {
                groups.Add((row.Member, [row]));
            }
            else
            {
                groups[group].Rows.Add(row);
            }
        }

        var byMember = new Dictionary<string, IReadOnlyList<AttendanceRecord>>(groups.Count, StringComparer.Ordinal);
        foreach (var (member, memberRows) in groups)
        {
            byMember.Add(member, SortedBy([.. memberRows], r => r.Term));
        }

        return byMember;

        bool HasEnded(SchoolTerm term)
        {
            foreach (var (t, e) in ended)
            {
                if (t == term)
                {
                    return e;
                }
            }

            var hasEnded = calendar.End(term) <= asOf;
            ended.Add((term, hasEnded));
            return hasEnded;
        }
    }

    /// <summary>Sorts in place, stably, and returns the array: an insertion sort, as the lists are short and usually in order already.</summary>
    private static T[] SortedBy<T, TKey>(T[] items, Func<T, TKey> key)
        where TKey : IComparable<TKey>
    {
        if (items.Length > 64)
        {
            // A long list: LINQ's sort is stable too.
            return [.. items.OrderBy(key)];
        }

        for (var i = 1; i < items.Length; i++)
        {
            var item = items[i];
            var k = key(item);
            var j = i - 1;
            while (j >= 0 && key(items[j]).CompareTo(k) > 0)
            {
                items[j + 1] = items[j];
                j--;
            }

            items[j + 1] = item;
        }

        return items;
    }
}
