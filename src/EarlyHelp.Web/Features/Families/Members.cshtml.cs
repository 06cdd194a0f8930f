using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families.Inputs;
using Microsoft.AspNetCore.Mvc;

namespace EarlyHelp.Web.Features.Families;

/// <summary>The family's members, and adding one: names, date of birth, relationship, NHS number and UPN checked by their check digits.</summary>
public sealed class MembersModel(EarlyHelpDbContext db, CaseAccess access, TimeProvider clock, FamilyVerdicts verdicts) : FamilyPage(db, access, clock)
{
    public override string Section => "members";

    [BindProperty]
    public MemberInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var member = Input.ToMember(FamilyId);
        // Added to the context, not just the collection: with its key already set, EF would take it for an existing row.
        Db.Members.Add(member);
        if (Episode is not null)
        {
            await verdicts.RefreshAsync(Family, Episode);
        }

        await Db.SaveChangesAsync();
        TempData["Notice"] = $"{member.FullName} added";
        return Redirect($"/families/{FamilyId}/members");
    }
}
