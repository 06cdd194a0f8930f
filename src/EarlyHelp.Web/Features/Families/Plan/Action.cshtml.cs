using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families.Inputs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Families.Plan;

/// <summary>
/// Adds an action to the Family Plan or changes one. Two people changing the same action: the second is told,
/// sees what the first saved, and keeps their own input to save again; neither edit is silently lost.
/// </summary>
public sealed class ActionModel(EarlyHelpDbContext db, CaseAccess access, TimeProvider clock, Engine engine) : PlanPage(db, access, clock, engine)
{
    /// <summary>"new", or the id of the action to change.</summary>
    [FromRoute(Name = "actionId")]
    public string ActionRoute { get; set; } = "";

    public PlanAction? Existing { get; private set; }

    [BindProperty]
    public PlanActionInput Input { get; set; } = new();

    /// <summary>What someone else saved while this editor had the form open.</summary>
    public PlanAction? Theirs { get; private set; }

    public IReadOnlyList<SelectListItem> Needs =>
    [
        new("The whole plan", ""),
        .. Planned.Needs.GroupBy(n => n.Code).Select(g => new SelectListItem(NeedText(g.Key, g.Count() == 1 ? g.First().MemberId : null), g.Key)),
    ];

    public static IReadOnlyList<SelectListItem> Priorities { get; } =
        [new("High", nameof(ActionPriority.High)), new("Medium", nameof(ActionPriority.Medium)), new("Low", nameof(ActionPriority.Low))];

    protected override async Task<IActionResult?> PrepareAsync()
    {
        if (await base.PrepareAsync() is { } result)
        {
            return result;
        }

        if (ActionRoute == "new")
        {
            return CanEdit ? null : Forbid();
        }

        Existing = Guid.TryParse(ActionRoute, out var id) ? Planned.Actions.FirstOrDefault(a => a.Id == id) : null;
        return Existing is null ? NotFound() : null;
    }

    public IActionResult OnGet()
    {
        if (!CanEdit)
        {
            return Redirect(PlanPath);
        }

        Input = Existing is null ? new PlanActionInput { Priority = ActionPriority.Medium } : PlanActionInput.From(Existing);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        InputCheck.AddTo(ModelState, nameof(Input), Input.CheckAgainst(Planned));
        if (Existing is not null && Input.Version is null)
        {
            ModelState.AddModelError("Input", "The form is out of date: open the action again");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Existing is null)
        {
            var action = new PlanAction { EpisodeId = Planned.Id, What = "", Who = "", Agency = "" };
            Input.ApplyTo(action);
            Db.Actions.Add(action);
            await Db.SaveChangesAsync();
            TempData["Notice"] = "Action added to the plan";
            return Redirect(PlanPath);
        }

        Input.ApplyTo(Existing);
        if (!await Db.TrySaveFromAsync(Existing, Input.Version!.Value))
        {
            Db.ChangeTracker.Clear();
            Theirs = await Db.Actions.AsNoTracking().SingleOrDefaultAsync(a => a.Id == Existing.Id);
            if (Theirs is null)
            {
                TempData["Notice"] = "Someone else removed that action from the plan";
                return Redirect(PlanPath);
            }

            // The next save is made knowingly from what the other person saved.
            Input.Version = Theirs.Version;
            ModelState.Remove("Input.Version");
            ModelState.AddModelError("Input", "Someone else changed this action while you were editing it. Check their changes below, then save again to keep yours");
            return Page();
        }

        TempData["Notice"] = "Action updated";
        return Redirect(PlanPath);
    }
}
