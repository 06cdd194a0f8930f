using System.ComponentModel.DataAnnotations;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Web.Features.Account;

/// <summary>
/// Where a set-password link from an administrator lands: the person chooses a password (12 characters or more,
/// as Identity is configured). The link works once: setting the password changes the account's security stamp.
/// </summary>
public sealed class SetPasswordModel(UserManager<ApplicationUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    [Display(Name = "Create a password")]
    [Required(ErrorMessage = "Enter a password")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [BindProperty]
    [Display(Name = "Confirm your password")]
    [Required(ErrorMessage = "Enter the password again")]
    [DataType(DataType.Password)]
    public string? Confirm { get; set; }

    public bool LinkWorks { get; private set; } = true;

    public void OnGet()
    {
        Response.Headers.CacheControl = "no-store";
        LinkWorks = !string.IsNullOrEmpty(Email) && !string.IsNullOrEmpty(Token);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        if (Password is not null && Confirm is not null && Password != Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), "The passwords do not match");
        }

        if (!ModelState.IsValid)
        {
            (Password, Confirm) = (null, null);
            return Page();
        }

        var user = string.IsNullOrEmpty(Email) ? null : await users.FindByEmailAsync(Email);
        var result = user is null || string.IsNullOrEmpty(Token)
            ? IdentityResult.Failed(new IdentityError { Code = "InvalidToken" })
            : await users.ResetPasswordAsync(user, Token, Password!);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Your password is set: sign in with it";
            return Redirect("/sign-in");
        }

        if (result.Errors.Any(e => e.Code == "InvalidToken"))
        {
            LinkWorks = false;
            return Page();
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(nameof(Password), error.Code == "PasswordTooShort" ? "Password must be 12 characters or more" : error.Description);
        }

        (Password, Confirm) = (null, null);
        return Page();
    }
}
