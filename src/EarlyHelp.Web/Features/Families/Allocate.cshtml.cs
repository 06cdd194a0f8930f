using System.ComponentModel.DataAnnotations;
using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Families;

/// <summary>
/// The coordinator's decision on an enquiry: information and advice, single-agency support, an Early Help
/// Assessment with a Team Around the Family, or step up to children's social care; then allocation to a
/// team and a lead practitioner.
/// </summary>
[Authorize(Roles = Roles.Manager)]
public sealed class AllocateModel(EarlyHelpDbContext db, CaseAccess access, TimeProvider clock, UserManager<ApplicationUser> users) : FamilyPage(db, access, clock)
{
    public override string Section => "overview";

    [BindProperty]
    public AllocationInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Teams { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Practitioners { get; private set; } = [];

    public static IReadOnlyList<SelectListItem> Decisions { get; } =
    [
        new("Early Help Assessment with a Team Around the Family", nameof(FrontDoorDecision.EarlyHelpAssessment)) { Group = new SelectListGroup { Name = "Needs in several areas: a lead practitioner coordinates an assessment and a family plan" } },
        new("Single-agency support", nameof(FrontDoorDecision.SingleAgencySupport)) { Group = new SelectListGroup { Name = "One agency can meet the need" } },
        new("Information and advice", nameof(FrontDoorDecision.InformationAndAdvice)) { Group = new SelectListGroup { Name = "The enquiry closes once the family has the information it needs" } },
        new("Step up to children's social care", nameof(FrontDoorDecision.StepUpToSocialCare)) { Group = new SelectListGroup { Name = "The child may be at risk of significant harm" } },
    ];

    public sealed class AllocationInput
    {
        [Display(Name = "What happens next?")]
        [Required(ErrorMessage = "Select what happens next")]
        public FrontDoorDecision? Decision { get; set; }

        [Display(Name = "Team")]
        public Guid? TeamId { get; set; }

        [Display(Name = "Lead practitioner")]
        public string? LeadPractitionerId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Episode is not { Stage: EpisodeStage.Enquiry })
        {
            return Redirect($"/families/{FamilyId}");
        }

        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Episode is not { Stage: EpisodeStage.Enquiry } episode)
        {
            return Redirect($"/families/{FamilyId}");
        }

        var allocating = Input.Decision is FrontDoorDecision.EarlyHelpAssessment or FrontDoorDecision.SingleAgencySupport;
        ApplicationUser? lead = null;
        if (allocating)
        {
            if (Input.TeamId is not { } team || !await Db.Teams.AnyAsync(t => t.Id == team))
            {
                ModelState.AddModelError("Input.TeamId", "Select the team that will work with the family");
            }

            lead = Input.LeadPractitionerId is { } id ? await users.FindByIdAsync(id) : null;
            if (lead is null || !await users.IsInRoleAsync(lead, Roles.Practitioner))
            {
                ModelState.AddModelError("Input.LeadPractitionerId", "Select the lead practitioner");
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync();
            return Page();
        }

        episode.Decision = Input.Decision;
        episode.DecidedOn = Today;
        if (allocating)
        {
            episode.Stage = EpisodeStage.Allocated;
            episode.TeamId = Input.TeamId;
            episode.LeadPractitionerId = lead!.Id;
            episode.AllocatedOn = Today;
        }
        else
        {
            episode.Stage = EpisodeStage.Closed;
            episode.ClosedOn = Today;
            episode.ClosureReason = Input.Decision == FrontDoorDecision.StepUpToSocialCare ? ClosureReason.StepUpToSocialCare : ClosureReason.InformationAndAdviceGiven;
        }

        await Db.SaveChangesAsync();
        TempData["Notice"] = allocating ? $"{Family.Reference} allocated to {lead!.DisplayName}" : $"Decision recorded for {Family.Reference}";
        return Redirect("/caseload?show=all&stage=Enquiry");
    }

    private async Task LoadChoicesAsync()
    {
        var teams = await Db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync();
        Teams = [new SelectListItem("Choose a team", ""), .. teams.Select(t => new SelectListItem(t.Name, t.Id.ToString()))];
        var practitioners = await users.GetUsersInRoleAsync(Roles.Practitioner);
        Practitioners =
        [
            new SelectListItem("Choose a lead practitioner", ""),
            .. practitioners
                .OrderBy(p => p.DisplayName)
                .Select(p => new SelectListItem($"{p.DisplayName}, {p.Agency}{(teams.FirstOrDefault(t => t.Id == p.TeamId) is { } t ? $" ({t.Name})" : "")}", p.Id)),
        ];
    }
}
