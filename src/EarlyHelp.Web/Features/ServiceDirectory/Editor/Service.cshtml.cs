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
public sealed class ServiceModel(EarlyHelpDbContext db, Engine engine, IConfiguration configuration, TimeProvider clock) : DirectoryEditorPage<DirectoryService>(db)
{
    /// <summary>"new", or the id of the service to change.</summary>
    [FromRoute(Name = "serviceId")]
    public string ServiceRoute { get; set; } = "";

    [BindProperty]
    public ServiceInput Input { get; set; } = new();

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
        var terms = await Db.DirectoryTaxonomyTerms.Where(t => t.TaxonomyId == FrameworkTaxonomy.TaxonomyId(Framework)).ToDictionaryAsync(t => t.Code, t => t.Id);
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

        var organisation = await Db.DirectoryOrganisations.AsNoTracking().SingleAsync(o => o.Id == service.OrganisationId);
        service.RefreshSearchText(organisation.Name);
        service.LastModified = clock.GetUtcNow();
        if (Existing is null)
        {
            Db.DirectoryServices.Add(service);
        }

        return await SaveAsync(service.Id, service.Name, Input.Version);
    }

    protected override string Kind => "service";

    protected override async Task<DirectoryService?> ReloadAsync(Guid id) =>
        await Db.DirectoryServices.AsNoTracking()
                .Include(s => s.Organisation).Include(s => s.Schedules).Include(s => s.CostOptions).Include(s => s.Contacts)
                .AsSplitQuery().SingleOrDefaultAsync(s => s.Id == id);

    protected override void StartFrom(Guid version) => Input.Version = version;

    private async Task<IActionResult?> LoadAsync()
    {
        Framework = Services.IndexModel.DirectoryFramework(engine, configuration);
        Organisations = [new("Select an organisation", ""), .. await Db.DirectoryOrganisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync()];
        Locations = await Db.DirectoryLocations.AsNoTracking().OrderByDescending(l => l.IsFamilyHub).ThenBy(l => l.Name).Take(500).ToListAsync();
        if (ServiceRoute == "new")
        {
            return null;
        }

        Existing = Guid.TryParse(ServiceRoute, out var id)
            ? await Db.DirectoryServices
                .Include(s => s.Terms).ThenInclude(t => t.Term).Include(s => s.Locations).Include(s => s.Schedules).Include(s => s.CostOptions).Include(s => s.Contacts)
                .AsSplitQuery().SingleOrDefaultAsync(s => s.Id == id)
            : null;
        if (Existing is not null)
        {
            // A place the service uses is offered even when the list is long.
            var missing = Existing.Locations.Select(l => l.LocationId).Where(l => Locations.All(x => x.Id != l)).ToList();
            Locations = [.. Locations, .. await Db.DirectoryLocations.AsNoTracking().Where(l => missing.Contains(l.Id)).ToListAsync()];
        }

        return Existing is null ? NotFound() : null;
    }
}
