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

/// <summary>One period of help for a family, from the enquiry that opened it to its closure.</summary>
public sealed class Episode
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

    public string? ClosureNote { get; set; }

    public List<EpisodeNeed> Needs { get; set; } = [];

    public List<PlanAction> Actions { get; set; } = [];

    public List<Meeting> Meetings { get; set; } = [];

    public List<CaseNote> Notes { get; set; } = [];

    public List<EvidenceEntry> Evidence { get; set; } = [];

    /// <summary>Practitioners on the Team Around the Family, who may see the family's record.</summary>
    public List<TeamAroundTheFamilyMember> TeamAroundTheFamily { get; set; } = [];

    /// <summary>Changes with every save, so that of two people editing at once the second is told.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
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

public sealed class PlanAction
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

    public DateTimeOffset At { get; set; }

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

    /// <summary>"read" or "change".</summary>
    public required string Action { get; set; }

    /// <summary>What was read or changed, e.g. "GET /families/{id}/plan".</summary>
    public required string What { get; set; }

    public string? From { get; set; }
}
