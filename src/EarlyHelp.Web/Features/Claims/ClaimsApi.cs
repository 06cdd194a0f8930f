using EarlyHelp.Core.Claims;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Claims;

/// <summary>
/// Payment-by-results claims as JSON, read only, for the roles that see the claims pages: each claim's state and
/// totals, and its families with the auditor's checks and any evidence withdrawn since it was built. The case file
/// a line froze stays in the evidence pack, which is a read of the family's record and checked as one.
/// </summary>
public static class ClaimsApi
{
    public sealed record ClaimSummary(
        Guid Id, string Programme, string Window, DateOnly WindowOpens, DateOnly WindowCloses, ClaimState State,
        DateTimeOffset CreatedAt, DateTimeOffset? SentForAuditAt, DateTimeOffset? SubmittedAt, decimal PaymentPerFamily, int Families, decimal Amount);

    public sealed record ClaimView(ClaimSummary Claim, IReadOnlyList<LineView> Families, IReadOnlyList<WithdrawalView> WithdrawnSinceBuilt);

    /// <param name="HeadlineOutcomesMet">The national framework's headline outcome codes.</param>
    public sealed record LineView(
        Guid Id, Guid FamilyId, string FamilyReference, string? Team, DateOnly ClaimedOn, ClaimLineState State, decimal Payment,
        IReadOnlyList<string> HeadlineOutcomesMet, bool JudgementOnly, string FrameworkHash, bool Sampled, AuditResult? AuditResult, string? AuditReason, DateTimeOffset? AuditedAt);

    public sealed record WithdrawalView(Guid LineId, string FamilyReference, string NeedCode, DateOnly EvidenceOf, DateTimeOffset WithdrawnAt, string Reason, bool AwaitsCheck);

    public static void MapClaimsApi(this IEndpointRouteBuilder app)
    {
        var claims = app.MapGroup("/api/claims")
            .RequireAuthorization(new AuthorizeAttribute { Roles = $"{Roles.Analyst},{Roles.Auditor},{Roles.Manager}" })
            .WithTags("Claims")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        claims.MapGet("/", async (EarlyHelpDbContext db) =>
            {
                var all = await db.Claims.AsNoTracking().Include(c => c.Lines).ToListAsync();
                return TypedResults.Ok(all.OrderByDescending(c => c.CreatedAt).Select(Summary).ToList());
            })
            .WithName("ListClaims")
            .WithSummary("Every claim, newest first, with its state, families and amount (rejected families not counted)");

        claims.MapGet("/{claimId:guid}", async (Guid claimId, ClaimDesk desk, EarlyHelpDbContext db) =>
            {
                if (await desk.FindAsync(claimId) is not { } claim)
                {
                    return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such claim");
                }

                var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name);
                var withdrawn = await desk.WithdrawnSinceClaimedAsync(claim);
                return Results.Ok(new ClaimView(
                    Summary(claim),
                    [.. claim.Lines.OrderBy(l => l.FamilyReference, StringComparer.Ordinal).Select(l => new LineView(
                        l.Id, l.FamilyId, l.FamilyReference, l.TeamId is { } team ? teams.GetValueOrDefault(team) : null, l.ClaimedOn, l.State, l.Payment,
                        l.HeadlineOutcomesMet.Split(',', StringSplitOptions.RemoveEmptyEntries), l.JudgementOnly, l.FrameworkHash, l.Sampled, l.AuditResult, l.AuditReason, l.AuditedAt))],
                    [.. withdrawn.Select(w => new WithdrawalView(w.Line.Id, w.Line.FamilyReference, w.NeedCode, w.EvidenceOf, w.At, w.Reason, w.AwaitsCheck))]));
            })
            .Produces<ClaimView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetClaim")
            .WithSummary("One claim with its families, the auditor's checks and evidence withdrawn since it was built");
    }

    private static ClaimSummary Summary(Claim c)
    {
        var standing = c.Lines.Where(l => l.State != ClaimLineState.Rejected).ToList();
        return new(c.Id, c.Programme, c.WindowName, c.WindowOpens, c.WindowCloses, c.State, c.CreatedAt, c.SentForAuditAt, c.SubmittedAt, c.PaymentPerFamily, standing.Count, standing.Sum(l => l.Payment));
    }
}
