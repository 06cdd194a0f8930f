using System.ComponentModel.DataAnnotations;
using EarlyHelp.Core.ServiceDirectory;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.ServiceDirectory.Editor;

/// <summary>An organisation that provides services, as the editor's form has it.</summary>
public sealed class OrganisationInput
{
    [Display(Name = "Organisation name")]
    public string? Name { get; set; }

    [Display(Name = "About the organisation")]
    public string? Description { get; set; }

    [Display(Name = "Website (optional)")]
    public string? Website { get; set; }

    [Display(Name = "Email address (optional)")]
    public string? Email { get; set; }

    /// <summary>The version of the organisation the form was opened on.</summary>
    public Guid? Version { get; set; }
}

/// <summary>Adds an organisation to the directory or changes one.</summary>
[Authorize(Roles = Roles.DirectoryEditor)]
public sealed class OrganisationModel(EarlyHelpDbContext db) : DirectoryEditorPage<DirectoryOrganisation>(db)
{
    [FromRoute(Name = "organisationId")]
    public string OrganisationRoute { get; set; } = "";

    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } result)
        {
            return result;
        }

        if (Existing is { } o)
        {
            Input = new OrganisationInput { Name = o.Name, Description = o.Description, Website = o.Website, Email = o.Email, Version = o.Version };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } result)
        {
            return result;
        }

        ModelState.Clear();
        var check = new EditorChecks(ModelState, "Input");
        var name = check.Required(nameof(Input.Name), Input.Name, "Enter the organisation's name", 200, "Organisation name");
        var description = check.Required(nameof(Input.Description), Input.Description, "Enter what the organisation does", 4000, "About the organisation");
        var website = check.WebAddress(nameof(Input.Website), Input.Website, "Website");
        var email = check.Email(nameof(Input.Email), Input.Email, "an email address");
        if (name is not null && await Db.DirectoryOrganisations.AnyAsync(o => o.Name == name && (Existing == null || o.Id != Existing.Id)))
        {
            check.Add(nameof(Input.Name), $"There is already an organisation called {name}");
        }

        if (Existing is not null && Input.Version is null)
        {
            check.Add(nameof(Input.Name), "The form is out of date: open the organisation again");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var organisation = Existing ?? Db.DirectoryOrganisations.Add(new DirectoryOrganisation { Name = "", Description = "" }).Entity;
        (organisation.Name, organisation.Description, organisation.Website, organisation.Email) = (name!, description!, website, email);
        if (Existing is not null)
        {
            // Its services' search text carries the organisation's name.
            foreach (var service in await Db.DirectoryServices.Where(s => s.OrganisationId == organisation.Id).ToListAsync())
            {
                service.RefreshSearchText(organisation.Name);
            }
        }

        return await SaveAsync(organisation.Id, organisation.Name, Input.Version);
    }

    protected override string Kind => "organisation";

    protected override async Task<DirectoryOrganisation?> ReloadAsync(Guid id) =>
        await Db.DirectoryOrganisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id);

    protected override void StartFrom(Guid version) => Input.Version = version;

    private async Task<IActionResult?> LoadAsync()
    {
        if (OrganisationRoute == "new")
        {
            return null;
        }

        Existing = Guid.TryParse(OrganisationRoute, out var id) ? await Db.DirectoryOrganisations.SingleOrDefaultAsync(o => o.Id == id) : null;
        return Existing is null ? NotFound() : null;
    }
}
