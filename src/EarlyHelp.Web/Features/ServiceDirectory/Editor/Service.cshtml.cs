using EarlyHelp.Core.Frameworks;
using EarlyHelp.Core.ServiceDirectory;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.ServiceDirectory.Editor;

/// <summary>Adds a service to the directory or changes one: a directory editor's form.</summary>
[Authorize(Roles = Roles.DirectoryEditor)]
public sealed class ServiceModel(EarlyHelpDbContext db, Engine engine, IConfiguration configuration, TimeProvider clock) : PageModel
{
    /// <summary>"new", or the id of the service to change.</summary>
    [FromRoute(Name = "serviceId")]
    public string ServiceRoute { get; set; } = "";

    [BindProperty]
    public ServiceInput Input { get; set; } = new();

    public DirectoryService? Existing { get; private set; }

    /// <summary>What someone else saved while this editor had the form open.</summary>
    public DirectoryService? Theirs { get; private set; }

    public Framework Framework { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public IReadOnlyList<DirectoryLocation> Locations { get; private set; } = [];

    public static IReadOnlyList<SelectListItem> Statuses { get; } =
    [
        new("Running", ServiceStatus.Active), new("Temporarily closed", ServiceStatus.TemporarilyClosed),
        new("Not running for now (hidden from search)", ServiceStatus.Inactive), new("Closed for good (hidden from search)", ServiceStatus.Defunct),
    ];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } result)
        {
            return result;
        }

        Input = Existing is null ? new ServiceInput { Status = ServiceStatus.Active }.WithAnEmptyEntryInEachList() : ServiceInput.From(Existing);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } result)
        {
            return result;
        }

        var service = Existing ?? new DirectoryService { Name = "" };
        var terms = await db.DirectoryTaxonomyTerms.Where(t => t.TaxonomyId == FrameworkTaxonomy.TaxonomyId(Framework)).ToDictionaryAsync(t => t.Code, t => t.Id);
        ModelState.Clear();
        if (Request.Form["change"].ToString() is { Length: > 0 } change)
        {
            // "Add another" and "Remove" redraw the form with what was typed; nothing is checked or saved yet.
            return Input.TryChangeEntries(change) ? Page() : BadRequest();
        }

        Input.WithAnEmptyEntryInEachList();
        if (Existing is not null && Input.Version is null)
        {
            ModelState.AddModelError("Input.Name", "The form is out of date: open the service again");
            return Page();
        }

        if (!Input.TryApply(service, ModelState, Organisations.Where(o => o.Value.Length > 0).Select(o => Guid.Parse(o.Value)).ToHashSet(), Locations.Select(l => l.Id).ToHashSet(), terms))
        {
            return Page();
        }

        var organisation = await db.DirectoryOrganisations.AsNoTracking().SingleAsync(o => o.Id == service.OrganisationId);
        service.RefreshSearchText(organisation.Name);
        service.LastModified = clock.GetUtcNow();
        if (Existing is null)
        {
            db.DirectoryServices.Add(service);
        }

        if (Existing is null)
        {
            await db.SaveChangesAsync();
        }
        else if (!await db.TrySaveFromAsync(Existing, Input.Version!.Value))
        {
            db.ChangeTracker.Clear();
            Theirs = await db.DirectoryServices.AsNoTracking()
                .Include(s => s.Organisation).Include(s => s.Schedules).Include(s => s.CostOptions).Include(s => s.Contacts)
                .AsSplitQuery().SingleOrDefaultAsync(s => s.Id == Existing.Id);
            if (Theirs is null)
            {
                TempData["Notice"] = "Someone else removed that service from the directory";
                return Redirect("/directory");
            }

            // The next save is made knowingly from what the other editor saved.
            Input.Version = Theirs.Version;
            ModelState.AddModelError("Input", "Someone else changed this service while you were editing it. Check their changes, then save again to keep yours");
            return Page();
        }

        TempData["Notice"] = Existing is null ? $"{service.Name} added to the directory" : $"{service.Name} updated";
        return Redirect("/directory");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        Framework = Services.IndexModel.DirectoryFramework(engine, configuration);
        Organisations = [new("Select an organisation", ""), .. await db.DirectoryOrganisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync()];
        Locations = await db.DirectoryLocations.AsNoTracking().OrderByDescending(l => l.IsFamilyHub).ThenBy(l => l.Name).Take(500).ToListAsync();
        if (ServiceRoute == "new")
        {
            return null;
        }

        Existing = Guid.TryParse(ServiceRoute, out var id)
            ? await db.DirectoryServices
                .Include(s => s.Terms).ThenInclude(t => t.Term).Include(s => s.Locations).Include(s => s.Schedules).Include(s => s.CostOptions).Include(s => s.Contacts)
                .AsSplitQuery().SingleOrDefaultAsync(s => s.Id == id)
            : null;
        if (Existing is not null)
        {
            // A place the service uses is offered even when the list is long.
            var missing = Existing.Locations.Select(l => l.LocationId).Where(l => Locations.All(x => x.Id != l)).ToList();
            Locations = [.. Locations, .. await db.DirectoryLocations.AsNoTracking().Where(l => missing.Contains(l.Id)).ToListAsync()];
        }

        return Existing is null ? NotFound() : null;
    }
}
