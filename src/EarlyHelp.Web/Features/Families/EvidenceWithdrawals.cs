using System.Security.Claims;
using EarlyHelp.Core.Casework;
using EarlyHelp.Core.Claims;
using EarlyHelp.Data;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Families;

/// <summary>
/// Evidence recorded in error is withdrawn, never deleted: it stays in the record, marked with who withdrew it, when
/// and why, and the outcomes engine stops reading it. A claim already made keeps the case file it was judged on, so
/// whoever withdraws evidence is told which claims hold the family.
/// </summary>
public static class EvidenceWithdrawals
{
    /// <summary>The practitioner who recorded it may withdraw it, and so may whoever coordinates the family.</summary>
    public static bool MayWithdraw(ClaimsPrincipal user, Episode episode, EvidenceEntry entry) =>
        CaseAccess.MayChange(user)
        && entry.Withdrawal is null
        && (entry.RecordedById == CaseAccess.UserId(user) || Coordination.Coordinates(user, episode));

    public static void Withdraw(EvidenceEntry entry, string userId, string reason, DateTimeOffset now) =>
        entry.Withdrawal = new EvidenceWithdrawal { At = now, ById = userId, Reason = reason.Trim() };

    /// <summary>A payment-by-results claim the episode is in, not rejected by the auditor.</summary>
    public sealed record HeldBy(Guid ClaimId, string WindowName, ClaimLineState State);

    public static Task<List<HeldBy>> ClaimsHoldingAsync(EarlyHelpDbContext db, Guid episodeId) => db.ClaimLines.AsNoTracking()
        .Where(l => l.EpisodeId == episodeId && l.State != ClaimLineState.Rejected)
        .Select(l => new HeldBy(l.ClaimId, l.WindowName, l.State))
        .ToListAsync();
}
