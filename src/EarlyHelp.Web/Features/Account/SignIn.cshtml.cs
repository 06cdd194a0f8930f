using System.ComponentModel.DataAnnotations;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace EarlyHelp.Web.Features.Account;

public sealed class SignInModel(SignInManager<ApplicationUser> signIn, IOptions<CouncilSignInOptions> council) : PageModel
{
    [BindProperty]
    [Display(Name = "Email address")]
    [Required(ErrorMessage = "Enter your email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
    public string? Email { get; set; }

    [BindProperty]
    [Display(Name = "Password")]
    [Required(ErrorMessage = "Enter your password")]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The council's identity provider, when one is configured: shown as a "Sign in with ..." button.</summary>
    public CouncilSignInOptions? Council => council.Value.Enabled ? council.Value : null;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Email!, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/caseload");
        }

        var stopped = result.IsLockedOut && await signIn.UserManager.FindByEmailAsync(Email!) is { LockoutEnd: { } end } && end >= People.PeopleDesk.StoppedUntil;
        ModelState.AddModelError(nameof(Email), stopped
            ? "Your access has been stopped. Ask your administrator if you need it again"
            : result.IsLockedOut
                ? "This account is locked after too many failed attempts. Try again in 15 minutes"
                : "Enter a correct email address and password");
        Password = null;
        return Page();
    }

    /// <summary>Off to the council's identity provider; it sends the person back to <see cref="OnGetCouncilDoneAsync"/>.</summary>
    public IActionResult OnGetCouncil()
    {
        if (Council is null)
        {
            return NotFound();
        }

        var done = Url.Page("/Account/SignIn", "CouncilDone", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(CouncilSignInOptions.Scheme, done), CouncilSignInOptions.Scheme);
    }

    public async Task<IActionResult> OnGetCouncilDoneAsync([FromServices] CouncilAccounts accounts)
    {
        if (Council is null)
        {
            return NotFound();
        }

        if (await accounts.SignInAsync(HttpContext) is { } problem)
        {
            ModelState.AddModelError(nameof(Email), problem);
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/caseload");
    }

    public IActionResult OnGetCouncilFailed()
    {
        ModelState.AddModelError(nameof(Email), $"Sign-in with {council.Value.DisplayName} did not finish. Try again, or sign in with your email address and password");
        return Page();
    }
}
