using System.ComponentModel.DataAnnotations;
using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Enquiries;

/// <summary>
/// The front door: an enquiry or request for support from any agency or from the family itself. A family seen
/// before gets a new episode on its existing record, so it never has to tell its story twice.
/// </summary>
[Authorize(Roles = $"{Roles.Practitioner},{Roles.Manager}")]
public sealed class NewModel(EarlyHelpDbContext db, Engine engine, TimeProvider clock) : PageModel
{
    [BindProperty]
    public EnquiryInput Input { get; set; } = new();

    public IReadOnlyList<Core.Frameworks.HeadlineOutcome> Headlines => engine.Frameworks.Get(Framework).HeadlineOutcomes;

    public const string Framework = "national-2022";

    public static IReadOnlyList<SelectListItem> Sources { get; } =
    [
        .. new[] { "School", "Health", "Police", "Housing", "Children's social care", "Voluntary sector", "Family (self-referral)", "Other agency" }
            .Select(s => new SelectListItem(s, s)),
    ];

    public static IReadOnlyList<SelectListItem> LawfulBases { get; } =
    [
        new("Public task (UK GDPR Article 6(1)(e))", nameof(LawfulBasis.PublicTask)),
        new("Consent (UK GDPR Article 6(1)(a))", nameof(LawfulBasis.Consent)),
        new("Legal obligation (UK GDPR Article 6(1)(c))", nameof(LawfulBasis.LegalObligation)),
        new("Vital interests (UK GDPR Article 6(1)(d))", nameof(LawfulBasis.VitalInterests)),
    ];

    public static IReadOnlyList<SelectListItem> YesNo { get; } = [new("Yes", "true"), new("No", "false")];

    public sealed class EnquiryInput
    {
        [Display(Name = "Family reference (if the family is known already)")]
        public string? ExistingReference { get; set; }

        [Display(Name = "Parent or carer's first name")]
        public string? GivenName { get; set; }

        [Display(Name = "Parent or carer's last name")]
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

        [Display(Name = "Who is asking for support")]
        [Required(ErrorMessage = "Select who is asking for support")]
        public string? Source { get; set; }

        [Display(Name = "Why is the family asking for support, or why are you worried?")]
        [Required(ErrorMessage = "Enter why the family needs support")]
        [StringLength(4000, ErrorMessage = "The reason must be 4,000 characters or fewer")]
        public string? Reason { get; set; }

        public List<string> Needs { get; set; } = [];

        [Display(Name = "Does the family agree to early help?")]
        [Required(ErrorMessage = "Select yes if the family agrees to early help")]
        public bool? FamilyAgrees { get; set; }

        [Display(Name = "Lawful basis for processing the family's information")]
        [Required(ErrorMessage = "Select the lawful basis for processing the family's information")]
        public LawfulBasis? LawfulBasis { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var framework = engine.Frameworks.Get(Framework);
        Family? family = null;
        if (!string.IsNullOrWhiteSpace(Input.ExistingReference))
        {
            // Only a coordinator links an enquiry to a family already known, so nobody can probe for references.
            family = User.IsInRole(Roles.Manager)
                ? await db.Families.Include(f => f.Episodes).SingleOrDefaultAsync(f => f.Reference == Input.ExistingReference.Trim().ToUpperInvariant())
                : null;
            if (family is null)
            {
                ModelState.AddModelError("Input.ExistingReference", "There is no family with that reference you can add an enquiry to: check the reference, or leave it blank and enter the family's details");
            }
            else if (family.Episodes.Any(e => e.Stage != EpisodeStage.Closed))
            {
                ModelState.AddModelError("Input.ExistingReference", $"{family.Reference} has an open episode: add to that episode instead");
            }
        }
        else
        {
            Require(Input.GivenName, "Input.GivenName", "Enter the parent or carer's first name");
            Require(Input.FamilyName, "Input.FamilyName", "Enter the parent or carer's last name");
            Require(Input.AddressLine1, "Input.AddressLine1", "Enter the first line of the family's address");
            Require(Input.Postcode, "Input.Postcode", "Enter the family's postcode");
            if (!string.IsNullOrWhiteSpace(Input.Postcode) && !Postcodes.IsValid(Input.Postcode))
            {
                ModelState.AddModelError("Input.Postcode", "Enter a real postcode, like WS1 1AA");
            }

            if (Input.DateOfBirth is { } born && born > today)
            {
                ModelState.AddModelError("Input.DateOfBirth", "Parent or carer's date of birth must be today or in the past");
            }
        }

        var unknown = Input.Needs.Where(n => !framework.Needs.ContainsKey(n)).ToList();
        if (unknown.Count > 0)
        {
            ModelState.AddModelError("Input.Needs", "Select needs from the list");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (family is null)
        {
            family = new Family
            {
                Reference = await NextReferenceAsync(),
                CreatedAt = clock.GetUtcNow(),
                Address = new Address { Line1 = Input.AddressLine1!.Trim(), Town = Input.Town?.Trim(), Postcode = Postcodes.Normalise(Input.Postcode!) },
            };
            family.Members.Add(new FamilyMember { GivenName = Input.GivenName!.Trim(), FamilyName = Input.FamilyName!.Trim(), DateOfBirth = Input.DateOfBirth, Relationship = "Parent or carer" });
            db.Families.Add(family);
        }

        var episode = new Episode
        {
            FamilyId = family.Id,
            Number = family.Episodes.Count == 0 ? 1 : family.Episodes.Max(e => e.Number) + 1,
            Stage = EpisodeStage.Enquiry,
            FrameworkId = Framework,
            ReceivedOn = today,
            EnquirySource = Input.Source!,
            EnquiryReason = Input.Reason!.Trim(),
            FamilyAgreesToEarlyHelp = Input.FamilyAgrees!.Value,
            LawfulBasis = Input.LawfulBasis!.Value,
            Needs = [.. Input.Needs.Distinct().Select(code => new EpisodeNeed { Code = code, IdentifiedOn = today })],
        };
        db.Episodes.Add(episode);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Enquiry for {family.Reference} received";
        return Redirect(User.IsInRole(Roles.Manager) ? $"/families/{family.Id}/allocate" : "/caseload");
    }

    private void Require(string? value, string key, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(key, message);
        }
    }

    private async Task<string> NextReferenceAsync()
    {
        var last = await db.Families.Where(f => f.Reference.StartsWith("FAM-")).OrderByDescending(f => f.Reference).Select(f => f.Reference).FirstOrDefaultAsync();
        var next = last is not null && int.TryParse(last.AsSpan(4), out var n) ? n + 1 : 1;
        return $"FAM-{next:000000}";
    }
}
