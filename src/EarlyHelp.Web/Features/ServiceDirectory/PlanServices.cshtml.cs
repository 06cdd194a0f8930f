using System.Globalization;
using EarlyHelp.Core.Casework;
using EarlyHelp.Core.ServiceDirectory;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families;
using EarlyHelp.Web.Features.Families.Plan;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.ServiceDirectory;

/// <summary>
/// Directory services for a family's plan: those that answer the family's needs and suit its members' ages,
/// nearest the family's postcode district first. Referring the family to one adds a plan action naming the
/// service and records the referral on the family's timeline.
/// </summary>
public sealed class PlanServicesModel(EarlyHelpDbContext db, CaseAccess access, TimeProvider clock, Engine engine, DirectorySearch search)
    : PlanPage(db, access, clock, engine)
{
    public const int PerPage = 10;

    /// <summary>How long the plan gives a referral before it is due: two weeks.</summary>
    public const int ReferralDueInDays = 14;

    [BindProperty(SupportsGet = true, Name = "need")]
    public string? NeedFilter { get; set; }

    [BindProperty]
    public Guid? ServiceId { get; set; }

    [BindProperty]
    public string? NeedCode { get; set; }

    public DirectoryResults? Results { get; private set; }

    public string? District { get; private set; }

    public IReadOnlyList<string> NeedCodes => [.. Planned.Needs.Select(n => n.Code).Distinct()];

    public int PageNumber { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync()
    {
        await SearchAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var found = ServiceId is { } id ? await search.LoadAsync([id], HttpContext.RequestAborted) : [];
        var service = ServiceId is { } sid && found.TryGetValue(sid, out var s) && s.Status == ServiceStatus.Active ? s : null;
        if (service is null)
        {
            ModelState.AddModelError("results", "Select a service from the list: that one is no longer in the directory");
        }
        else if (!string.IsNullOrEmpty(NeedCode) && !NeedCodes.Contains(NeedCode))
        {
            ModelState.AddModelError("results", "Select one of the family's needs for the referral");
        }

        if (!ModelState.IsValid)
        {
            await SearchAsync();
            return Page();
        }

        var organisation = service!.Organisation?.Name ?? "the provider";
        var action = new PlanAction
        {
            EpisodeId = Planned.Id,
            NeedCode = string.IsNullOrEmpty(NeedCode) ? null : NeedCode,
            What = $"Referral to {service.Name}",
            Who = service.Contacts.FirstOrDefault()?.Name ?? service.Name,
            Agency = organisation,
            DueOn = Today.AddDays(ReferralDueInDays),
            Priority = ActionPriority.Medium,
        };
        Db.Actions.Add(action);
        Db.ServiceReferrals.Add(new ServiceReferral
        {
            EpisodeId = Planned.Id,
            PlanActionId = action.Id,
            ServiceId = service.Id,
            ServiceName = service.Name,
            OrganisationName = organisation,
            NeedCode = action.NeedCode,
            ReferredOn = Today,
            At = HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
            ReferredById = CaseAccess.UserId(User)!,
        });
        await Db.SaveChangesAsync();
        TempData["Notice"] = $"Referred to {service.Name}: the referral is in the plan and on the timeline";
        return Redirect(PlanPath);
    }

    /// <summary>The family's needs a service answers, by their text.</summary>
    public IReadOnlyList<string> Matches(DirectoryService service) =>
        [.. service.Terms.Where(t => t.Term is not null && NeedCodes.Contains(t.Term.Code)).Select(t => t.Term!.Code).Distinct()];

    public string PageLink(int page) =>
        $"{PlanPath}/services?{(string.IsNullOrEmpty(NeedFilter) ? "" : $"need={Uri.EscapeDataString(NeedFilter)}&")}page={page}";

    private async Task SearchAsync()
    {
        PageNumber = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : 1;
        if (NeedCodes.Count == 0)
        {
            return;
        }

        var codes = !string.IsNullOrEmpty(NeedFilter) && NeedCodes.Contains(NeedFilter) ? [NeedFilter] : NeedCodes;
        var ages = Family.Members
            .Where(m => m.DateOfBirth is not null)
            .Select(m => AgeOn(m.DateOfBirth!.Value, Today))
            .ToList();
        var query = new DirectoryQuery
        {
            TermCodes = codes,
            YoungestAge = ages.Count > 0 ? ages.Min() : null,
            OldestAge = ages.Count > 0 ? ages.Max() : null,
            Page = PageNumber,
            PerPage = PerPage,
        };
        if (PostcodeDistricts.TryLocate(Family.Address?.Postcode, out var district, out var centroid, out _))
        {
            District = district;
            query = query with { Near = centroid };
        }

        Results = await search.SearchAsync(query, HttpContext.RequestAborted);
    }

    private static int AgeOn(DateOnly born, DateOnly on) => on.Year - born.Year - (on < born.AddYears(on.Year - born.Year) ? 1 : 0);
}
