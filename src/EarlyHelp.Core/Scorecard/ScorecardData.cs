using EarlyHelp.Core.Calendar;
using EarlyHelp.Core.Casework;

namespace EarlyHelp.Core.Scorecard;

/// <summary>What the scorecard needs to know of one episode: its dates, decisions and family, and nothing personal beyond birth dates.</summary>
public sealed record EpisodeFacts
{
    public required Guid EpisodeId { get; init; }

    public required Guid FamilyId { get; init; }

    public Guid? TeamId { get; init; }

    public required DateOnly ReceivedOn { get; init; }

    public FrontDoorDecision? Decision { get; init; }

    public DateOnly? AllocatedOn { get; init; }

    public DateOnly? AssessmentStartedOn { get; init; }

    public DateOnly? AssessmentCompletedOn { get; init; }

    /// <summary>The days Team Around the Family meetings were held, in any order.</summary>
    public IReadOnlyList<DateOnly> TeamAroundTheFamilyMeetings { get; init; } = [];

    public DateOnly? ClosedOn { get; init; }

    public ClosureReason? ClosureReason { get; init; }

    public bool SteppedDownFromSocialCare { get; init; }

    public bool FamilyAgreesToEarlyHelp { get; init; }

    public int? LevelOfNeedAtStart { get; init; }

    public int? LevelOfNeedAtClosure { get; init; }

    /// <summary>The family's needs span enough headline outcomes for the Supporting Families programme (its framework's rule).</summary>
    public bool EligibleForSupportingFamilies { get; init; }

    /// <summary>The birth dates of the family's members, where known: children are counted from them.</summary>
    public IReadOnlyList<DateOnly> MemberBirthDates { get; init; } = [];

    /// <summary>Open at some time in the period: received by its end and not closed before its start.</summary>
    public bool OpenDuring(Period period) => ReceivedOn <= period.To && (ClosedOn is not { } closed || closed >= period.From);

    /// <summary>Allocated for early help and receiving it at some time in the period.</summary>
    public bool ReceivingEarlyHelpDuring(Period period) =>
        AllocatedOn is { } allocated && allocated <= period.To && (ClosedOn is not { } closed || closed >= period.From);
}

/// <summary>One multi-agency case file audit, as the scorecard counts it.</summary>
public sealed record AuditFacts(Guid EpisodeId, Guid? TeamId, DateOnly AuditedOn, AuditGrade Grade);

/// <summary>One family in a submitted payment-by-results claim: the team that held its episode and the day the claim went.</summary>
public sealed record ClaimFacts(Guid FamilyId, Guid? TeamId, DateOnly SubmittedOn);

/// <summary>Everything the measures read: episodes, audits, submitted claims, the child population and the working-day calendar.</summary>
public sealed class ScorecardData(
    IReadOnlyList<EpisodeFacts> episodes, IReadOnlyList<AuditFacts> audits, int? childPopulation, WorkingDays workingDays, IReadOnlyList<ClaimFacts>? claims = null)
{
    private readonly ILookup<Guid, EpisodeFacts> byFamily = episodes.ToLookup(e => e.FamilyId);

    // Grouped once: the whole service's scorecard works out every measure for every team.
    private readonly ILookup<Guid?, EpisodeFacts> byTeam = episodes.ToLookup(e => e.TeamId);

    public IReadOnlyList<EpisodeFacts> Episodes => episodes;

    public IReadOnlyList<AuditFacts> Audits => audits;

    public IReadOnlyList<ClaimFacts> Claims { get; } = claims ?? [];

    /// <summary>Children (under 18) living in the area, from configuration; null when not set.</summary>
    public int? ChildPopulation => childPopulation;

    public WorkingDays WorkingDays => workingDays;

    /// <summary>The episodes of one team, or of the whole service when <paramref name="team"/> is null.</summary>
    public IEnumerable<EpisodeFacts> EpisodesOf(Guid? team) => team is null ? episodes : byTeam[team];

    /// <summary>Every episode of the family, whichever team had it.</summary>
    public IEnumerable<EpisodeFacts> FamilyEpisodes(Guid familyId) => byFamily[familyId];
}
