using System.ComponentModel.DataAnnotations;
using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Mvc;

namespace EarlyHelp.Web.Features.Families.Plan;

/// <summary>The Family Plan: the actions for each need, who does them and by when, and the family's agreement to it.</summary>
public sealed class IndexModel(EarlyHelpDbContext db, CaseAccess access, TimeProvider clock, Engine engine, FamilyVerdicts verdicts)
    : PlanPage(db, access, clock, engine)
{
    [BindProperty]
    [Display(Name = "Date the family agreed the plan")]
    [Required(ErrorMessage = "Enter the date the family agreed the plan")]
    public DateOnly? AgreedOn { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    /// <summary>The plan's actions, grouped by the need they answer, needs in the order they were identified.</summary>
    public IEnumerable<(string? Code, IReadOnlyList<PlanAction> Actions)> ByNeed =>
        Planned.Actions
            .GroupBy(a => a.NeedCode)
            .OrderBy(g => g.Key is null ? 1 : 0)
            .ThenBy(g => Planned.Needs.Where(n => n.Code == g.Key).Select(n => n.IdentifiedOn).DefaultIfEmpty(DateOnly.MaxValue).Min())
            .Select(g => (g.Key, (IReadOnlyList<PlanAction>)[.. g.OrderBy(a => a.CompletedOn is not null).ThenBy(a => a.DueOn)]));

    /// <summary>Needs that no action answers yet: the plan should say how each will be met.</summary>
    public IEnumerable<EpisodeNeed> Unanswered => Planned.Needs.Where(n => !Planned.Actions.Any(a => a.NeedCode == n.Code));

    public void OnGet()
    {
        AgreedOn = Planned.FamilyPlanAgreedOn;
        Version = Planned.Version;
    }

    /// <summary>Records the day the family agreed the plan: a claim needs one (seed 001's principles).</summary>
    public async Task<IActionResult> OnPostAgreeAsync()
    {
        if (AgreedOn is { } on && on > Today)
        {
            ModelState.AddModelError(nameof(AgreedOn), "Date the family agreed the plan must be today or in the past");
        }
        else if (AgreedOn is { } early && early < Planned.ReceivedOn)
        {
            ModelState.AddModelError(nameof(AgreedOn), $"Date the family agreed the plan must be on or after the enquiry, {Planned.ReceivedOn:d MMMM yyyy}");
        }

        if (Planned.Actions.Count == 0)
        {
            ModelState.AddModelError(nameof(AgreedOn), "Add the plan's actions before recording that the family agreed it");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Planned.FamilyPlanAgreedOn = AgreedOn;
        if (Planned.Stage is EpisodeStage.Allocated or EpisodeStage.Assessment && Planned.AssessmentCompletedOn is not null)
        {
            Planned.Stage = EpisodeStage.Plan;
        }

        await verdicts.RefreshAsync(Family, Planned);
        if (await SaveEpisodeOrConflictAsync(Version, nameof(AgreedOn), "Someone else changed this family's record while you were editing it. Check the plan and save again") is { } current)
        {
            Version = current;
            return Page();
        }

        TempData["Notice"] = $"The family agreed the plan on {AgreedOn:d MMMM yyyy}";
        return Redirect(PlanPath);
    }
}
