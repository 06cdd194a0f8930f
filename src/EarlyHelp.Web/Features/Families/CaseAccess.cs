using System.Security.Claims;
using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Families;

/// <summary>
/// Who may see a family: a practitioner the families they lead or sit on the Team Around the Family for; a
/// manager (an early help coordinator) the families allocated to their team and the enquiries waiting at the
/// front door; analysts and auditors families with a closed episode,
/// which is what claims need. Administrators manage accounts, not cases. Checked on the server for every
/// page and API call, by family id.
/// </summary>
public sealed class CaseAccess(EarlyHelpDbContext db)
{
    public const string TeamClaim = "earlyhelp:team";

    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static Guid? TeamId(ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(TeamClaim), out var id) ? id : null;

    /// <summary>The episodes a user may see, as a query to filter further.</summary>
    public IQueryable<Episode> VisibleEpisodes(ClaimsPrincipal user)
    {
        var visibleFamilies = VisibleFamilyIds(user);
        return db.Episodes.AsNoTracking().Where(e => visibleFamilies.Contains(e.FamilyId));
    }

    /// <summary>The ids of the families a user may see.</summary>
    public IQueryable<Guid> VisibleFamilyIds(ClaimsPrincipal user) => VisibleFamilyIds(user, db.Episodes.AsNoTracking());

    /// <summary>Asked of the one family's episodes, so the database looks at those only, not at every family the user may see.</summary>
    public Task<bool> CanSeeAsync(ClaimsPrincipal user, Guid familyId) =>
        VisibleFamilyIds(user, db.Episodes.AsNoTracking().Where(e => e.FamilyId == familyId)).AnyAsync();

    private IQueryable<Guid> VisibleFamilyIds(ClaimsPrincipal user, IQueryable<Episode> episodes)
    {
        var userId = UserId(user) ?? "";
        var team = TeamId(user);
        if (user.IsInRole(Roles.Manager))
        {
            // Their team's families, and the front door's enquiries not yet allocated to any team.
            return episodes.Where(e => (team != null && e.TeamId == team) || (e.TeamId == null && e.Stage == EpisodeStage.Enquiry)).Select(e => e.FamilyId).Distinct();
        }

        if (user.IsInRole(Roles.Practitioner))
        {
            // Two index lookups joined, rather than one OR, for which the database reads every episode.
            return episodes
                .Where(e => e.LeadPractitionerId == userId)
                .Select(e => e.FamilyId)
                .Union(db.TeamAroundTheFamily.Where(m => m.UserId == userId).Join(episodes, m => m.EpisodeId, e => e.Id, (_, e) => e.FamilyId));
        }

        if (user.IsInRole(Roles.Analyst) || user.IsInRole(Roles.Auditor))
        {
            return episodes.Where(e => e.ClosedOn != null).Select(e => e.FamilyId).Distinct();
        }

        return episodes.Where(_ => false).Select(e => e.FamilyId);
    }

    /// <summary>Analysts and auditors read; the people working with the family change it.</summary>
    public static bool MayChange(ClaimsPrincipal user) => user.IsInRole(Roles.Practitioner) || user.IsInRole(Roles.Manager);
}

/// <summary>Adds the user's team to their sign-in, so that access checks need no extra query.</summary>
public sealed class ClaimsFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, Microsoft.Extensions.Options.IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.GivenName, user.DisplayName));
        if (user.TeamId is { } team)
        {
            identity.AddClaim(new Claim(CaseAccess.TeamClaim, team.ToString()));
        }

        return identity;
    }
}
