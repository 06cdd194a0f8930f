using EarlyHelp.Core.SelfAssessment;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Web.Features.SelfAssessment;

/// <summary>
/// The partnership's self-assessments against the 16 JTAI evaluation criteria, each dated and kept, and how each
/// criterion's rating has moved across the most recent of them.
/// </summary>
[Authorize(Roles = SelfAssessmentPages.Roles)]
public sealed class IndexModel(EarlyHelpDbContext db) : PageModel
{
    public const int Compared = 4;

    public IReadOnlyList<JtaiSelfAssessment> Assessments { get; private set; } = [];

    /// <summary>The most recent assessments, oldest first, as the comparison's columns.</summary>
    public IReadOnlyList<JtaiSelfAssessment> Columns => [.. Assessments.TakeLast(Compared)];

    public async Task OnGetAsync() => Assessments = await SelfAssessmentPages.AllAsync(db);

    public static SelfAssessmentRating? RatingOf(JtaiSelfAssessment assessment, string code) =>
        assessment.Criteria.FirstOrDefault(c => c.CriterionCode == code)?.Rating;
}
