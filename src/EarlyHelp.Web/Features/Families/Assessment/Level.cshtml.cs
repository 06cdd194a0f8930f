using System.ComponentModel.DataAnnotations;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace EarlyHelp.Web.Features.Families.Assessment;

/// <summary>The family's level of need on the continuum, at the start: the scorecard compares it with the level at closure.</summary>
public sealed class LevelModel(EarlyHelpDbContext db, CaseAccess access, TimeProvider clock, Engine engine, FamilyVerdicts verdicts)
    : AssessmentPage(db, access, clock, engine, verdicts)
{
    [BindProperty]
    [Display(Name = "What is the family's level of need?")]
    [Required(ErrorMessage = "Select the family's level of need")]
    [Range(1, 4, ErrorMessage = "Select the family's level of need")]
    public int? Level { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    public static IReadOnlyList<SelectListItem> Levels { get; } = [.. Enumerable.Range(1, 4).Select(l => new SelectListItem(LevelName(l), l.ToString()) { Group = new SelectListGroup { Name = LevelHint(l) } })];

    private static string LevelHint(int level) => level switch
    {
        1 => "Needs met by universal services the family can use on their own",
        2 => "An additional need a single service can meet",
        3 => "Multiple or complex needs: an Early Help Assessment and a Team Around the Family",
        _ => "Needs that call for children's social care",
    };

    public void OnGet()
    {
        Level = Assessed.LevelOfNeedAtStart;
        Version = Assessed.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Assessed.LevelOfNeedAtStart = Level;
        StartIfNeeded();
        if (await SaveEpisodeOrConflictAsync(Version, nameof(Level), "Someone else changed this family's record while you were editing it. Check the level of need and save again") is { } current)
        {
            Version = current;
            return Page();
        }

        TempData["Notice"] = "Level of need saved";
        return Redirect(AssessmentPath);
    }
}
