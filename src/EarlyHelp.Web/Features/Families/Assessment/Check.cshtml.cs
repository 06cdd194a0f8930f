using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Mvc;

namespace EarlyHelp.Web.Features.Families.Assessment;

/// <summary>Check your answers, then complete the assessment: the family moves on to its Family Plan.</summary>
public sealed class CheckModel(EarlyHelpDbContext db, CaseAccess access, TimeProvider clock, Engine engine, FamilyVerdicts verdicts)
    : AssessmentPage(db, access, clock, engine, verdicts)
{
    [BindProperty]
    public Guid Version { get; set; }

    public void OnGet() => Version = Assessed.Version;

    public async Task<IActionResult> OnPostAsync()
    {
        foreach (var headline in Framework.HeadlineOutcomes.Where(h => SectionFor(h.Code) is not { Completed: true }))
        {
            ModelState.AddModelError($"section-{headline.Code}", $"Complete the section ‘{headline.Name}’");
        }

        if (Assessed.LevelOfNeedAtStart is null)
        {
            ModelState.AddModelError("section-level", "Select the family's level of need");
        }

        if (Assessed.Needs.Count == 0)
        {
            ModelState.AddModelError("section-needs", "Record at least one need in a section of the assessment");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Assessed.AssessmentStartedOn ??= Today;
        Assessed.AssessmentCompletedOn = Today;
        if (Assessed.Stage is not EpisodeStage.Closed)
        {
            Assessed.Stage = EpisodeStage.Plan;
        }

        await Verdicts.RefreshAsync(Family, Assessed);
        if (await SaveEpisodeOrConflictAsync(Version, "section-conflict", "Someone else changed this family's record while you were checking it. Check the answers again, then complete the assessment") is { } current)
        {
            Version = current;
            return Page();
        }

        TempData["Notice"] = "Assessment completed. Agree the Family Plan with the family next.";
        return Redirect($"/families/{FamilyId}/plan");
    }
}
