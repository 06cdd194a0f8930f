using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Mvc;

namespace EarlyHelp.Web.Features.Families.Assessment;

/// <summary>Each child's voice: what every child or young person in the family says, in their own words.</summary>
public sealed class VoicesModel(EarlyHelpDbContext db, CaseAccess access, TimeProvider clock, Engine engine, FamilyVerdicts verdicts)
    : AssessmentPage(db, access, clock, engine, verdicts)
{
    public const int MaximumLength = 4000;

    /// <summary>Each child's words by their member id.</summary>
    [BindProperty]
    public Dictionary<Guid, string?> Voices { get; set; } = [];

    public void OnGet() => Voices = Assessed.ChildVoices.ToDictionary(v => v.MemberId, v => (string?)v.Words);

    public async Task<IActionResult> OnPostAsync()
    {
        foreach (var child in Children)
        {
            if (Voices.GetValueOrDefault(child.Id) is { Length: > MaximumLength })
            {
                ModelState.AddModelError($"Voices[{child.Id}]", $"What {child.GivenName} says must be {MaximumLength:N0} characters or fewer");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        foreach (var child in Children)
        {
            var words = Voices.GetValueOrDefault(child.Id)?.Trim();
            var voice = Assessed.ChildVoices.FirstOrDefault(v => v.MemberId == child.Id);
            if (string.IsNullOrEmpty(words))
            {
                if (voice is not null)
                {
                    Db.ChildVoices.Remove(voice);
                }
            }
            else if (voice is null)
            {
                Db.ChildVoices.Add(new ChildVoice { EpisodeId = Assessed.Id, MemberId = child.Id, Words = words });
            }
            else
            {
                voice.Words = words;
            }
        }

        StartIfNeeded();
        await Db.SaveChangesAsync();
        TempData["Notice"] = "Children's voices saved";
        return Redirect(AssessmentPath);
    }
}
