using System.ComponentModel.DataAnnotations;
using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.YourPlan;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Families.Plan;

/// <summary>
/// Sharing the Family Plan with a family member (<see cref="PlanSharing"/>): the lead practitioner or a manager
/// makes a link and an access code for a member aged 16 or over, sees who has a link, and revokes one. Links are
/// made while the episode is open; revoking works at any time.
/// </summary>
public sealed class ShareModel(EarlyHelpDbContext db, CaseAccess access, TimeProvider clock, PlanSharing sharing) : FamilyPage(db, access, clock)
{
    public override string Section => "plan";

    public const int MinimumAge = 16;

    [BindProperty]
    [Display(Name = "Who is the link for?")]
    [Required(ErrorMessage = "Select who the link is for")]
    public Guid? MemberId { get; set; }

    public PlanSharing.Made? Made { get; private set; }

    public string? MadeFor { get; private set; }

    public sealed record Row(PlanShare Share, string Member, string MadeBy, PlanSharing.Standing Standing);

    public IReadOnlyList<Row> Shares { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Members { get; private set; } = [];

    public bool MayMake => Episode!.Stage != EpisodeStage.Closed;

    public string PlanPath => $"/families/{FamilyId}/plan";

    public string LinkFor(string token) => $"{Request.Scheme}://{Request.Host}/your-plan/{token}";

    protected override async Task<IActionResult?> PrepareAsync()
    {
        if (Episode is null)
        {
            return NotFound();
        }

        if (!(CanChange && Coordination.Coordinates(User, Episode)))
        {
            return await Coordination.RefuseAsync(this);
        }

        Members = [.. Family.Members
            .Where(m => m.DateOfBirth is not { } born || born.AddYears(MinimumAge) <= Today)
            .OrderBy(m => m.DateOfBirth ?? DateOnly.MinValue)
            .Select(m => new SelectListItem($"{m.FullName} ({m.Relationship})", m.Id.ToString()))];
        await LoadAsync();
        return null;
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostMakeAsync()
    {
        if (!MayMake)
        {
            ModelState.AddModelError(nameof(MemberId), "The episode is closed: its plan can no longer be shared");
        }
        else if (MemberId is { } id && Members.All(m => m.Value != id.ToString()))
        {
            ModelState.AddModelError(nameof(MemberId), $"Select a family member aged {MinimumAge} or over");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var member = Family.Members.Single(m => m.Id == MemberId);
        Made = await sharing.MakeAsync(Episode!, member, CaseAccess.UserId(User)!);
        MadeFor = member.FullName;
        MemberId = null;
        ModelState.Clear();
        Response.Headers.CacheControl = "no-store";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid shareId)
    {
        var share = await Db.PlanShares.SingleOrDefaultAsync(s => s.Id == shareId && s.FamilyId == FamilyId);
        if (share is null)
        {
            return NotFound();
        }

        if (share.RevokedAt is null)
        {
            (share.RevokedAt, share.RevokedById) = (Now, CaseAccess.UserId(User));
            await Db.SaveChangesAsync();
        }

        var member = Family.Members.FirstOrDefault(m => m.Id == share.MemberId)?.FullName ?? "a former member";
        TempData["Notice"] = $"Link for {member} revoked: it no longer opens the plan";
        return Redirect($"{PlanPath}/share");
    }

    private async Task LoadAsync()
    {
        // Sorted here: SQLite stores the times as text, which EF cannot order by in SQL.
        var shares = (await Db.PlanShares.AsNoTracking().Where(s => s.FamilyId == FamilyId).ToListAsync()).OrderByDescending(s => s.CreatedAt).ToList();
        var people = await CaseworkText.PeopleAsync(Db, shares.Select(s => s.CreatedById));
        Shares = [.. shares.Select(s => new Row(
            s,
            Family.Members.FirstOrDefault(m => m.Id == s.MemberId)?.FullName ?? "a former member",
            people.GetValueOrDefault(s.CreatedById) ?? "a former user",
            sharing.StandingOf(s)))];
    }
}
