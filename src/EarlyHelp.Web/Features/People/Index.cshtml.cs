using EarlyHelp.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.People;

/// <summary>Everyone who can sign in, with their agency, team, roles and whether they can sign in now.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class IndexModel(EarlyHelpDbContext db, PeopleDesk desk) : PageModel
{
    public sealed record Row(ApplicationUser User, string? Team, IReadOnlyList<string> Roles, PeopleDesk.Status Status);

    public IReadOnlyList<Row> People { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync();
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name);
        var roles = (await db.UserRoles.AsNoTracking().Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync())
            .ToLookup(r => r.UserId, r => r.Name!);
        var council = (await db.UserLogins.AsNoTracking().Select(l => l.UserId).ToListAsync()).ToHashSet();
        People = [.. users.Select(u => new Row(
            u,
            u.TeamId is { } team ? teams.GetValueOrDefault(team) : null,
            [.. roles[u.Id].Order(StringComparer.Ordinal)],
            desk.StatusOf(u, council.Contains(u.Id))))];
    }
}
