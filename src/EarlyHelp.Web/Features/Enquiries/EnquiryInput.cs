using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using EarlyHelp.Core.Casework;
using EarlyHelp.Web.Features.Families.Inputs;

namespace EarlyHelp.Web.Features.Enquiries;

/// <summary>
/// An enquiry or request for support, as the front door page and POST /api/enquiries take it: a new family's
/// parent or carer and address, or the reference of a family known before; who asks, why, and the needs seen.
/// </summary>
public sealed class EnquiryInput : IValidatableObject
{
    /// <summary>A family known before (a coordinator only): the enquiry opens a new episode on its record.</summary>
    [Display(Name = "Family reference (if the family is known already)")]
    public string? ExistingReference { get; set; }

    [Display(Name = "Parent or carer's first name")]
    [StringLength(100, ErrorMessage = "First name must be 100 characters or fewer")]
    public string? GivenName { get; set; }

    [Display(Name = "Parent or carer's last name")]
    [StringLength(100, ErrorMessage = "Last name must be 100 characters or fewer")]
    public string? FamilyName { get; set; }

    [Display(Name = "Parent or carer's date of birth")]
    public DateOnly? DateOfBirth { get; set; }

    [Display(Name = "Address line 1")]
    [StringLength(200, ErrorMessage = "Address line 1 must be 200 characters or fewer")]
    public string? AddressLine1 { get; set; }

    [Display(Name = "Town or city")]
    [StringLength(100, ErrorMessage = "Town or city must be 100 characters or fewer")]
    public string? Town { get; set; }

    [Display(Name = "Postcode")]
    public string? Postcode { get; set; }

    [Display(Name = "UPRN (optional)")]
    public string? Uprn { get; set; }

    /// <summary>Who asked: an agency, or "Family (self-referral)".</summary>
    [Display(Name = "Who is asking for support")]
    [Required(ErrorMessage = "Select who is asking for support")]
    [StringLength(200, ErrorMessage = "Who is asking must be 200 characters or fewer")]
    public string? Source { get; set; }

    /// <summary>Children's social care has finished its work and hands the family on to early help (a step down).</summary>
    [Display(Name = "Is this a step down from children's social care?")]
    public bool SteppedDownFromSocialCare { get; set; }

    [Display(Name = "Why is the family asking for support, or why are you worried?")]
    [Required(ErrorMessage = "Enter why the family needs support")]
    [StringLength(4000, ErrorMessage = "The reason must be 4,000 characters or fewer")]
    public string? Reason { get; set; }

    /// <summary>Codes of needs in the enquiry framework (national-2022), e.g. "EDU-ATTEND-90".</summary>
    public List<string> Needs { get; set => field = value ?? []; } = [];

    [Display(Name = "Does the family agree to early help?")]
    [Required(ErrorMessage = "Select yes if the family agrees to early help")]
    public bool? FamilyAgrees { get; set; }

    [Display(Name = "Lawful basis for processing the family's information")]
    [Required(ErrorMessage = "Select the lawful basis for processing the family's information")]
    public LawfulBasis? LawfulBasis { get; set; }

    [JsonIgnore]
    public bool ForKnownFamily => !string.IsNullOrWhiteSpace(ExistingReference);

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        // A known family has its members and address already; a new one needs a parent or carer and an address.
        if (!ForKnownFamily)
        {
            foreach (var (value, field, message) in new[]
            {
                (GivenName, nameof(GivenName), "Enter the parent or carer's first name"),
                (FamilyName, nameof(FamilyName), "Enter the parent or carer's last name"),
                (AddressLine1, nameof(AddressLine1), "Enter the first line of the family's address"),
                (Postcode, nameof(Postcode), "Enter the family's postcode"),
            })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    yield return new(message, [field]);
                }
            }

            if (!string.IsNullOrWhiteSpace(Postcode) && !Postcodes.IsValid(Postcode))
            {
                yield return new("Enter a real postcode, like WS1 1AA", [nameof(Postcode)]);
            }

            if (!string.IsNullOrWhiteSpace(Uprn) && !Core.Casework.Uprn.IsValid(Uprn, out var uprnError))
            {
                yield return new(uprnError, [nameof(Uprn)]);
            }

            if (DateOfBirth is { } born && born > InputCheck.Today(context))
            {
                yield return new("Parent or carer's date of birth must be today or in the past", [nameof(DateOfBirth)]);
            }
        }

        var framework = ((Engine?)context.GetService(typeof(Engine)))?.Frameworks.Get(EnquiryDesk.Framework);
        if (framework is not null && Needs.Any(n => n is null || !framework.Needs.ContainsKey(n)))
        {
            yield return new("Select needs from the list", [nameof(Needs)]);
        }
    }

    public Family ToFamily(string reference, DateTimeOffset now)
    {
        var family = new Family
        {
            Reference = reference,
            CreatedAt = now,
            Address = new Address { Line1 = AddressLine1!.Trim(), Town = string.IsNullOrWhiteSpace(Town) ? null : Town.Trim(), Postcode = Postcodes.Normalise(Postcode!), Uprn = string.IsNullOrWhiteSpace(Uprn) ? null : Uprn.Trim() },
        };
        family.Members.Add(new FamilyMember { GivenName = GivenName!.Trim(), FamilyName = FamilyName!.Trim(), DateOfBirth = DateOfBirth, Relationship = "Parent or carer" });
        return family;
    }

    public Episode ToEpisode(Family family, DateOnly today) => new()
    {
        FamilyId = family.Id,
        Number = family.Episodes.Count == 0 ? 1 : family.Episodes.Max(e => e.Number) + 1,
        Stage = EpisodeStage.Enquiry,
        FrameworkId = EnquiryDesk.Framework,
        ReceivedOn = today,
        EnquirySource = Source!.Trim(),
        EnquiryReason = Reason!.Trim(),
        FamilyAgreesToEarlyHelp = FamilyAgrees!.Value,
        SteppedDownFromSocialCare = SteppedDownFromSocialCare,
        LawfulBasis = LawfulBasis!.Value,
        Needs = [.. Needs.Distinct().Select(code => new EpisodeNeed { Code = code, IdentifiedOn = today })],
    };
}
