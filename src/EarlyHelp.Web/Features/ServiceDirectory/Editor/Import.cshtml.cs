using EarlyHelp.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Web.Features.ServiceDirectory.Editor;

/// <summary>
/// Uploads another publisher's Open Referral UK feed (a JSON file) into the directory, all or nothing, listing
/// every problem by record and field. Reading a feed from a URL is the command's job (earlyhelp directory import),
/// so the web server never fetches addresses people type.
/// </summary>
[Authorize(Roles = Roles.DirectoryEditor)]
[RequestSizeLimit(MaximumBytes)]
public sealed class ImportModel(OpenReferralImport import) : PageModel
{
    public const int MaximumBytes = 50 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Feed { get; set; }

    public ImportResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        if (Feed is null || Feed.Length == 0)
        {
            ModelState.AddModelError(nameof(Feed), "Select an Open Referral UK feed (a .json file) to import");
            return Page();
        }

        using var buffer = new MemoryStream();
        await Feed.CopyToAsync(buffer, HttpContext.RequestAborted);
        Result = await import.ImportAsync(OpenReferralImport.ReadBytes(buffer.ToArray()), HttpContext.RequestAborted);
        if (!Result.Succeeded)
        {
            ModelState.AddModelError(nameof(Feed), $"The selected file has {(Result.Problems.Count == 1 ? "a problem" : $"{Result.Problems.Count:N0} problems")}: nothing was imported");
        }

        return Page();
    }
}
