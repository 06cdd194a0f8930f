using System.ComponentModel.DataAnnotations;
using EarlyHelp.Core.ServiceDirectory;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.ServiceDirectory.Editor;

/// <summary>A place services run at, as the editor's form has it.</summary>
public sealed class LocationInput
{
    [Display(Name = "Name of the place")]
    public string? Name { get; set; }

    [Display(Name = "Is it a family hub?")]
    public string? IsFamilyHub { get; set; }

    [Display(Name = "Address line 1")]
    public string? AddressLine1 { get; set; }

    [Display(Name = "Town or city")]
    public string? Town { get; set; }

    [Display(Name = "Postcode")]
    public string? Postcode { get; set; }

    [Display(Name = "About the place (optional)")]
    public string? Description { get; set; }

    /// <summary>The version of the place the form was opened on.</summary>
    public Guid? Version { get; set; }
}

/// <summary>
/// Adds a place services run at, a family hub among them, or changes one. It is placed on the map at its postcode
/// district's centroid, as "near you" searches only need.
/// </summary>
[Authorize(Roles = Roles.DirectoryEditor)]
public sealed class LocationModel(EarlyHelpDbContext db) : DirectoryEditorPage<DirectoryLocation>(db)
{
    [FromRoute(Name = "locationId")]
    public string LocationRoute { get; set; } = "";

    [BindProperty]
    public LocationInput Input { get; set; } = new();

    public static IReadOnlyList<SelectListItem> YesNo { get; } = [new("Yes", "yes"), new("No", "no")];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } result)
        {
            return result;
        }

        if (Existing is { } l)
        {
            Input = new LocationInput { Name = l.Name, IsFamilyHub = l.IsFamilyHub ? "yes" : "no", AddressLine1 = l.AddressLine1, Town = l.Town, Postcode = l.Postcode, Description = l.Description, Version = l.Version };
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
        var name = check.Required(nameof(Input.Name), Input.Name, "Enter the name of the place", 200, "Name of the place");
        if (Input.IsFamilyHub is not ("yes" or "no"))
        {
            check.Add(nameof(Input.IsFamilyHub), "Select yes if the place is a family hub");
        }

        var line1 = check.Required(nameof(Input.AddressLine1), Input.AddressLine1, "Enter address line 1, typically the building and street", 200, "Address line 1");
        var town = check.Required(nameof(Input.Town), Input.Town, "Enter the town or city", 100, "Town or city");
        var description = check.Optional(nameof(Input.Description), Input.Description, 4000, "About the place");
        string? postcode = null;
        Point centroid = default;
        if (string.IsNullOrWhiteSpace(Input.Postcode))
        {
            check.Add(nameof(Input.Postcode), "Enter the postcode");
        }
        else if (!Postcodes.IsValid(Input.Postcode))
        {
            check.Add(nameof(Input.Postcode), "Enter a full postcode, like WS1 1AA");
        }
        else if (!PostcodeDistricts.TryLocate(Input.Postcode, out _, out centroid, out var problem))
        {
            check.Add(nameof(Input.Postcode), problem!);
        }
        else
        {
            postcode = Postcodes.Normalise(Input.Postcode);
        }

        if (Existing is not null && Input.Version is null)
        {
            check.Add(nameof(Input.Name), "The form is out of date: open the place again");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var location = Existing ?? Db.DirectoryLocations.Add(new DirectoryLocation { Name = "" }).Entity;
        (location.Name, location.IsFamilyHub, location.AddressLine1, location.Town, location.Description) = (name!, Input.IsFamilyHub == "yes", line1, town, description);
        if (location.Postcode != postcode || location.Latitude is null)
        {
            (location.Postcode, location.Latitude, location.Longitude) = (postcode, centroid.Latitude, centroid.Longitude);
        }

        return await SaveAsync(location.Id, location.Name, Input.Version);
    }

    protected override string Kind => "place";

    protected override async Task<DirectoryLocation?> ReloadAsync(Guid id) =>
        await Db.DirectoryLocations.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id);

    protected override void StartFrom(Guid version) => Input.Version = version;

    private async Task<IActionResult?> LoadAsync()
    {
        if (LocationRoute == "new")
        {
            return null;
        }

        Existing = Guid.TryParse(LocationRoute, out var id) ? await Db.DirectoryLocations.SingleOrDefaultAsync(l => l.Id == id) : null;
        return Existing is null ? NotFound() : null;
    }
}
