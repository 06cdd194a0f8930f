using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families.Inputs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace EarlyHelp.Web.Features.Enquiries;

/// <summary>
/// The front door: an enquiry or request for support from any agency or from the family itself. A family seen
/// before gets a new episode on its existing record, so it never has to tell its story twice.
/// </summary>
[Authorize(Roles = $"{Roles.Practitioner},{Roles.Manager}")]
public sealed class NewModel(EnquiryDesk desk, Engine engine) : PageModel
{
    [BindProperty]
    public EnquiryInput Input { get; set; } = new();

    public IReadOnlyList<Core.Frameworks.HeadlineOutcome> Headlines => engine.Frameworks.Get(Framework).HeadlineOutcomes;

    public const string Framework = EnquiryDesk.Framework;

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

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (known, problems) = await desk.CheckAsync(User, Input);
        InputCheck.AddTo(ModelState, "Input", problems);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (family, _) = await desk.ReceiveAsync(HttpContext, Input, known);
        TempData["Notice"] = $"Enquiry for {family.Reference} received";
        return Redirect(User.IsInRole(Roles.Manager) ? $"/families/{family.Id}/allocate" : "/caseload");
    }
}
