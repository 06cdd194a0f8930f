using System.ComponentModel.DataAnnotations;
using EarlyHelp.Core.Scorecard;
using EarlyHelp.Web.Features.Families.Inputs;

namespace EarlyHelp.Web.Features.Scorecard;

/// <summary>A multi-agency case file audit as the form asks it, in the order it asks.</summary>
public sealed class CaseFileAuditInput : IValidatableObject
{
    [Display(Name = "Which episode was audited?")]
    [Required(ErrorMessage = "Select the episode audited")]
    public int? EpisodeNumber { get; set; }

    [Display(Name = "Auditor")]
    [Required(ErrorMessage = "Enter the name of the auditor")]
    [StringLength(200, ErrorMessage = "Auditor must be 200 characters or fewer")]
    public string? Auditor { get; set; }

    [Display(Name = "Date of the audit")]
    [Required(ErrorMessage = "Enter the date of the audit")]
    public DateOnly? AuditedOn { get; set; }

    [Display(Name = "Agencies involved with the family")]
    [Required(ErrorMessage = "Enter the agencies involved with the family")]
    [StringLength(1000, ErrorMessage = "Agencies involved must be 1,000 characters or fewer")]
    public string? AgenciesInvolved { get; set; }

    [Display(Name = "Assessment of the family's needs")]
    [Required(ErrorMessage = "Enter the findings on the assessment of the family's needs")]
    [StringLength(4000, ErrorMessage = "Findings on the assessment must be 4,000 characters or fewer")]
    public string? AssessmentFindings { get; set; }

    [Display(Name = "Family plan and the child's wishes")]
    [Required(ErrorMessage = "Enter the findings on the family plan and the child's wishes")]
    [StringLength(4000, ErrorMessage = "Findings on the family plan must be 4,000 characters or fewer")]
    public string? FamilyPlanFindings { get; set; }

    [Display(Name = "Multi-agency response")]
    [Required(ErrorMessage = "Enter the findings on the multi-agency response")]
    [StringLength(4000, ErrorMessage = "Findings on the multi-agency response must be 4,000 characters or fewer")]
    public string? MultiAgencyFindings { get; set; }

    [Display(Name = "Outcomes achieved")]
    [Required(ErrorMessage = "Enter the findings on the outcomes achieved")]
    [StringLength(4000, ErrorMessage = "Findings on the outcomes must be 4,000 characters or fewer")]
    public string? OutcomesFindings { get; set; }

    [Display(Name = "Overall grade")]
    [Required(ErrorMessage = "Select the overall grade")]
    public AuditGrade? Grade { get; set; }

    [Display(Name = "Actions")]
    [Required(ErrorMessage = "Enter the actions agreed, or write 'None'")]
    [StringLength(4000, ErrorMessage = "Actions must be 4,000 characters or fewer")]
    public string? Actions { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (AuditedOn is { } on && on > InputCheck.Today(context))
        {
            yield return new("Date of the audit must be today or in the past", [nameof(AuditedOn)]);
        }
    }
}
