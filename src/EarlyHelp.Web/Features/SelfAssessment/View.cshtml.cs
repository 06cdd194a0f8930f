using EarlyHelp.Core.SelfAssessment;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Web.Features.SelfAssessment;

/// <summary>One self-assessment as it was saved, each criterion beside its rating in the one before.</summary>
[Authorize(Roles = SelfAssessmentPages.Roles)]
public sealed class ViewModel(EarlyHelpDbContext db) : PageModel
{
    public JtaiSelfAssessment Assessment { get; private set; } = null!;

    public JtaiSelfAssessment? Before { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var all = await SelfAssessmentPages.AllAsync(db);
        var index = all.FindIndex(a => a.Id == id);
        if (index < 0)
        {
            return NotFound();
        }

        Assessment = all[index];
        Before = index > 0 ? all[index - 1] : null;
        return Page();
    }
}
