using System.ComponentModel.DataAnnotations;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Web.Features.Account;

public sealed class SignInModel(SignInManager<ApplicationUser> signIn) : PageModel
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

        ModelState.AddModelError(nameof(Email), result.IsLockedOut
            ? "This account is locked after too many failed attempts. Try again in 15 minutes"
            : "Enter a correct email address and password");
        Password = null;
        return Page();
    }
}
