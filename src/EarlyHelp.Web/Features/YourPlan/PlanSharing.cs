using System.Security.Cryptography;
using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.YourPlan;

/// <summary>
/// Sharing a Family Plan with a family member, who has no account: a link and an access code given apart (the
/// code in person or by phone, the link by text or e-mail), so that a forwarded message alone opens nothing. Once
/// the code is right, a short-lived cookie lets them read the plan at /your-plan.
/// </summary>
public sealed class PlanSharing(EarlyHelpDbContext db, TimeProvider clock, IDataProtectionProvider protection)
{
    public const int DaysValid = 90;

    /// <summary>Wrong codes before the link locks; with 32^8 codes that leaves no chance of guessing.</summary>
    public const int MaxFailedAttempts = 5;

    public const string CookieName = "earlyhelp-your-plan";

    public static readonly TimeSpan ReadingTime = TimeSpan.FromMinutes(30);

    /// <summary>Letters and digits that cannot be mistaken for each other when read aloud or copied (no I, O, 0 or 1).</summary>
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private static readonly PasswordHasher<PlanShare> Codes = new();

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("EarlyHelp.YourPlan").ToTimeLimitedDataProtector();

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    /// <summary>A new share: the link's token and the access code, each shown once.</summary>
    public sealed record Made(PlanShare Share, string Token, string Code);

    public async Task<Made> MakeAsync(Episode episode, FamilyMember member, string userId)
    {
        var token = Secrets.RandomUrlSafe();
        var code = RandomNumberGenerator.GetString(CodeAlphabet, 8);
        var share = new PlanShare
        {
            FamilyId = episode.FamilyId,
            EpisodeId = episode.Id,
            MemberId = member.Id,
            TokenHash = Secrets.Sha256Hex(token),
            CodeHash = "",
            CreatedAt = clock.GetUtcNow(),
            CreatedById = userId,
            ExpiresOn = Today.AddDays(DaysValid),
        };
        share.CodeHash = Codes.HashPassword(share, code);
        db.PlanShares.Add(share);
        await db.SaveChangesAsync();
        return new(share, token, $"{code[..4]}-{code[4..]}");
    }

    public enum Standing
    {
        Open,
        Expired,
        Revoked,
        Locked,
    }

    public Standing StandingOf(PlanShare share) =>
        share.RevokedAt is not null ? Standing.Revoked
        : share.FailedAttempts >= MaxFailedAttempts ? Standing.Locked
        : share.ExpiresOn < Today ? Standing.Expired
        : Standing.Open;

    /// <summary>The share a link's token names, whatever its standing; null when there is none.</summary>
    public Task<PlanShare?> FindAsync(string token)
    {
        var hash = Secrets.Sha256Hex(token);
        return db.PlanShares.AsNoTracking().SingleOrDefaultAsync(s => s.TokenHash == hash);
    }

    /// <summary>
    /// Checks the code typed for an open share. Each try first takes one of the share's attempts, in one statement
    /// that fails once they are used up, so that many tries at the same moment cannot slip past the lock; a right
    /// code gives its attempt back. True when the code is right; <paramref name="share"/> then has the attempts used.
    /// </summary>
    public async Task<bool> CheckCodeAsync(PlanShare share, string typed)
    {
        var taken = await db.PlanShares.Where(s => s.Id == share.Id && s.FailedAttempts < MaxFailedAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.FailedAttempts, x => x.FailedAttempts + 1));
        if (taken == 0)
        {
            share.FailedAttempts = MaxFailedAttempts;
            return false;
        }

        var code = new string([.. typed.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant)]);
        if (Codes.VerifyHashedPassword(share, share.CodeHash, code) == PasswordVerificationResult.Failed)
        {
            share.FailedAttempts = await db.PlanShares.Where(s => s.Id == share.Id).Select(s => s.FailedAttempts).SingleAsync();
            return false;
        }

        var now = clock.GetUtcNow();
        await db.PlanShares.Where(s => s.Id == share.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.FailedAttempts, x => x.FailedAttempts - 1).SetProperty(x => x.LastOpenedAt, now));
        return true;
    }

    public string CookieValue(PlanShare share) => Protector.Protect(share.Id.ToString(), ReadingTime);

    /// <summary>The open share a reading cookie names; null when it is missing, tampered with, out of time or the share has ended.</summary>
    public async Task<PlanShare?> FromCookieAsync(string? cookie)
    {
        if (string.IsNullOrEmpty(cookie))
        {
            return null;
        }

        Guid id;
        try
        {
            id = Guid.Parse(Protector.Unprotect(cookie));
        }
        catch (CryptographicException)
        {
            return null;
        }

        var share = await db.PlanShares.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id);
        return share is not null && StandingOf(share) == Standing.Open ? share : null;
    }

    /// <summary>Who an audit entry made by a shared link names, in place of a user id.</summary>
    public static string AuditUser(PlanShare share) => $"{AuditPrefix}{share.Id}";

    public const string AuditPrefix = "plan-link:";
}
