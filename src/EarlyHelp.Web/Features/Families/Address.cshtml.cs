using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families.Inputs;
using Microsoft.AspNetCore.Mvc;

namespace EarlyHelp.Web.Features.Families;

/// <summary>Changing the family's address when they move: the record and its history stay with the family.</summary>
public sealed class AddressModel(EarlyHelpDbContext db, CaseAccess access, TimeProvider clock) : FamilyPage(db, access, clock)
{
    public override string Section => "overview";

    [BindProperty]
    public AddressInput Input { get; set; } = new();

    public IActionResult OnGet()
    {
        if (!CanChange)
        {
            return Forbid();
        }

        Input = AddressInput.From(Family.Address);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Family.Address = Input.ToAddress();
        await Db.SaveChangesAsync();
        TempData["Notice"] = "Address changed";
        return Redirect($"/families/{FamilyId}");
    }
}
