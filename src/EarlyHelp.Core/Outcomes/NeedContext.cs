using EarlyHelp.Core.Calendar;
using EarlyHelp.Core.Frameworks;
using EarlyHelp.Core.Outcomes.Measures;

namespace EarlyHelp.Core.Outcomes;

/// <summary>One need of one case file, with everything its rules may look at.</summary>
public sealed class NeedContext(CaseFacts facts, NeedRecord need, NeedDefinition definition, Framework framework, InstrumentCatalog instruments)
{
    public CaseFacts Facts => facts;

    public NeedRecord Need => need;

    public NeedDefinition Definition => definition;

    public Framework Framework => framework;

    public InstrumentCatalog Instruments => instruments;

    public SchoolCalendar Calendar => facts.Calendar;

    public DateOnly AsOf => facts.AsOf;

    public DateOnly? Closed => facts.Episode.Closed;

    /// <summary>When the need was identified; the episode's opening, then the evaluation date, stand in when it was not recorded.</summary>
    public DateOnly Identified => need.Identified ?? facts.Episode.Opened ?? facts.AsOf;

    public DateOnly? AnchorDate(Anchor anchor) => anchor switch
    {
        Anchor.Identified => Identified,
        Anchor.Opened => facts.Episode.Opened,
        Anchor.Closed => Closed,
        _ => AsOf,
    };

    /// <summary>
    /// The members a person-by-person rule looks at: the need's member, or else every member whose age on
    /// identification fits what the need is about (members of unknown age are always included).
    /// </summary>
    public IReadOnlyList<string> People()
    {
        if (need.Member is { } member)
        {
            return [member];
        }

        return [.. facts.File.Members.Where(m => Fits(m)).Select(m => m.Id)];
    }

    /// <summary>The people a rule of the given scope looks at, one by one; the household as a whole is null.</summary>
    public IReadOnlyList<string?> People(Rules.Scope scope) => scope switch
    {
        Rules.Scope.Family => [null],
        Rules.Scope.OtherChildren => [.. facts.File.Members
            .Where(m => m.Id != need.Member && (m.AgeOn(Identified) is not { } age || age < 18))
            .Select(m => (string?)m.Id)],
        _ => [.. People().Select(p => (string?)p)],
    };

    /// <summary>Whether an event counts for one of the people of a scope.</summary>
    public static bool Counts(CaseEvent e, Rules.Scope scope, string? person) => scope switch
    {
        Rules.Scope.Family => true,
        Rules.Scope.OtherChildren => e.Member == person,
        _ => IsAbout(e, person),
    };

    /// <summary>Events about a member; an event that names no member is about the whole household, so it counts for everyone.</summary>
    public static bool IsAbout(CaseEvent e, string? member) => member is null || e.Member is null || e.Member == member;

    /// <summary>Evidence recorded for this need (and its member, where both name one), oldest first.</summary>
    public IEnumerable<EvidenceRecord> EvidenceForNeed() => facts.Evidence.Where(e =>
        e.Need == need.Code && (need.Member is null || e.Member is null || e.Member == need.Member));

    private bool Fits(Member m)
    {
        if (m.AgeOn(Identified) is not { } age)
        {
            return true;
        }

        return definition.AppliesTo switch
        {
            AppliesTo.Adult => age >= 18,
            AppliesTo.Child or AppliesTo.YoungPerson => age < 18,
            _ => true,
        };
    }
}
