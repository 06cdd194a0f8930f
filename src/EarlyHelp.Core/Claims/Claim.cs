namespace EarlyHelp.Core.Claims;

/// <summary>A claim window as the council's configuration states it (EarlyHelp:Claims:Windows).</summary>
public sealed class ClaimWindow
{
    public const decimal DefaultPaymentPerFamily = 800m;

    public const string DefaultProgramme = "Supporting Families";

    public string Name { get; set; } = "";

    public DateOnly Opens { get; set; }

    public DateOnly Closes { get; set; }

    /// <summary>The results payment for each family claimed.</summary>
    public decimal PaymentPerFamily { get; set; } = DefaultPaymentPerFamily;

    /// <summary>The programme paying for results; a family is claimed for at most once under each programme.</summary>
    public string Programme { get; set; } = DefaultProgramme;

    public bool IsOpenOn(DateOnly day) => day >= Opens && day <= Closes;
}

/// <summary>Draft while families are gathered, in audit while the auditor checks the sample, then submitted.</summary>
public enum ClaimState
{
    Draft,
    InAudit,
    Submitted,
}

/// <summary>A claim for results payments in one window: its families are its lines.</summary>
public sealed class Claim
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string WindowName { get; set; }

    public required string Programme { get; set; }

    public DateOnly WindowOpens { get; set; }

    public DateOnly WindowCloses { get; set; }

    public decimal PaymentPerFamily { get; set; }

    public ClaimState State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedById { get; set; }

    /// <summary>The share of families the auditor checks, as a fraction (0.1 is 10%).</summary>
    public decimal SampleShare { get; set; }

    /// <summary>Drawing the sample again with this seed chooses the same families.</summary>
    public string? SampleSeed { get; set; }

    public DateTimeOffset? SentForAuditAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public List<ClaimLine> Lines { get; set; } = [];
}

/// <summary>What the auditor found on checking a sampled family.</summary>
public enum AuditResult
{
    Passed,
    Rejected,
}

/// <summary>
/// One family in a claim, with the evidence it was judged on frozen: the case file exactly as the engine read
/// it (contracts/evaluate.md JSON) and the framework definition that judged it.
/// </summary>
public sealed class ClaimLine
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ClaimId { get; set; }

    public Guid FamilyId { get; set; }

    public Guid EpisodeId { get; set; }

    public Guid? TeamId { get; set; }

    /// <summary>The family's reference, kept for the submitted claim.</summary>
    public required string FamilyReference { get; set; }

    public required string WindowName { get; set; }

    public required string Programme { get; set; }

    /// <summary>The day the family was claimed for: the day the claim was built, which the case file is judged on.</summary>
    public DateOnly ClaimedOn { get; set; }

    /// <summary>The line's standing: the claim's state, or rejected once the auditor takes it out.</summary>
    public ClaimLineState State { get; set; }

    public decimal Payment { get; set; }

    /// <summary>The case file the engine judged, as evaluate-contract JSON.</summary>
    public required string CaseFile { get; set; }

    /// <summary>The engine's verdict on that case file when the family was claimed, as evaluate-contract JSON.</summary>
    public required string Verdict { get; set; }

    /// <summary>The content hash of the framework definition that judged it (<see cref="FrameworkVersion"/>).</summary>
    public required string FrameworkHash { get; set; }

    /// <summary>The headline outcomes of the needs met, comma-separated, for counting and the fiscal estimate.</summary>
    public required string HeadlineOutcomesMet { get; set; }

    /// <summary>No need's outcome rests on data or a validated measure: weighted up in the audit sample.</summary>
    public bool JudgementOnly { get; set; }

    public bool Sampled { get; set; }

    public AuditResult? AuditResult { get; set; }

    public string? AuditReason { get; set; }

    public string? AuditedById { get; set; }

    public DateTimeOffset? AuditedAt { get; set; }
}

public enum ClaimLineState
{
    Draft,
    InAudit,
    Submitted,
    Rejected,
}

/// <summary>A framework definition (and the validated measures catalogue beside it) as a claim was judged by it, stored by content hash.</summary>
public sealed class FrameworkVersion
{
    public required string Hash { get; set; }

    public required string FrameworkId { get; set; }

    public required string Definition { get; set; }

    public required string Instruments { get; set; }

    public DateTimeOffset StoredAt { get; set; }
}
