using System.ComponentModel.DataAnnotations;
using EarlyHelp.Core.Casework;

namespace EarlyHelp.Web.Features.Families.Inputs;

/// <summary>A case note, or a contact with the family: what kind, the day it took place and what happened.</summary>
public sealed class CaseNoteInput : IValidatableObject
{
    /// <summary>The kinds a note is stored as, and their names on the page.</summary>
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["note"] = "Case note",
        ["home visit"] = "Home visit",
        ["phone call"] = "Phone call",
        ["office or hub visit"] = "Office or family hub visit",
        ["text or email"] = "Text message or email",
        ["school visit"] = "School visit",
        ["video call"] = "Video call",
        ["meeting with another service"] = "Meeting with another service",
    };

    [Display(Name = "What are you recording?")]
    [Required(ErrorMessage = "Select a case note or the kind of contact")]
    public string? Kind { get; set; }

    [Display(Name = "Date it took place")]
    [Required(ErrorMessage = "Enter the date it took place")]
    public DateOnly? OccurredOn { get; set; }

    [Display(Name = "What happened")]
    [Required(ErrorMessage = "Enter what happened")]
    [StringLength(10_000, ErrorMessage = "What happened must be 10,000 characters or fewer")]
    public string? Text { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Kind is not null && !Kinds.ContainsKey(Kind))
        {
            yield return new("Select a case note or the kind of contact", [nameof(Kind)]);
        }

        if (OccurredOn is { } on && on > InputCheck.Today(context))
        {
            yield return new("Date it took place must be today or in the past", [nameof(OccurredOn)]);
        }
    }

    public CaseNote ToNote(Episode episode, string authorId, DateTimeOffset now) => new()
    {
        EpisodeId = episode.Id,
        At = now,
        OccurredOn = OccurredOn!.Value,
        AuthorId = authorId,
        Kind = Kind!,
        Text = Text!.Trim(),
    };
}
