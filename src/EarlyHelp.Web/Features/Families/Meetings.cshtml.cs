using System.ComponentModel.DataAnnotations;
using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families.Inputs;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using TeamAroundTheFamilyVerdict = EarlyHelp.Core.Outcomes.TeamAroundTheFamily;

namespace EarlyHelp.Web.Features.Families;

/// <summary>
/// The Team Around the Family meetings and reviews of the family's current episode, when the next review is
/// due, and who is on the Team Around the Family (seeds 002 and 003). The lead practitioner or a manager
/// chooses who sits on the team, which decides which practitioners may see the family.
/// </summary>
public sealed class MeetingsModel(EarlyHelpDbContext db, CaseAccess access, TimeProvider clock, FamilyVerdicts verdicts, UserManager<ApplicationUser> users)
    : FamilyPage(db, access, clock)
{
    public override string Section => "meetings";

    /// <summary>The meeting form; bound by its own handler only, so that the team form's post does not check it.</summary>
    public MeetingInput NewMeeting { get; set; } = new();

    public TeamMemberInput NewMember { get; set; } = new();

    public sealed class TeamMemberInput
    {
        [Display(Name = "Practitioner")]
        [Required(ErrorMessage = "Select the practitioner to add")]
        public string? UserId { get; set; }

        [Display(Name = "Their agency in this family's case (optional)")]
        [StringLength(200, ErrorMessage = "Agency must be 200 characters or fewer")]
        public string? Agency { get; set; }
    }

    public sealed record TeamRow(string UserId, string Name, string Agency);

    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];

    public DateOnly? NextReviewOn { get; private set; }

    public bool ReviewOverdue { get; private set; }

    public TeamRow? Lead { get; private set; }

    public IReadOnlyList<TeamRow> Team { get; private set; } = [];

    /// <summary>The engine's verdict on whether the needs span enough headline outcomes for a Team Around the Family, where the framework says.</summary>
    public TeamAroundTheFamilyVerdict? Guidance { get; private set; }

    public IReadOnlyList<SelectListItem> Practitioners { get; private set; } = [];

    public bool Open => Episode is { Stage: not EpisodeStage.Closed };

    public bool MayRecord => CanChange && Open;

    /// <summary>The lead practitioner or a manager decides who is on the Team Around the Family.</summary>
    public bool MayManageTeam => MayRecord && Coordination.Coordinates(User, Episode!);

    protected override async Task<IActionResult?> PrepareAsync()
    {
        if (Episode is null)
        {
            return NotFound();
        }

        await Db.Entry(Episode).Collection(e => e.Meetings).LoadAsync();
        await Db.Entry(Episode).Collection(e => e.TeamAroundTheFamily).LoadAsync();
        await Db.Entry(Episode).Collection(e => e.Needs).LoadAsync();
        await Db.Entry(Episode).Collection(e => e.Evidence).LoadAsync();
        Meetings = [.. Episode.Meetings.OrderByDescending(m => m.HeldOn)];
        NextReviewOn = ReviewSchedule.NextReviewOn(Episode.Meetings);
        ReviewOverdue = ReviewSchedule.IsOverdue(Episode.Stage, NextReviewOn, Today);

        Guidance = (await verdicts.EvaluateAsync(Family, Episode)).Verdict?.TeamAroundTheFamily;
        var ids = Episode.TeamAroundTheFamily.Select(m => m.UserId).Append(Episode.LeadPractitionerId).ToList();
        var people = await Db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id);
        Lead = Episode.LeadPractitionerId is { } lead && people.TryGetValue(lead, out var l) ? new TeamRow(l.Id, l.DisplayName, l.Agency) : null;
        Team = [.. Episode.TeamAroundTheFamily
            .Select(m => new TeamRow(m.UserId, people.TryGetValue(m.UserId, out var p) ? p.DisplayName : "A former user", m.Agency))
            .OrderBy(r => r.Name, StringComparer.CurrentCulture)];

        if (MayManageTeam)
        {
            // Practitioner accounts only: the picker says nothing about any family.
            var taken = Episode.TeamAroundTheFamily.Select(m => m.UserId).Append(Episode.LeadPractitionerId).ToHashSet();
            var teams = await Db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name);
            Practitioners =
            [
                new SelectListItem("Choose a practitioner", ""),
                .. (await users.GetUsersInRoleAsync(Roles.Practitioner))
                    .Where(p => !taken.Contains(p.Id))
                    .OrderBy(p => p.DisplayName, StringComparer.CurrentCulture)
                    .Select(p => new SelectListItem($"{p.DisplayName}, {p.Agency}{(p.TeamId is { } t && teams.TryGetValue(t, out var team) ? $" ({team})" : "")}", p.Id)),
            ];
        }

        return null;
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostMeetingAsync()
    {
        await TryUpdateModelAsync(NewMeeting, nameof(NewMeeting));
        PageValidation.AddRules(ModelState, nameof(NewMeeting), NewMeeting, HttpContext.RequestServices);
        if (!Open)
        {
            ModelState.AddModelError("", $"The episode was closed on {CaseworkText.Date(Episode!.ClosedOn)}: meetings can no longer be recorded");
        }

        InputCheck.AddTo(ModelState, nameof(NewMeeting), NewMeeting.CheckAgainst(Episode!));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Added to its set, not the episode's list: a new row with its key already set would be taken for an old one.
        Db.Meetings.Add(NewMeeting.ToMeeting(Episode!));
        await Db.SaveChangesAsync();
        TempData["Notice"] = $"{CaseworkText.Meeting(NewMeeting.Kind!.Value)} on {CaseworkText.Date(NewMeeting.HeldOn)} recorded";
        return Redirect($"/families/{FamilyId}/meetings");
    }

    public async Task<IActionResult> OnPostAddMemberAsync()
    {
        if (!MayManageTeam)
        {
            return await Coordination.RefuseAsync(this);
        }

        await TryUpdateModelAsync(NewMember, nameof(NewMember));
        var practitioner = NewMember.UserId is { Length: > 0 } id ? await users.FindByIdAsync(id) : null;
        if (NewMember.UserId is { Length: > 0 } && (practitioner is null || !await users.IsInRoleAsync(practitioner, Roles.Practitioner)))
        {
            ModelState.AddModelError($"{nameof(NewMember)}.{nameof(TeamMemberInput.UserId)}", "Select one of the practitioners in the list");
        }
        else if (practitioner is not null && (practitioner.Id == Episode!.LeadPractitionerId || Team.Any(m => m.UserId == practitioner.Id)))
        {
            ModelState.AddModelError($"{nameof(NewMember)}.{nameof(TeamMemberInput.UserId)}", $"{practitioner.DisplayName} is already working with the family");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Db.TeamAroundTheFamily.Add(new TeamAroundTheFamilyMember
        {
            EpisodeId = Episode!.Id,
            UserId = practitioner!.Id,
            Agency = string.IsNullOrWhiteSpace(NewMember.Agency) ? practitioner.Agency : NewMember.Agency.Trim(),
        });
        await Db.SaveChangesAsync();
        TempData["Notice"] = $"{practitioner.DisplayName} added to the Team Around the Family";
        return Redirect($"/families/{FamilyId}/meetings");
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync([FromForm] string? userId)
    {
        if (!MayManageTeam)
        {
            return await Coordination.RefuseAsync(this);
        }

        if (Episode!.TeamAroundTheFamily.SingleOrDefault(m => m.UserId == userId) is { } member)
        {
            Db.TeamAroundTheFamily.Remove(member);
            await Db.SaveChangesAsync();
            TempData["Notice"] = $"{Team.Single(r => r.UserId == userId).Name} removed from the Team Around the Family";
        }

        return Redirect($"/families/{FamilyId}/meetings");
    }
}
