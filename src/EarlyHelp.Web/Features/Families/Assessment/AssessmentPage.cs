using EarlyHelp.Core.Casework;
using EarlyHelp.Core.Frameworks;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Families.Assessment;

/// <summary>
/// The base of the Early Help Assessment's pages: the episode being assessed with its sections, needs and
/// children's voices loaded, and the framework whose headline outcomes structure it.
/// </summary>
public abstract class AssessmentPage(EarlyHelpDbContext db, CaseAccess access, TimeProvider clock, Engine engine, FamilyVerdicts verdicts)
    : FamilyPage(db, access, clock)
{
    public override string Section => "assessment";

    public Framework Framework { get; private set; } = null!;

    /// <summary>The episode assessed: the current one (an assessment belongs to one period of help).</summary>
    public Episode Assessed => Episode!;

    public bool Completed => Assessed.AssessmentCompletedOn is not null;

    /// <summary>Changes are possible while the episode is open and the assessment not yet completed.</summary>
    public bool CanEdit => CanChange && Assessed.Stage != EpisodeStage.Closed && !Completed;

    protected FamilyVerdicts Verdicts => verdicts;

    protected override async Task<IActionResult?> PrepareAsync()
    {
        if (Episode is null || !engine.Frameworks.TryGet(Episode.FrameworkId, out var framework))
        {
            return NotFound();
        }

        Framework = framework;
        await Db.Entry(Episode).Collection(e => e.Assessment).LoadAsync();
        await Db.Entry(Episode).Collection(e => e.Needs).LoadAsync();
        await Db.Entry(Episode).Collection(e => e.ChildVoices).LoadAsync();
        await Db.Entry(Episode).Collection(e => e.Evidence).LoadAsync();
        return HttpMethods.IsGet(Request.Method) || CanEdit ? null : Completed ? Redirect(AssessmentPath) : Forbid();
    }

    public string AssessmentPath => $"/families/{FamilyId}/assessment";

    public AssessmentSection? SectionFor(string headline) => Assessed.Assessment.FirstOrDefault(s => s.HeadlineCode == headline);

    public IEnumerable<EpisodeNeed> NeedsUnder(HeadlineOutcome headline) =>
        Assessed.Needs.Where(n => Framework.Needs.TryGetValue(n.Code, out var need) && need.HeadlineCode == headline.Code);

    /// <summary>Children and young people under 18 today, whose voices the assessment records.</summary>
    public IReadOnlyList<FamilyMember> Children => [.. Family.Members
        .Where(m => m.DateOfBirth is { } born && born.AddYears(18) > Today)
        .OrderBy(m => m.DateOfBirth)];

    public string MemberName(Guid? id) => Family.Members.FirstOrDefault(m => m.Id == id)?.FullName ?? "";

    public string NeedText(EpisodeNeed need) =>
        Framework.SummaryOf(need.Code) + (need.MemberId is null ? "" : $" ({MemberName(need.MemberId)})");

    public static string LevelName(int? level) => level switch
    {
        1 => "Level 1: universal",
        2 => "Level 2: additional needs",
        3 => "Level 3: multiple or complex needs",
        4 => "Level 4: specialist (children's social care)",
        _ => "Not recorded",
    };

    /// <summary>The first change starts the assessment, if nobody pressed start.</summary>
    protected void StartIfNeeded()
    {
        Assessed.AssessmentStartedOn ??= Today;
        if (Assessed.Stage is EpisodeStage.Enquiry or EpisodeStage.Allocated)
        {
            Assessed.Stage = EpisodeStage.Assessment;
        }
    }
}
