using System.ComponentModel.DataAnnotations;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Web.Features.YourPlan;

/// <summary>
/// Where a shared link lands: the family member types the access code they were given, and is then let in to read
/// their plan. Every wrong code counts towards the link's lock and is audited as a refusal.
/// </summary>
public sealed class OpenModel(PlanSharing sharing, AuditLog audit) : PageModel
{
    [FromRoute(Name = "token")]
    public string Token { get; set; } = "";

    [BindProperty]
    [Display(Name = "Access code")]
    [Required(ErrorMessage = "Enter the access code you were given")]
    public string? Code { get; set; }

    /// <summary>Why the link does not open, when it does not.</summary>
    public PlanSharing.Standing? Ended { get; private set; }

    private PlanShare? share;

    public async Task<IActionResult> OnGetAsync()
    {
        Response.Headers.CacheControl = "no-store";
        share = await sharing.FindAsync(Token);
        if (share is null)
        {
            return NotFound();
        }

        Ended = sharing.StandingOf(share) is var standing && standing != PlanSharing.Standing.Open ? standing : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        share = await sharing.FindAsync(Token);
        if (share is null)
        {
            return NotFound();
        }

        if (sharing.StandingOf(share) is var standing && standing != PlanSharing.Standing.Open)
        {
            Ended = standing;
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await sharing.CheckCodeAsync(share, Code!))
        {
            await AuditAsync("refused");
            var left = PlanSharing.MaxFailedAttempts - share.FailedAttempts;
            if (left <= 0)
            {
                Ended = PlanSharing.Standing.Locked;
                return Page();
            }

            ModelState.AddModelError(nameof(Code), $"The access code is not right. Check it and try again: {left} {(left == 1 ? "try" : "tries")} left");
            return Page();
        }

        Response.Cookies.Append(PlanSharing.CookieName, sharing.CookieValue(share), new CookieOptions
        {
            Path = "/your-plan",
            HttpOnly = true,
            Secure = Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            MaxAge = PlanSharing.ReadingTime,
            IsEssential = true,
        });
        return Redirect("/your-plan");
    }

    // Not the path: it holds the link's token.
    private Task AuditAsync(string action) => audit.WriteAsync(HttpContext, share!.FamilyId, action, PlanSharing.AuditUser(share), "POST /your-plan/{link}");
}
