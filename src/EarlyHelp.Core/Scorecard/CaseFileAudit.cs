namespace EarlyHelp.Core.Scorecard;

/// <summary>The judgement of a case file audit, on Ofsted's four-point scale.</summary>
public enum AuditGrade
{
    Outstanding,
    Good,
    RequiresImprovement,
    Inadequate,
}

/// <summary>
/// A multi-agency case file audit of one episode (seed 003: "assessing and evaluating the multi-agency response
/// to the family's needs and the outcomes achieved from whole family plans"), with findings for each area looked at.
/// </summary>
public sealed class CaseFileAudit
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid FamilyId { get; set; }

    public Guid EpisodeId { get; set; }

    /// <summary>The account that recorded the audit.</summary>
    public required string RecordedById { get; set; }

    /// <summary>Who carried out the audit, as they are known to the partnership.</summary>
    public required string Auditor { get; set; }

    public DateOnly AuditedOn { get; set; }

    /// <summary>The agencies involved with the family, as the auditor lists them.</summary>
    public required string AgenciesInvolved { get; set; }

    public AuditGrade Grade { get; set; }

    public required string AssessmentFindings { get; set; }

    public required string FamilyPlanFindings { get; set; }

    public required string MultiAgencyFindings { get; set; }

    public required string OutcomesFindings { get; set; }

    public required string Actions { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public static bool GoodOrBetter(AuditGrade grade) => grade is AuditGrade.Outstanding or AuditGrade.Good;

    public static string Describe(AuditGrade grade) => grade switch
    {
        AuditGrade.Outstanding => "Outstanding",
        AuditGrade.Good => "Good",
        AuditGrade.RequiresImprovement => "Requires improvement",
        _ => "Inadequate",
    };
}

/// <summary>The areas a case file audit gives findings on, in the order the form asks.</summary>
public static class AuditAreas
{
    public static readonly IReadOnlyList<(string Field, string Name, string Question)> All =
    [
        (nameof(CaseFileAudit.AssessmentFindings), "Assessment of the family's needs", "How well the Early Help Assessment identified the whole family's needs, strengths and risks"),
        (nameof(CaseFileAudit.FamilyPlanFindings), "Family plan and the child's wishes", "Whether the family plan addresses each need and shows the children's wishes and needs"),
        (nameof(CaseFileAudit.MultiAgencyFindings), "Multi-agency response", "How well the agencies worked together as a Team Around the Family to meet the family's needs"),
        (nameof(CaseFileAudit.OutcomesFindings), "Outcomes achieved", "What the whole family plan achieved for the family"),
    ];
}
