using System.ComponentModel.DataAnnotations;
using EarlyHelp.Core.Casework;
using CaseVocabulary = EarlyHelp.Core.Outcomes.CaseVocabulary;
using EarlyHelp.Core.Outcomes.Measures;

namespace EarlyHelp.Web.Features.Families.Inputs;

/// <summary>Evidence of a need's outcome: what kind, whether the outcome was achieved, and a validated measure's scores.</summary>
public sealed class EvidenceInput : IValidatableObject
{
    /// <summary>The family's need (by its id on the episode) the evidence is for.</summary>
    [Display(Name = "Which need is this evidence for?")]
    [Required(ErrorMessage = "Select the need this evidence is for")]
    public Guid? NeedId { get; set; }

    /// <summary>One of <see cref="CaseVocabulary.EvidenceKinds"/>: data, validated-measure, practitioner-assessment, self-assessment, supplementary.</summary>
    [Display(Name = "Kind of evidence")]
    [Required(ErrorMessage = "Select the kind of evidence")]
    public string? Kind { get; set; }

    [Display(Name = "Has the outcome been achieved?")]
    [Required(ErrorMessage = "Select yes if the outcome has been achieved")]
    public bool? OutcomeAchieved { get; set; }

    [Display(Name = "Measure (for a validated measure)")]
    [StringLength(40, ErrorMessage = "Measure must be 40 characters or fewer")]
    public string? Instrument { get; set; }

    [Display(Name = "Score before")]
    public decimal? Before { get; set; }

    [Display(Name = "Score after")]
    public decimal? After { get; set; }

    [Display(Name = "Date of the evidence")]
    [Required(ErrorMessage = "Enter the date of the evidence")]
    public DateOnly? RecordedOn { get; set; }

    [Display(Name = "What the evidence shows (optional)")]
    [StringLength(2000, ErrorMessage = "The note must be 2,000 characters or fewer")]
    public string? Note { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Kind is not null && !CaseVocabulary.EvidenceKinds.ContainsKey(Kind))
        {
            yield return new("Select the kind of evidence", [nameof(Kind)]);
        }

        if (RecordedOn is { } on && on > InputCheck.Today(context))
        {
            yield return new("Date of the evidence must be today or in the past", [nameof(RecordedOn)]);
        }

        if (Kind != "validated-measure")
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Instrument))
        {
            yield return new("Enter the validated measure used, like GAD-7 or WEMWBS", [nameof(Instrument)]);
        }

        if (Before is null)
        {
            yield return new("Enter the score before", [nameof(Before)]);
        }

        if (After is null)
        {
            yield return new("Enter the score after", [nameof(After)]);
        }

        var instrument = ((InstrumentCatalog?)context.GetService(typeof(InstrumentCatalog)))?.Find(Instrument);
        foreach (var (score, field, label) in new[] { (Before, nameof(Before), "before"), (After, nameof(After), "after") })
        {
            if (instrument is not null && score is { } value && !instrument.InRange(value))
            {
                yield return new($"The score {label} must be between {instrument.Minimum} and {instrument.Maximum} for {instrument.Name}", [field]);
            }
        }
    }

    public IEnumerable<ValidationResult> CheckAgainst(Episode episode)
    {
        if (NeedId is { } id && !episode.Needs.Any(n => n.Id == id))
        {
            yield return new("Select one of the family's needs", [nameof(NeedId)]);
        }
    }

    public EvidenceEntry ToEntry(Episode episode, string recordedById)
    {
        var need = episode.Needs.Single(n => n.Id == NeedId);
        var measured = Kind == "validated-measure";
        return new EvidenceEntry
        {
            EpisodeId = episode.Id,
            NeedCode = need.Code,
            MemberId = need.MemberId,
            Kind = Kind!,
            OutcomeAchieved = OutcomeAchieved,
            Instrument = measured ? Instrument!.Trim() : null,
            Before = measured ? Before : null,
            After = measured ? After : null,
            RecordedOn = RecordedOn!.Value,
            Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(),
            RecordedById = recordedById,
        };
    }
}
