using System.ComponentModel.DataAnnotations;
using EarlyHelp.Core.Casework;

namespace EarlyHelp.Web.Features.Families.Inputs;

/// <summary>A Team Around the Family meeting or a review: when, who came, what was decided and when to meet next.</summary>
public sealed class MeetingInput : IValidatableObject
{
    [Display(Name = "What kind of meeting was it?")]
    [Required(ErrorMessage = "Select whether it was a Team Around the Family meeting or a review")]
    public MeetingKind? Kind { get; set; }

    [Display(Name = "Date it was held")]
    [Required(ErrorMessage = "Enter the date it was held")]
    public DateOnly? HeldOn { get; set; }

    [Display(Name = "Who attended")]
    [Required(ErrorMessage = "Enter who attended")]
    [StringLength(2000, ErrorMessage = "Who attended must be 2,000 characters or fewer")]
    public string? Attendees { get; set; }

    [Display(Name = "What was decided")]
    [Required(ErrorMessage = "Enter what was decided")]
    [StringLength(4000, ErrorMessage = "What was decided must be 4,000 characters or fewer")]
    public string? Decisions { get; set; }

    [Display(Name = "Changes to the family plan (optional)")]
    [StringLength(4000, ErrorMessage = "Changes to the family plan must be 4,000 characters or fewer")]
    public string? PlanChanges { get; set; }

    [Display(Name = "Date of the next review (optional)")]
    public DateOnly? NextReviewOn { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (HeldOn is { } held && held > InputCheck.Today(context))
        {
            yield return new("Date it was held must be today or in the past", [nameof(HeldOn)]);
        }

        if (HeldOn is { } on && NextReviewOn is { } next && next <= on)
        {
            yield return new("Date of the next review must be after the date it was held", [nameof(NextReviewOn)]);
        }
    }

    public IEnumerable<ValidationResult> CheckAgainst(Episode episode)
    {
        if (HeldOn is { } held && held < episode.ReceivedOn)
        {
            yield return new($"Date it was held must be on or after {CaseworkText.Date(episode.ReceivedOn)}, when the enquiry was received", [nameof(HeldOn)]);
        }
    }

    public Meeting ToMeeting(Episode episode) => new()
    {
        EpisodeId = episode.Id,
        Kind = Kind!.Value,
        HeldOn = HeldOn!.Value,
        Attendees = Attendees!.Trim(),
        Decisions = Decisions!.Trim(),
        PlanChanges = string.IsNullOrWhiteSpace(PlanChanges) ? null : PlanChanges.Trim(),
        NextReviewOn = NextReviewOn,
    };
}
