using EarlyHelp.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.People;

/// <summary>
/// What an administrator does to accounts: sets roles, makes a set-password link (there is no e-mail: the
/// administrator sends it), stops a leaver's access and restores it.
/// </summary>
public sealed class PeopleDesk(UserManager<ApplicationUser> users, EarlyHelpDbContext db, TimeProvider clock)
{
    /// <summary>A stopped account is locked until this far-off day: a lockout for failed sign-ins lasts 15 minutes.</summary>
    public static readonly DateTimeOffset StoppedUntil = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public enum Status
    {
        Active,
        NoPasswordYet,
        Locked,
        Stopped,
    }

    public Status StatusOf(ApplicationUser user, bool signsInWithCouncil) =>
        user.LockoutEnd >= StoppedUntil ? Status.Stopped
        : user.LockoutEnd > clock.GetUtcNow() ? Status.Locked
        : user.PasswordHash is null && !signsInWithCouncil ? Status.NoPasswordYet
        : Status.Active;

    public static string StatusText(Status status) => status switch
    {
        Status.Stopped => "Access stopped",
        Status.Locked => "Locked for 15 minutes",
        Status.NoPasswordYet => "No password yet",
        _ => "Active",
    };

    /// <summary>A link the person opens to choose their password; it works once, for 3 days.</summary>
    public async Task<string> SetPasswordLinkAsync(ApplicationUser user, HttpRequest request)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return $"{request.Scheme}://{request.Host}/set-password?email={Uri.EscapeDataString(user.Email!)}&token={Uri.EscapeDataString(token)}";
    }

    /// <summary>
    /// Roles become exactly these. Changing the security stamp signs the person out everywhere within 30 minutes
    /// (Identity's check), so that a role taken away stops working.
    /// </summary>
    public async Task SetRolesAsync(ApplicationUser user, IReadOnlyCollection<string> roles)
    {
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(roles));
        await users.AddToRolesAsync(user, roles.Except(current));
        await users.UpdateSecurityStampAsync(user);
    }

    /// <summary>A leaver: no sign-in, no session (within 30 minutes), no API token. Their records stay.</summary>
    public async Task StopAccessAsync(ApplicationUser user, string byId)
    {
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, StoppedUntil);
        await users.UpdateSecurityStampAsync(user);
        var now = clock.GetUtcNow();
        await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedById, byId));
    }

    public async Task RestoreAccessAsync(ApplicationUser user)
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }
}
