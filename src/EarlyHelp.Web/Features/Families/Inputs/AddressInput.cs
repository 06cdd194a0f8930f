using System.ComponentModel.DataAnnotations;
using EarlyHelp.Core.Casework;

namespace EarlyHelp.Web.Features.Families.Inputs;

/// <summary>The family's address: postcode checked for shape, UPRN for its digits.</summary>
public sealed class AddressInput : IValidatableObject
{
    [Display(Name = "Address line 1")]
    [Required(ErrorMessage = "Enter the first line of the family's address")]
    [StringLength(200, ErrorMessage = "Address line 1 must be 200 characters or fewer")]
    public string? Line1 { get; set; }

    [Display(Name = "Address line 2 (optional)")]
    [StringLength(200, ErrorMessage = "Address line 2 must be 200 characters or fewer")]
    public string? Line2 { get; set; }

    [Display(Name = "Town or city")]
    [StringLength(100, ErrorMessage = "Town or city must be 100 characters or fewer")]
    public string? Town { get; set; }

    [Display(Name = "Postcode")]
    [Required(ErrorMessage = "Enter the family's postcode")]
    public string? Postcode { get; set; }

    [Display(Name = "UPRN (optional)")]
    public string? Uprn { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!string.IsNullOrWhiteSpace(Postcode) && !Postcodes.IsValid(Postcode))
        {
            yield return new("Enter a real postcode, like WS1 1AA", [nameof(Postcode)]);
        }

        if (!string.IsNullOrWhiteSpace(Uprn) && !Core.Casework.Uprn.IsValid(Uprn, out var error))
        {
            yield return new(error, [nameof(Uprn)]);
        }
    }

    public static AddressInput From(Address address) => new()
    {
        Line1 = address.Line1,
        Line2 = address.Line2,
        Town = address.Town,
        Postcode = address.Postcode,
        Uprn = address.Uprn,
    };

    public Address ToAddress() => new()
    {
        Line1 = Line1!.Trim(),
        Line2 = string.IsNullOrWhiteSpace(Line2) ? null : Line2.Trim(),
        Town = string.IsNullOrWhiteSpace(Town) ? null : Town.Trim(),
        Postcode = Postcodes.Normalise(Postcode!),
        Uprn = string.IsNullOrWhiteSpace(Uprn) ? null : Uprn.Trim(),
    };
}
