using System.ComponentModel.DataAnnotations;
using EarlyHelp.Core.SelfAssessment;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Web.Features.SelfAssessment;

/// <summary>
/// A new self-assessment against the 16 JTAI criteria: for each, a rating, the evidence and the actions. It starts
/// from the latest one's answers, so the partnership changes what has changed; the latest stays as it was.
/// </summary>
[Authorize(Roles = SelfAssessmentPages.Roles)]
public sealed class NewModel(EarlyHelpDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public SelfAssessmentInput Input { get; set; } = new();

    public DateOnly? StartedFrom { get; private set; }

    public sealed class SelfAssessmentInput
    {
        [Display(Name = "Date of the self-assessment")]
        [Required(ErrorMessage = "Enter the date of the self-assessment")]
        public DateOnly? AssessedOn { get; set; }

        public List<CriterionInput> Criteria { get; set; } = [];
    }

    public sealed class CriterionInput
    {
        public SelfAssessmentRating? Rating { get; set; }

        public string? Evidence { get; set; }

        public string? Actions { get; set; }
    }

    public const int MaximumText = 4000;

    public static string RatingKey(int i) => $"Input.Criteria[{i}].Rating";

    public static string EvidenceKey(int i) => $"Input.Criteria[{i}].Evidence";

    public static string ActionsKey(int i) => $"Input.Criteria[{i}].Actions";

    public async Task OnGetAsync()
    {
        var latest = (await SelfAssessmentPages.AllAsync(db)).LastOrDefault();
        StartedFrom = latest?.AssessedOn;
        Input.Criteria = [.. JtaiCriteria.All.Select(c => latest?.Criteria.FirstOrDefault(x => x.CriterionCode == c.Code) is { } before
            ? new CriterionInput { Rating = before.Rating, Evidence = before.Evidence, Actions = before.Actions }
            : new CriterionInput())];
    }

    public async Task<IActionResult> OnPostAsync()
    {
        while (Input.Criteria.Count < JtaiCriteria.All.Count)
        {
            Input.Criteria.Add(new CriterionInput());
        }

        if (Input.AssessedOn is { } on && on > DateOnly.FromDateTime(clock.GetLocalNow().Date))
        {
            ModelState.AddModelError("Input.AssessedOn", "Date of the self-assessment must be today or in the past");
        }

        for (var i = 0; i < JtaiCriteria.All.Count; i++)
        {
            var code = JtaiCriteria.All[i].Code;
            var criterion = Input.Criteria[i];
            if (criterion.Rating is null)
            {
                ModelState.AddModelError(RatingKey(i), $"Select a rating for {code}");
            }

            if (string.IsNullOrWhiteSpace(criterion.Evidence))
            {
                ModelState.AddModelError(EvidenceKey(i), $"Enter the evidence for {code}");
            }
            else if (criterion.Evidence.Length > MaximumText)
            {
                ModelState.AddModelError(EvidenceKey(i), $"The evidence for {code} must be 4,000 characters or fewer");
            }

            if (criterion.Actions?.Length > MaximumText)
            {
                ModelState.AddModelError(ActionsKey(i), $"The actions for {code} must be 4,000 characters or fewer");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var assessment = new JtaiSelfAssessment
        {
            AssessedOn = Input.AssessedOn!.Value,
            RecordedById = CaseAccess.UserId(User) ?? "",
            RecordedAt = clock.GetUtcNow(),
            Criteria = [.. JtaiCriteria.All.Select((c, i) => new JtaiCriterionAssessment
            {
                CriterionCode = c.Code,
                Rating = Input.Criteria[i].Rating!.Value,
                Evidence = Input.Criteria[i].Evidence!.Trim(),
                Actions = string.IsNullOrWhiteSpace(Input.Criteria[i].Actions) ? null : Input.Criteria[i].Actions!.Trim(),
            })],
        };
        db.JtaiSelfAssessments.Add(assessment);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Self-assessment of {CaseworkText.Date(assessment.AssessedOn)} saved";
        return RedirectToPage("Index");
    }
}
