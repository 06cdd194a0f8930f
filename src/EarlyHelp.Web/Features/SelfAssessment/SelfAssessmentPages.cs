using EarlyHelp.Core.SelfAssessment;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.SelfAssessment;

/// <summary>What the self-assessment pages share: who may use them, the ratings offered, and loading assessments in date order.</summary>
public static class SelfAssessmentPages
{
    public const string Roles = $"{Data.Roles.Manager},{Data.Roles.StrategicLead}";

    public static IReadOnlyList<SelectListItem> Ratings { get; } =
        [.. Enum.GetValues<SelfAssessmentRating>().Select(r => new SelectListItem(SelfAssessmentRatings.Describe(r), r.ToString()))];

    /// <summary>Every self-assessment with its criteria, oldest first.</summary>
    public static async Task<List<JtaiSelfAssessment>> AllAsync(EarlyHelpDbContext db) =>
        [.. (await db.JtaiSelfAssessments.AsNoTracking().Include(a => a.Criteria).ToListAsync()).OrderBy(a => a.AssessedOn).ThenBy(a => a.RecordedAt)];

    /// <summary>The first words of a criterion, to name it in a table.</summary>
    public static string Short(JtaiCriterion criterion)
    {
        var sentence = criterion.Text.Split(". ", 2)[0].TrimEnd('.');
        return sentence.Length <= 90 ? sentence : sentence[..sentence.LastIndexOf(' ', 87)] + "…";
    }
}
