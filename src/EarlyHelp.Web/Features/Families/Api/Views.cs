using System.Diagnostics.CodeAnalysis;
using EarlyHelp.Core.Casework;
using ClaimStatus = EarlyHelp.Core.Outcomes.ClaimStatus;

namespace EarlyHelp.Web.Features.Families.Api;

// The API's JSON shapes: camelCase, dates as yyyy-MM-dd, enums by name. Built here rather than serialising the
// model, so that a change to the model cannot silently change what API clients read.

public sealed record FamilySummary(Guid Id, string Reference, EpisodeStage? Stage, DateOnly? ReceivedOn);

public sealed record FamilyView(Guid Id, string Reference, Address Address, IReadOnlyList<MemberView> Members, IReadOnlyList<EpisodeView> Episodes)
{
    public static FamilyView From(Family f) => new(
        f.Id,
        f.Reference,
        f.Address,
        [.. f.Members.OrderBy(m => m.DateOfBirth).Select(MemberView.From)],
        [.. f.Episodes.OrderBy(e => e.Number).Select(EpisodeView.From)]);
}

public sealed record MemberView(Guid Id, string GivenName, string FamilyName, DateOnly? DateOfBirth, string Relationship, string? NhsNumber, string? UniquePupilNumber)
{
    public static MemberView From(FamilyMember m) => new(m.Id, m.GivenName, m.FamilyName, m.DateOfBirth, m.Relationship, m.NhsNumber, m.UniquePupilNumber);
}

/// <summary>A need of an episode, by the framework's code, for the whole family (no member) or one member.</summary>
public sealed record NeedView(Guid Id, string Code, Guid? MemberId, DateOnly IdentifiedOn)
{
    public static NeedView From(EpisodeNeed n) => new(n.Id, n.Code, n.MemberId, n.IdentifiedOn);
}

/// <summary>An action of the Family Plan. Its version changes with every save: send it back to change the action.</summary>
public sealed record PlanActionView(Guid Id, string? NeedCode, string What, string Who, string Agency, DateOnly DueOn, ActionPriority Priority, string? Progress, DateOnly? CompletedOn, Guid Version)
{
    public static PlanActionView From(PlanAction a) => new(a.Id, a.NeedCode, a.What, a.Who, a.Agency, a.DueOn, a.Priority, a.Progress, a.CompletedOn, a.Version);
}

/// <param name="Withdrawn">Set when the evidence was withdrawn as recorded in error: the engine no longer reads it.</param>
public sealed record EvidenceView(Guid Id, string NeedCode, Guid? MemberId, DateOnly RecordedOn, string Kind, bool? OutcomeAchieved, string? Instrument, decimal? Before, decimal? After, string? Note, string RecordedById, WithdrawalView? Withdrawn)
{
    public static EvidenceView From(EvidenceEntry e) => new(
        e.Id, e.NeedCode, e.MemberId, e.RecordedOn, e.Kind, e.OutcomeAchieved, e.Instrument, e.Before, e.After, e.Note, e.RecordedById,
        e.Withdrawal is { } w ? new WithdrawalView(w.At, w.ById, w.Reason) : null);
}

public sealed record WithdrawalView(DateTimeOffset At, string ById, string Reason);

public sealed record TeamAroundTheFamilyView(string UserId, string Agency);

/// <summary>One episode: the enquiry, the coordinator's decision and allocation, the pathway's dates, the stored claim status and the needs.</summary>
public record EpisodeView
{
    public required Guid Id { get; init; }

    /// <summary>1 for the family's first episode, 2 for the next, and so on.</summary>
    public required int Number { get; init; }

    public required EpisodeStage Stage { get; init; }

    public required string FrameworkId { get; init; }

    public required DateOnly ReceivedOn { get; init; }

    public required string EnquirySource { get; init; }

    public required string EnquiryReason { get; init; }

    public required bool FamilyAgreesToEarlyHelp { get; init; }

    public required LawfulBasis LawfulBasis { get; init; }

    public FrontDoorDecision? Decision { get; init; }

    public DateOnly? DecidedOn { get; init; }

    public Guid? TeamId { get; init; }

    public string? LeadPractitionerId { get; init; }

    public DateOnly? AllocatedOn { get; init; }

    public DateOnly? AssessmentStartedOn { get; init; }

    public DateOnly? AssessmentCompletedOn { get; init; }

    public DateOnly? FamilyPlanAgreedOn { get; init; }

    public DateOnly? ClosedOn { get; init; }

    public ClosureReason? ClosureReason { get; init; }

    /// <summary>The engine's verdict when the episode last changed; GET /api/families/{id}/verdict gives today's in full.</summary>
    public ClaimStatus? ClaimStatus { get; init; }

    public DateOnly? ClaimableOn { get; init; }

    public required IReadOnlyList<NeedView> Needs { get; init; }

    public static EpisodeView From(Episode e) => new()
    {
        Id = e.Id,
        Number = e.Number,
        Stage = e.Stage,
        FrameworkId = e.FrameworkId,
        ReceivedOn = e.ReceivedOn,
        EnquirySource = e.EnquirySource,
        EnquiryReason = e.EnquiryReason,
        FamilyAgreesToEarlyHelp = e.FamilyAgreesToEarlyHelp,
        LawfulBasis = e.LawfulBasis,
        Decision = e.Decision,
        DecidedOn = e.DecidedOn,
        TeamId = e.TeamId,
        LeadPractitionerId = e.LeadPractitionerId,
        AllocatedOn = e.AllocatedOn,
        AssessmentStartedOn = e.AssessmentStartedOn,
        AssessmentCompletedOn = e.AssessmentCompletedOn,
        FamilyPlanAgreedOn = e.FamilyPlanAgreedOn,
        ClosedOn = e.ClosedOn,
        ClosureReason = e.ClosureReason,
        ClaimStatus = e.ClaimStatus,
        ClaimableOn = e.ClaimableOn,
        Needs = [.. e.Needs.OrderBy(n => n.IdentifiedOn).ThenBy(n => n.Code, StringComparer.Ordinal).Select(NeedView.From)],
    };
}

/// <summary>One episode with its Family Plan, evidence and Team Around the Family.</summary>
public sealed record EpisodeDetail : EpisodeView
{
    [SetsRequiredMembers]
    public EpisodeDetail(Episode e)
        : base(From(e))
    {
        Actions = [.. e.Actions.OrderBy(a => a.DueOn).ThenBy(a => a.What, StringComparer.Ordinal).Select(PlanActionView.From)];
        Evidence = [.. e.Evidence.OrderBy(v => v.RecordedOn).ThenBy(v => v.NeedCode, StringComparer.Ordinal).Select(EvidenceView.From)];
        TeamAroundTheFamily = [.. e.TeamAroundTheFamily.OrderBy(m => m.Agency, StringComparer.Ordinal).Select(m => new TeamAroundTheFamilyView(m.UserId, m.Agency))];
    }

    public required IReadOnlyList<PlanActionView> Actions { get; init; }

    public required IReadOnlyList<EvidenceView> Evidence { get; init; }

    public required IReadOnlyList<TeamAroundTheFamilyView> TeamAroundTheFamily { get; init; }
}

/// <summary>An enquiry received: the family (new, or known before) and the episode it opened.</summary>
public sealed record EnquiryReceived(Guid FamilyId, string Reference, EpisodeView Episode);
