using System.ComponentModel.DataAnnotations;
using EarlyHelp.Core.Casework;

namespace EarlyHelp.Web.Features.Families.Inputs;

/// <summary>
/// Closing an episode: why, when, the level of need at closure (Doncaster's continuum), whether the family
/// received support, and the reasons, which a step up or a step down must give. Made from a version of the
/// episode, so that two people closing it at once cannot overwrite each other.
/// </summary>
public sealed class ClosureInput : IValidatableObject
{
    [Display(Name = "Why is the episode closing?")]
    [Required(ErrorMessage = "Select why the episode is closing")]
    public ClosureReason? Reason { get; set; }

    [Display(Name = "Why is the family being stepped up to children's social care?")]
    [StringLength(4000, ErrorMessage = "The reasons must be 4,000 characters or fewer")]
    public string? StepUpReasons { get; set; }

    [Display(Name = "Why is the family being stepped down to universal services?")]
    [StringLength(4000, ErrorMessage = "The reasons must be 4,000 characters or fewer")]
    public string? StepDownReasons { get; set; }

    [Display(Name = "Date of closure")]
    [Required(ErrorMessage = "Enter the date of closure")]
    public DateOnly? ClosedOn { get; set; }

    [Display(Name = "What is the family's level of need at closure?")]
    [Required(ErrorMessage = "Select the family's level of need at closure")]
    [Range(1, 4, ErrorMessage = "Select the family's level of need at closure")]
    public int? LevelOfNeed { get; set; }

    [Display(Name = "Did the family receive support?")]
    [Required(ErrorMessage = "Select yes if the family received support")]
    public bool? SupportReceived { get; set; }

    [Display(Name = "Anything else about the closure (optional)")]
    [StringLength(4000, ErrorMessage = "Anything else must be 4,000 characters or fewer")]
    public string? Note { get; set; }

    /// <summary>The version of the episode the closure was made from.</summary>
    public Guid? Version { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (ClosedOn is { } on && on > InputCheck.Today(context))
        {
            yield return new("Date of closure must be today or in the past", [nameof(ClosedOn)]);
        }

        if (Reason == ClosureReason.StepUpToSocialCare && string.IsNullOrWhiteSpace(StepUpReasons))
        {
            yield return new("Enter why the family is being stepped up to children's social care", [nameof(StepUpReasons)]);
        }

        if (Reason == ClosureReason.StepDownToUniversalServices && string.IsNullOrWhiteSpace(StepDownReasons))
        {
            yield return new("Enter why the family is being stepped down to universal services", [nameof(StepDownReasons)]);
        }
    }

    public IEnumerable<ValidationResult> CheckAgainst(Episode episode)
    {
        if (ClosedOn is { } on && on < episode.ReceivedOn)
        {
            yield return new($"Date of closure must be on or after {CaseworkText.Date(episode.ReceivedOn)}, when the enquiry was received", [nameof(ClosedOn)]);
        }
    }

    public void ApplyTo(Episode episode)
    {
        var reasons = Reason switch
        {
            ClosureReason.StepUpToSocialCare => StepUpReasons,
            ClosureReason.StepDownToUniversalServices => StepDownReasons,
            _ => null,
        };
        var note = string.Join("\n\n", new[] { reasons, Note }.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()));
        episode.Stage = EpisodeStage.Closed;
        episode.ClosedOn = ClosedOn!.Value;
        episode.ClosureReason = Reason!.Value;
        episode.LevelOfNeedAtClosure = LevelOfNeed!.Value;
        episode.SupportReceived = SupportReceived!.Value;
        episode.ClosureNote = note.Length == 0 ? null : note;
    }
}
