using System.Globalization;
using EarlyHelp.Core.ServiceDirectory;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.ServiceDirectory.Editor;

/// <summary>The directory editor's start: every service (running or not), the organisations and the places.</summary>
[Authorize(Roles = Roles.DirectoryEditor)]
public sealed class IndexModel(EarlyHelpDbContext db) : PageModel
{
    public const int PerPage = 25;

    public const int Listed = 200;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Words { get; set; }

    public int PageNumber { get; private set; } = 1;

    public int Total { get; private set; }

    public IReadOnlyList<DirectoryService> Services { get; private set; } = [];

    public IReadOnlyList<DirectoryOrganisation> Organisations { get; private set; } = [];

    public int OrganisationCount { get; private set; }

    public IReadOnlyList<DirectoryLocation> Locations { get; private set; } = [];

    public int LocationCount { get; private set; }

    public int Pages => Math.Max(1, (Total + PerPage - 1) / PerPage);

    public async Task OnGetAsync()
    {
        PageNumber = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        var services = db.DirectoryServices.AsNoTracking();
        foreach (var word in DirectorySearch.Words(Words))
        {
            services = services.Where(s => s.SearchText.Contains(word));
        }

        Total = await services.CountAsync();
        Services = await services.Include(s => s.Organisation).OrderBy(s => s.Name).ThenBy(s => s.Id).Skip((PageNumber - 1) * PerPage).Take(PerPage).ToListAsync();
        OrganisationCount = await db.DirectoryOrganisations.CountAsync();
        Organisations = await db.DirectoryOrganisations.AsNoTracking().OrderBy(o => o.Name).Take(Listed).ToListAsync();
        LocationCount = await db.DirectoryLocations.CountAsync();
        Locations = await db.DirectoryLocations.AsNoTracking().OrderByDescending(l => l.IsFamilyHub).ThenBy(l => l.Name).Take(Listed).ToListAsync();
    }

    public string PageLink(int page) => $"/directory?{(string.IsNullOrEmpty(Words) ? "" : $"q={Uri.EscapeDataString(Words)}&")}page={page}";
}
