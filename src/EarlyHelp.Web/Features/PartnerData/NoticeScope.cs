using EarlyHelp.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.PartnerData;

/// <summary>Which notices to show: one family's (its overview), or the signed-in lead practitioner's (the caseload).</summary>
public sealed record NoticeScope(Guid? FamilyId);

/// <summary>A lead practitioner dismisses a notice once read; it then no longer shows.</summary>
public sealed class DismissNoticeModel(EarlyHelpDbContext db, TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, string? returnUrl)
    {
        var notice = await db.PartnerDataNotices.SingleOrDefaultAsync(n => n.Id == id);
        if (notice is null)
        {
            return NotFound();
        }

        if (notice.LeadPractitionerId != Families.CaseAccess.UserId(User))
        {
            return Forbid();
        }

        notice.DismissedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/caseload");
    }
}
