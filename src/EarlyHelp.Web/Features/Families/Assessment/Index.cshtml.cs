using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Mvc;

namespace EarlyHelp.Web.Features.Families.Assessment;

/// <summary>The Early Help Assessment as a GOV.UK task list: a section for each headline outcome, the children's voices and the level of need.</summary>
public sealed class IndexModel(EarlyHelpDbContext db, CaseAccess access, TimeProvider clock, Engine engine, FamilyVerdicts verdicts)
    : AssessmentPage(db, access, clock, engine, verdicts)
{
    public enum TaskStatus
    {
        NotStarted,
        InProgress,
        Completed,
    }

    public TaskStatus StatusOf(string headline) => SectionFor(headline) switch
    {
        null => TaskStatus.NotStarted,
        { Completed: true } => TaskStatus.Completed,
        _ => TaskStatus.InProgress,
    };

    public TaskStatus VoicesStatus => Children.Count > 0 && Children.All(c => Assessed.ChildVoices.Any(v => v.MemberId == c.Id))
        ? TaskStatus.Completed
        : Assessed.ChildVoices.Count > 0 ? TaskStatus.InProgress : TaskStatus.NotStarted;

    public TaskStatus LevelStatus => Assessed.LevelOfNeedAtStart is null ? TaskStatus.NotStarted : TaskStatus.Completed;

    public int CompletedTasks => Framework.HeadlineOutcomes.Count(h => StatusOf(h.Code) == TaskStatus.Completed)
        + (VoicesStatus == TaskStatus.Completed ? 1 : 0) + (LevelStatus == TaskStatus.Completed ? 1 : 0);

    public int TotalTasks => Framework.HeadlineOutcomes.Count + 2;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostStartAsync()
    {
        StartIfNeeded();
        await Db.SaveChangesAsync();
        return Redirect(AssessmentPath);
    }
}
