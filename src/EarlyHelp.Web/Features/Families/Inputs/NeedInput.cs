using System.ComponentModel.DataAnnotations;
using EarlyHelp.Core.Casework;
using EarlyHelp.Core.Frameworks;

namespace EarlyHelp.Web.Features.Families.Inputs;

/// <summary>A need recorded by the framework's code, for the whole family or for one member.</summary>
public sealed class NeedInput : IValidatableObject
{
    [Display(Name = "Need")]
    [Required(ErrorMessage = "Select the need")]
    public string? Code { get; set; }

    /// <summary>The member who has the need; required for needs that the framework applies to a person.</summary>
    [Display(Name = "Who has this need?")]
    public Guid? MemberId { get; set; }

    [Display(Name = "Date the need was identified")]
    public DateOnly? IdentifiedOn { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (IdentifiedOn is { } on && on > InputCheck.Today(context))
        {
            yield return new("Date the need was identified must be today or in the past", [nameof(IdentifiedOn)]);
        }
    }

    public IEnumerable<ValidationResult> CheckAgainst(Family family, Episode episode, Framework framework)
    {
        if (Code is null)
        {
            yield break;
        }

        if (!framework.Needs.TryGetValue(Code, out var need))
        {
            yield return new($"'{Code}' is not a need in {framework.Name}", [nameof(Code)]);
            yield break;
        }

        if (MemberId is { } member && !family.Members.Any(m => m.Id == member))
        {
            yield return new("Select a member of this family", [nameof(MemberId)]);
        }
        else if (MemberId is null && need.AppliesTo != AppliesTo.Family)
        {
            yield return new($"Select who has the need: {need.Summary}", [nameof(MemberId)]);
        }
        else if (episode.Needs.Any(n => n.Code == Code && n.MemberId == MemberId))
        {
            yield return new("This need is already recorded", [nameof(Code)]);
        }
    }

    public EpisodeNeed ToNeed(Episode episode, DateOnly today) => new()
    {
        EpisodeId = episode.Id,
        Code = Code!,
        MemberId = MemberId,
        IdentifiedOn = IdentifiedOn ?? today,
    };
}
