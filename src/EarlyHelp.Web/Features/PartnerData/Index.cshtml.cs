using EarlyHelp.Core.Frameworks;
using EarlyHelp.Core.PartnerData;
using EarlyHelp.Data;
using EarlyHelp.Identification;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.PartnerData;

/// <summary>
/// Partner data: an analyst uploads a partner file, which is imported in the background; everyone here sees the
/// imports so far. Managers may look but not upload.
/// </summary>
[Authorize(Roles = $"{Roles.Analyst},{Roles.Manager}")]
[RequestSizeLimit(MaximumBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaximumBytes)]
public sealed class IndexModel(EarlyHelpDbContext db, PartnerDataImporter importer, ImportQueue queue) : PageModel
{
    /// <summary>A county's largest file (attendance for 1.5 million people) is about 250 MB.</summary>
    public const long MaximumBytes = 2L * 1024 * 1024 * 1024;

    [BindProperty]
    public string? Dataset { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<PartnerImport> Imports { get; private set; } = [];

    public PageLinks Paging { get; private set; } = null!;

    public bool CanUpload => User.IsInRole(Roles.Analyst);

    public static IReadOnlyList<SelectListItem> Datasets { get; } =
        [.. Enum.GetValues<PartnerDataset>().Select(d => new SelectListItem(PartnerVocabulary.FileName(d), PartnerSchema.Name(d)))];

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1) => await LoadAsync(pageNumber);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanUpload)
        {
            return Forbid();
        }

        PartnerDataset dataset = default;
        if (string.IsNullOrEmpty(Dataset) || !PartnerSchema.TryParse(Dataset, out dataset))
        {
            ModelState.AddModelError(nameof(Dataset), "Select which partner file this is");
        }

        if (Upload is null)
        {
            ModelState.AddModelError(nameof(Upload), "Select a CSV file to import");
        }
        else if (Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "The selected file is empty");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(1);
            return Page();
        }

        Directory.CreateDirectory(ImportQueue.Folder);
        var path = Path.Combine(ImportQueue.Folder, $"{Guid.NewGuid():N}.csv");
        await using (var file = System.IO.File.Create(path))
        {
            await Upload!.CopyToAsync(file, HttpContext.RequestAborted);
        }

        var user = await db.Users.Where(u => u.Id == Families.CaseAccess.UserId(User)).Select(u => new { u.Id, u.DisplayName }).SingleAsync();
        var record = await importer.RecordAsync(dataset, path, Upload!.FileName, user.Id, user.DisplayName);
        queue.Enqueue(record.Id, path);
        return Redirect($"/partner-data/imports/{record.Id}");
    }

    private async Task LoadAsync(int pageNumber)
    {
        var total = await db.PartnerImports.CountAsync();
        var pages = PageLinks.Count(total);
        pageNumber = Math.Clamp(pageNumber, 1, pages);
        Paging = new PageLinks(pageNumber, pages, n => $"/partner-data?page={n}", "Pages of imports");

        // Newest first; sorted in memory within the page's window, as SQLite cannot order by a DateTimeOffset.
        Imports = [.. (await db.PartnerImports.ToListAsync()).OrderByDescending(i => i.StartedAt).Skip((pageNumber - 1) * PageLinks.Size).Take(PageLinks.Size)];
    }

    public static string StatusTag(ImportStatus status) => status switch
    {
        ImportStatus.Succeeded => "green",
        ImportStatus.Failed => "red",
        ImportStatus.Interrupted => "orange",
        ImportStatus.Running => "blue",
        _ => "grey",
    };

    public static string StatusText(ImportStatus status) => status switch
    {
        ImportStatus.Succeeded => "Imported",
        ImportStatus.Failed => "Not imported",
        ImportStatus.Interrupted => "Stopped",
        ImportStatus.Running => "Importing",
        _ => "Waiting",
    };
}
