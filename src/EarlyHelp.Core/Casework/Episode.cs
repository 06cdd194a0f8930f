namespace EarlyHelp.Core.Casework;

/// <summary>The pathway of an episode (seed 003): enquiry, allocation, assessment, plan, closure.</summary>
public enum EpisodeStage
{
    Enquiry,
    Allocated,
    Assessment,
    Plan,
    Closed,
}

/// <summary>What the coordinator decides at the front door.</summary>
public enum FrontDoorDecision
{
    InformationAndAdvice,
    SingleAgencySupport,
    EarlyHelpAssessment,
    StepUpToSocialCare,
}

/// <summary>The lawful basis for processing, recorded apart from the family's agreement to early help.</summary>
public enum LawfulBasis
{
    Consent,
    PublicTask,
    LegalObligation,
    VitalInterests,
}

public enum ClosureReason
{
    OutcomesAchieved,
    InformationAndAdviceGiven,
    StepUpToSocialCare,
    StepDownToUniversalServices,
    FamilyDeclined,
    MovedAway,
}

/// <summary>
/// A record two people may edit at once. Every save gives it a new version, and a save made from an older
/// version fails, so that of two editors the second is told instead of silently overwriting the first.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}

/// <summary>One period of help for a family, from the enquiry that opened it to its closure.</summary>
public sealed class Episode : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid FamilyId { get; set; }

    /// <summary>1 for the family's first episode, 2 for the next, and so on.</summary>
    public int Number { get; set; }

    public EpisodeStage Stage { get; set; }

    /// <summary>The outcome framework the family is judged by, e.g. "national-2022".</summary>
    public required string FrameworkId { get; set; }

    // The enquiry
    public DateOnly ReceivedOn { get; set; }

    /// <summary>Who asked: an agency (school, health, police ...) or the family itself.</summary>
    public required string EnquirySource { get; set; }

    public required string EnquiryReason { get; set; }

    /// <summary>The family agrees to early help. Not the same as the lawful basis for processing.</summary>
    public bool FamilyAgreesToEarlyHelp { get; set; }

    public LawfulBasis LawfulBasis { get; set; }

    /// <summary>The family comes to early help from children's social care, whose work with them has ended.</summary>
    public bool SteppedDownFromSocialCare { get; set; }

    // The coordinator's decision and allocation
    public FrontDoorDecision? Decision { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public Guid? TeamId { get; set; }

    public string? LeadPractitionerId { get; set; }

    public DateOnly? AllocatedOn { get; set; }

    // Assessment and plan
    public DateOnly? AssessmentStartedOn { get; set; }

    public DateOnly? AssessmentCompletedOn { get; set; }

    public DateOnly? FamilyPlanAgreedOn { get; set; }

    /// <summary>Level of need on the continuum (1 universal to 4 specialist), at allocation and at closure.</summary>
    public int? LevelOfNeedAtStart { get; set; }

    public int? LevelOfNeedAtClosure { get; set; }

    public bool SupportReceived { get; set; }

    // Closure
    public DateOnly? ClosedOn { get; set; }

    public ClosureReason? ClosureReason { get; set; }

    /// <summary>Why the family is closed; required for a step up to or step down from children's social care.</summary>
    public string? ClosureNote { get; set; }

    // The engine's verdict when the episode last changed, kept so that caseloads can filter by claim status.
    public Outcomes.ClaimStatus? ClaimStatus { get; set; }

    /// <summary>The day the family is or becomes claimable if nothing changes, where known.</summary>
    public DateOnly? ClaimableOn { get; set; }

    public DateOnly? EvaluatedOn { get; set; }

    public List<EpisodeNeed> Needs { get; set; } = [];

    public List<PlanAction> Actions { get; set; } = [];

    public List<Meeting> Meetings { get; set; } = [];

    public List<CaseNote> Notes { get; set; } = [];

    public List<EvidenceEntry> Evidence { get; set; } = [];

    /// <summary>The evidence that counts: all of it but what was withdrawn as recorded in error.</summary>
    public IEnumerable<EvidenceEntry> EvidenceInForce => Evidence.Where(e => e.Withdrawal is null);

    /// <summary>Practitioners on the Team Around the Family, who may see the family's record.</summary>
    public List<TeamAroundTheFamilyMember> TeamAroundTheFamily { get; set; } = [];

    /// <summary>The Early Help Assessment, one section for each of the framework's headline outcomes.</summary>
    public List<AssessmentSection> Assessment { get; set; } = [];

    /// <summary>Each child's own words, recorded in the assessment.</summary>
    public List<ChildVoice> ChildVoices { get; set; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>
/// One headline outcome of the whole-family Early Help Assessment: what is going well, what needs to change and
/// what the family says about it. The needs themselves are recorded as <see cref="EpisodeNeed"/>s by code.
/// </summary>
public sealed class AssessmentSection : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid EpisodeId { get; set; }

    public required string HeadlineCode { get; set; }

    public string? Strengths { get; set; }

    public string? Needs { get; set; }

    public string? FamilyVoice { get; set; }

    /// <summary>The practitioner has marked the section complete (the GOV.UK task list's "completed").</summary>
    public bool Completed { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>What a child or young person says about their family life, in their own words.</summary>
public sealed class ChildVoice
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid EpisodeId { get; set; }

    public Guid MemberId { get; set; }

    public required string Words { get; set; }
}

public sealed class EpisodeNeed
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid EpisodeId { get; set; }

    public required string Code { get; set; }

    public Guid? MemberId { get; set; }

    public DateOnly IdentifiedOn { get; set; }
}

public enum ActionPriority
{
    Low,
    Medium,
    High,
}

public sealed class PlanAction : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid EpisodeId { get; set; }

    public string? NeedCode { get; set; }

    public required string What { get; set; }

    public required string Who { get; set; }

    public required string Agency { get; set; }

    public DateOnly DueOn { get; set; }

    public ActionPriority Priority { get; set; }

    public string? Progress { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

public enum MeetingKind
{
    TeamAroundTheFamily,
    Review,
}

public sealed class Meeting
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid EpisodeId { get; set; }

    public MeetingKind Kind { get; set; }

    public DateOnly HeldOn { get; set; }

    public required string Attendees { get; set; }

    public required string Decisions { get; set; }

    public string? PlanChanges { get; set; }

    public DateOnly? NextReviewOn { get; set; }
}

public sealed class CaseNote
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid EpisodeId { get; set; }

    /// <summary>When it was written down.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>When the contact took place, which may be days before it was recorded.</summary>
    public DateOnly OccurredOn { get; set; }

    public required string AuthorId { get; set; }

    /// <summary>"note" or a kind of contact, e.g. "home visit", "phone call".</summary>
    public required string Kind { get; set; }

    public required string Text { get; set; }
}

/// <summary>Evidence recorded for a need at review or closure: the engine reads it as the case file's evidence.</summary>
public sealed class EvidenceEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid EpisodeId { get; set; }

    public required string NeedCode { get; set; }

    public Guid? MemberId { get; set; }

    public DateOnly RecordedOn { get; set; }

    public required string Kind { get; set; }

    public bool? OutcomeAchieved { get; set; }

    public string? Instrument { get; set; }

    public decimal? Before { get; set; }

    public decimal? After { get; set; }

    public string? Note { get; set; }

    public required string RecordedById { get; set; }

    /// <summary>
    /// Set when the evidence is a fact from imported partner data (an incident, a term's attendance) rather than a
    /// practitioner's judgement: the case file gives the engine the fact itself as well.
    /// </summary>
    public PartnerData.PartnerDataFact? FromPartnerData { get; set; }

    /// <summary>
    /// Set when the evidence is withdrawn as recorded in error. It is kept, and shown as withdrawn, for the record;
    /// the engine no longer reads it.
    /// </summary>
    public EvidenceWithdrawal? Withdrawal { get; set; }
}

/// <summary>Who withdrew a piece of evidence, when and why.</summary>
public sealed class EvidenceWithdrawal
{
    public DateTimeOffset At { get; set; }

    public required string ById { get; set; }

    public required string Reason { get; set; }
}

public sealed class TeamAroundTheFamilyMember
{
    public Guid EpisodeId { get; set; }

    public required string UserId { get; set; }

    public required string Agency { get; set; }
}

public sealed class Team
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Name { get; set; }
}

/// <summary>An append-only record of a read or change of a family's record: who, what, when, from where.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string UserId { get; set; }

    public Guid? FamilyId { get; set; }

    /// <summary>"read", "change" or "refused" for a family's record; "account" for a change to someone's account.</summary>
    public required string Action { get; set; }

    /// <summary>For a change to an account (roles, team, access, API tokens): whose account it was.</summary>
    public string? PersonId { get; set; }

    /// <summary>What was read or changed, e.g. "GET /families/{id}/plan".</summary>
    public required string What { get; set; }

    public string? From { get; set; }
}
