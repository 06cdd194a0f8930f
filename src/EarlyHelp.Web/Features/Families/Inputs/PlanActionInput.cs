using System.ComponentModel.DataAnnotations;
using EarlyHelp.Core.Casework;

namespace EarlyHelp.Web.Features.Families.Inputs;

/// <summary>An action in the Family Plan: what, who (person and agency), by when, priority and progress.</summary>
public sealed class PlanActionInput : IValidatableObject
{
    /// <summary>The need it answers, by code; empty for an action for the whole plan.</summary>
    [Display(Name = "Which need is this action for?")]
    public string? NeedCode { get; set; }

    [Display(Name = "What will be done")]
    [Required(ErrorMessage = "Enter what will be done")]
    [StringLength(1000, ErrorMessage = "What will be done must be 1,000 characters or fewer")]
    public string? What { get; set; }

    [Display(Name = "Who will do it")]
    [Required(ErrorMessage = "Enter who will do it")]
    [StringLength(200, ErrorMessage = "Who will do it must be 200 characters or fewer")]
    public string? Who { get; set; }

    [Display(Name = "Their agency")]
    [Required(ErrorMessage = "Enter their agency, or family if a family member will do it")]
    [StringLength(200, ErrorMessage = "Agency must be 200 characters or fewer")]
    public string? Agency { get; set; }

    [Display(Name = "Due by")]
    [Required(ErrorMessage = "Enter the date it is due by")]
    public DateOnly? DueOn { get; set; }

    [Display(Name = "Priority")]
    [Required(ErrorMessage = "Select a priority")]
    public ActionPriority? Priority { get; set; }

    [Display(Name = "Progress (optional)")]
    [StringLength(2000, ErrorMessage = "Progress must be 2,000 characters or fewer")]
    public string? Progress { get; set; }

    [Display(Name = "Date completed (optional)")]
    public DateOnly? CompletedOn { get; set; }

    /// <summary>The version of the action the change was made from; required to change an existing action.</summary>
    public Guid? Version { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (CompletedOn is { } done && done > InputCheck.Today(context))
        {
            yield return new("Date completed must be today or in the past", [nameof(CompletedOn)]);
        }
    }

    public IEnumerable<ValidationResult> CheckAgainst(Episode episode)
    {
        if (!string.IsNullOrEmpty(NeedCode) && !episode.Needs.Any(n => n.Code == NeedCode))
        {
            yield return new("Select one of the family's needs, or the whole plan", [nameof(NeedCode)]);
        }
    }

    public static PlanActionInput From(PlanAction action) => new()
    {
        NeedCode = action.NeedCode,
        What = action.What,
        Who = action.Who,
        Agency = action.Agency,
        DueOn = action.DueOn,
        Priority = action.Priority,
        Progress = action.Progress,
        CompletedOn = action.CompletedOn,
        Version = action.Version,
    };

    public void ApplyTo(PlanAction action)
    {
        action.NeedCode = string.IsNullOrEmpty(NeedCode) ? null : NeedCode;
        action.What = What!.Trim();
        action.Who = Who!.Trim();
        action.Agency = Agency!.Trim();
        action.DueOn = DueOn!.Value;
        action.Priority = Priority!.Value;
        action.Progress = string.IsNullOrWhiteSpace(Progress) ? null : Progress.Trim();
        action.CompletedOn = CompletedOn;
    }
}
