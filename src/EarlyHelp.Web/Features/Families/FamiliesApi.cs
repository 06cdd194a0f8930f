using EarlyHelp.Core.Casework;
using EarlyHelp.Core.Outcomes;
using EarlyHelp.Data;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Families;

/// <summary>
/// The families API: the same access rules and audit as the pages. Anyone not signed in gets 401; a family
/// the caller may not see is a 403, and the refusal is audited.
/// </summary>
public static class FamiliesApi
{
    public sealed record FamilySummary(Guid Id, string Reference, string? Stage, DateOnly? ReceivedOn);

    public sealed record MemberView(Guid Id, string GivenName, string FamilyName, DateOnly? DateOfBirth, string Relationship, string? NhsNumber, string? UniquePupilNumber);

    public sealed record NeedView(string Code, Guid? MemberId, DateOnly IdentifiedOn);

    public sealed record EpisodeView(
        Guid Id,
        int Number,
        string Stage,
        string FrameworkId,
        DateOnly ReceivedOn,
        string EnquirySource,
        string? Decision,
        Guid? TeamId,
        string? LeadPractitionerId,
        DateOnly? AllocatedOn,
        DateOnly? AssessmentCompletedOn,
        DateOnly? FamilyPlanAgreedOn,
        DateOnly? ClosedOn,
        string? ClosureReason,
        IReadOnlyList<NeedView> Needs);

    public sealed record FamilyView(Guid Id, string Reference, Address Address, IReadOnlyList<MemberView> Members, IReadOnlyList<EpisodeView> Episodes);

    public static void MapFamiliesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/families").RequireAuthorization().WithTags("Families");

        api.MapGet("/", async (HttpContext http, CaseAccess access, EarlyHelpDbContext db, int? page) =>
            {
                var visible = access.VisibleFamilyIds(http.User);
                var families = await db.Families.AsNoTracking()
                    .Where(f => visible.Contains(f.Id))
                    .OrderBy(f => f.Reference)
                    .Skip((Math.Max(page ?? 1, 1) - 1) * 100)
                    .Take(100)
                    .Select(f => new FamilySummary(
                        f.Id,
                        f.Reference,
                        f.Episodes.OrderByDescending(e => e.Number).Select(e => e.Stage.ToString()).FirstOrDefault(),
                        f.Episodes.OrderByDescending(e => e.Number).Select(e => (DateOnly?)e.ReceivedOn).FirstOrDefault()))
                    .ToListAsync();
                return Results.Ok(families);
            })
            .WithName("ListFamilies")
            .WithSummary("The families the caller may see, 100 a page, by reference");

        api.MapGet("/{id:guid}", async (Guid id, HttpContext http, CaseAccess access, AuditLog audit, EarlyHelpDbContext db) =>
            {
                if (!await access.CanSeeAsync(http.User, id))
                {
                    await audit.WriteAsync(http, id, "refused");
                    return Results.Forbid();
                }

                await audit.WriteAsync(http, id, "read");
                var family = await Load(db, id);
                return family is null ? Results.NotFound() : Results.Ok(View(family));
            })
            .WithName("GetFamily")
            .WithSummary("A family: address, members and episodes with their needs");

        api.MapGet("/{id:guid}/verdict", async (Guid id, HttpContext http, CaseAccess access, AuditLog audit, EarlyHelpDbContext db, FamilyVerdicts verdicts) =>
            {
                if (!await access.CanSeeAsync(http.User, id))
                {
                    await audit.WriteAsync(http, id, "refused");
                    return Results.Forbid();
                }

                await audit.WriteAsync(http, id, "read");
                var family = await Load(db, id);
                if (family?.Episodes.MaxBy(e => e.Number) is not { } episode)
                {
                    return Results.NotFound();
                }

                var (verdict, _) = await verdicts.EvaluateAsync(family, episode);
                return verdict is null ? Results.NotFound() : Results.Text(VerdictJson.ToJson(verdict, indented: false), "application/json");
            })
            .WithName("GetFamilyVerdict")
            .WithSummary("The outcomes engine's verdict on the family's latest episode, as earlyhelp evaluate gives it");
    }

    private static Task<Family?> Load(EarlyHelpDbContext db, Guid id) => db.Families.AsNoTracking()
        .Include(f => f.Members)
        .Include(f => f.Episodes).ThenInclude(e => e.Needs)
        .Include(f => f.Episodes).ThenInclude(e => e.Evidence)
        .AsSplitQuery()
        .SingleOrDefaultAsync(f => f.Id == id);

    private static FamilyView View(Family f) => new(
        f.Id,
        f.Reference,
        f.Address,
        [.. f.Members.OrderBy(m => m.DateOfBirth).Select(m => new MemberView(m.Id, m.GivenName, m.FamilyName, m.DateOfBirth, m.Relationship, m.NhsNumber, m.UniquePupilNumber))],
        [.. f.Episodes.OrderBy(e => e.Number).Select(e => new EpisodeView(
            e.Id, e.Number, e.Stage.ToString(), e.FrameworkId, e.ReceivedOn, e.EnquirySource, e.Decision?.ToString(), e.TeamId, e.LeadPractitionerId,
            e.AllocatedOn, e.AssessmentCompletedOn, e.FamilyPlanAgreedOn, e.ClosedOn, e.ClosureReason?.ToString(),
            [.. e.Needs.OrderBy(n => n.IdentifiedOn).Select(n => new NeedView(n.Code, n.MemberId, n.IdentifiedOn))]))]);
}
