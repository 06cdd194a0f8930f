using System.ComponentModel.DataAnnotations;
using EarlyHelp.Core.Casework;

namespace EarlyHelp.Web.Features.Families.Inputs;

/// <summary>A new member of a family: names, date of birth, relationship, and NHS number and UPN checked by their check digits.</summary>
public sealed class MemberInput : IValidatableObject
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

    /// <summary>Ten digits, spaces allowed ("943 476 5919"); stored as digits only.</summary>
    [Display(Name = "NHS number (optional)")]
    public string? NhsNumber { get; set; }

    /// <summary>A check letter and 12 characters ("A123456789012"); stored in upper case without spaces.</summary>
    [Display(Name = "Unique Pupil Number (optional)")]
    public string? UniquePupilNumber { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (DateOfBirth is { } born && born > InputCheck.Today(context))
        {
            yield return new("Date of birth must be today or in the past", [nameof(DateOfBirth)]);
        }

        if (!string.IsNullOrWhiteSpace(NhsNumber) && !Core.Casework.NhsNumber.IsValid(NhsNumber, out var nhsError))
        {
            yield return new(nhsError, [nameof(NhsNumber)]);
        }

        if (!string.IsNullOrWhiteSpace(UniquePupilNumber) && !Core.Casework.UniquePupilNumber.IsValid(UniquePupilNumber, out var upnError))
        {
            yield return new(upnError, [nameof(UniquePupilNumber)]);
        }
    }

    public FamilyMember ToMember(Guid familyId) => new()
    {
        FamilyId = familyId,
        GivenName = GivenName!.Trim(),
        FamilyName = FamilyName!.Trim(),
        DateOfBirth = DateOfBirth,
        Relationship = Relationship!.Trim(),
        NhsNumber = string.IsNullOrWhiteSpace(NhsNumber) ? null : Core.Casework.NhsNumber.Normalise(NhsNumber),
        UniquePupilNumber = string.IsNullOrWhiteSpace(UniquePupilNumber) ? null : Core.Casework.UniquePupilNumber.Normalise(UniquePupilNumber),
    };
}
