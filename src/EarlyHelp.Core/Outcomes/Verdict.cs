namespace EarlyHelp.Core.Outcomes;

/// <summary>The engine's answer for one case file (see contracts/evaluate.md).</summary>
public sealed record Verdict(
    string Framework,
    DateOnly AsOf,
    string Family,
    Eligibility Eligibility,
    IReadOnlyList<NeedVerdict> Needs,
    ClaimVerdict Claim,
    TeamAroundTheFamily? TeamAroundTheFamily)
{
    public bool Eligible => Eligibility.HeadlineOutcomes.Count >= Eligibility.Required;
}

public sealed record Eligibility(IReadOnlyList<string> HeadlineOutcomes, int Required);

/// <param name="ExpectedOn">For a pending need, the day it will be met if nothing changes, where known.</param>
public sealed record NeedVerdict(
    string Code,
    string? Member,
    string Headline,
    OutcomeStatus Status,
    DateOnly? MetOn,
    DateOnly? ExpectedOn,
    IReadOnlyList<string> Reasons);

public enum ClaimStatus
{
    Claimable,
    Pending,
    NotClaimable,
}

public sealed record ClaimVerdict(ClaimStatus Status, DateOnly? EarliestDate, IReadOnlyList<Blocker> Blockers);

public sealed record Blocker(string Code, string? Need, string Message, string? Member = null);

/// <summary>Whether the family's needs span enough headline outcomes for a multi-agency Team Around the Family.</summary>
public sealed record TeamAroundTheFamily(bool Allowed, int HeadlineOutcomes, int Required);

public static class BlockerCodes
{
    public const string TooFewHeadlineOutcomes = "too-few-headline-outcomes";
    public const string NoLeadPractitioner = "no-lead-practitioner";
    public const string NoWholeFamilyAssessment = "no-whole-family-assessment";
    public const string NoFamilyPlan = "no-family-plan";
    public const string NoSupportReceived = "no-support-received";
    public const string EpisodeOpen = "episode-open";
    public const string SustainmentPeriod = "sustainment-period";
    public const string NeedNotMet = "need-not-met";
    public const string NeedPending = "need-pending";
}
