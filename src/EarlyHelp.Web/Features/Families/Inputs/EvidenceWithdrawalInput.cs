using System.ComponentModel.DataAnnotations;

namespace EarlyHelp.Web.Features.Families.Inputs;

/// <summary>Why a piece of evidence is withdrawn as recorded in error.</summary>
public sealed class EvidenceWithdrawalInput
{
    [Display(Name = "Why are you withdrawing this evidence?")]
    [Required(ErrorMessage = "Enter why you are withdrawing this evidence")]
    [StringLength(2000, ErrorMessage = "The reason must be 2,000 characters or fewer")]
    public string? Reason { get; set; }
}
