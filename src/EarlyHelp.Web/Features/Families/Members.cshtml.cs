using System.ComponentModel.DataAnnotations;
using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Mvc;

namespace EarlyHelp.Web.Features.Families;

/// <summary>The family's members, and adding one: names, date of birth, relationship, NHS number and UPN checked by their check digits.</summary>
public sealed class MembersModel(EarlyHelpDbContext db, CaseAccess access, TimeProvider clock) : FamilyPage(db, access, clock)
{
    public override string Section => "members";

    [BindProperty]
    public NewMember Input { get; set; } = new();

    public sealed class NewMember
    {
        [Display(Name = "First name")]
        [Required(ErrorMessage = "Enter their first name")]
        [StringLength(100, ErrorMessage = "First name must be 100 characters or fewer")]
        public string? GivenName { get; set; }

        [Display(Name = "Last name")]
        [Required(ErrorMessage = "Enter their last name")]
        [StringLength(100, ErrorMessage = "Last name must be 100 characters or fewer")]
        public string? FamilyName { get; set; }

        [Display(Name = "Date of birth")]
        [Required(ErrorMessage = "Enter their date of birth")]
        public DateOnly? DateOfBirth { get; set; }

        [Display(Name = "Relationship to the family")]
        [Required(ErrorMessage = "Enter their relationship to the family, like mother or son")]
        [StringLength(50, ErrorMessage = "Relationship must be 50 characters or fewer")]
        public string? Relationship { get; set; }

        [Display(Name = "NHS number (optional)")]
        public string? NhsNumber { get; set; }

        [Display(Name = "Unique Pupil Number (optional)")]
        public string? UniquePupilNumber { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.DateOfBirth is { } born && born > Today)
        {
            ModelState.AddModelError("Input.DateOfBirth", "Date of birth must be today or in the past");
        }

        if (!string.IsNullOrWhiteSpace(Input.NhsNumber) && !NhsNumber.IsValid(Input.NhsNumber, out var nhsError))
        {
            ModelState.AddModelError("Input.NhsNumber", nhsError);
        }

        if (!string.IsNullOrWhiteSpace(Input.UniquePupilNumber) && !UniquePupilNumber.IsValid(Input.UniquePupilNumber, out var upnError))
        {
            ModelState.AddModelError("Input.UniquePupilNumber", upnError);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Db.Members.Add(new FamilyMember
        {
            FamilyId = FamilyId,
            GivenName = Input.GivenName!.Trim(),
            FamilyName = Input.FamilyName!.Trim(),
            DateOfBirth = Input.DateOfBirth,
            Relationship = Input.Relationship!.Trim(),
            NhsNumber = string.IsNullOrWhiteSpace(Input.NhsNumber) ? null : NhsNumber.Normalise(Input.NhsNumber),
            UniquePupilNumber = string.IsNullOrWhiteSpace(Input.UniquePupilNumber) ? null : UniquePupilNumber.Normalise(Input.UniquePupilNumber),
        });
        await Db.SaveChangesAsync();
        TempData["Notice"] = $"{Input.GivenName!.Trim()} {Input.FamilyName!.Trim()} added";
        return Redirect($"/families/{FamilyId}/members");
    }
}
