using EarlyHelp.Core.PartnerData;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.PartnerData;

/// <summary>One import: its progress while it runs (the page polls with JavaScript, or is refreshed by hand), then what came of it.</summary>
[Authorize(Roles = $"{Roles.Analyst},{Roles.Manager}")]
public sealed class ImportModel(EarlyHelpDbContext db, ImportQueue queue) : PageModel
{
    public PartnerImport Import { get; private set; } = null!;

    public ImportProgress? Progress { get; private set; }

    public IReadOnlyList<PartnerImportError> Errors { get; private set; } = [];

    public PageLinks Paging { get; private set; } = null!;

    public bool Working => Import.Status is ImportStatus.Queued or ImportStatus.Running;

    public int Percent => Progress is { Length: > 0 } p ? (int)Math.Clamp(p.BytesRead * 100 / p.Length, 0, 100) : 0;

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "page")] int pageNumber = 1)
    {
        if (await db.PartnerImports.SingleOrDefaultAsync(i => i.Id == id) is not { } import)
        {
            return NotFound();
        }

        Import = import;
        Progress = queue.Progress(id);
        var stored = await db.PartnerImportErrors.CountAsync(e => e.ImportId == id);
        var pages = PageLinks.Count(stored);
        pageNumber = Math.Clamp(pageNumber, 1, pages);
        Paging = new PageLinks(pageNumber, pages, n => $"/partner-data/imports/{id}?page={n}", "Pages of problems");
        Errors = await db.PartnerImportErrors.Where(e => e.ImportId == id).OrderBy(e => e.Id)
            .Skip((pageNumber - 1) * PageLinks.Size).Take(PageLinks.Size).ToListAsync();
        return Page();
    }

    /// <summary>The import's state as JSON, for the page's script to show progress without reloading.</summary>
    public async Task<IActionResult> OnGetProgressAsync(Guid id)
    {
        if (await db.PartnerImports.SingleOrDefaultAsync(i => i.Id == id) is not { } import)
        {
            return NotFound();
        }

        Import = import;
        Progress = queue.Progress(id);
        return new JsonResult(new
        {
            status = import.Status.ToString(),
            done = !Working,
            percent = Percent,
            rows = Progress?.Rows ?? 0,
            text = ProgressText,
        });
    }

    public string ProgressText => Import.Status == ImportStatus.Queued
        ? "Waiting to start"
        : Progress is { } p
            ? $"{Percent}% read, {p.Rows:N0} rows{(p.Stage == "storing" ? ", now storing them" : "")}"
            : "Starting";
}
