using EarlyHelp.Core.Casework;
using EarlyHelp.Core.Outcomes;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families.Api;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Families;

/// <summary>
/// The families API: the same access rules and audit as the pages. Anyone not signed in gets 401. Every call on
/// one family passes <see cref="FamilyGate"/>: a family the caller may not see, or may not change, is a 403 and
/// the refusal is audited. Each resource of a family's record has its file in Api/.
/// </summary>
public static class FamiliesApi
{
    public static void MapFamiliesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/families")
            .RequireAuthorization()
            .WithTags("Families")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

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
                        f.Episodes.OrderByDescending(e => e.Number).Select(e => (EpisodeStage?)e.Stage).FirstOrDefault(),
                        f.Episodes.OrderByDescending(e => e.Number).Select(e => (DateOnly?)e.ReceivedOn).FirstOrDefault()))
                    .ToListAsync();
                return TypedResults.Ok(families);
            })
            .WithName("ListFamilies")
            .WithSummary("The families the caller may see, 100 a page, by reference");

        var family = api.MapGroup("/{id:guid}")
            .AddEndpointFilter<FamilyGate>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        family.MapGet("/", async (Guid id, EarlyHelpDbContext db) => TypedResults.Ok(FamilyView.From(await LoadAsync(db, id))))
            .WithName("GetFamily")
            .WithSummary("A family: address, members and episodes with their needs");

        family.MapGet("/verdict", async (Guid id, EarlyHelpDbContext db, FamilyVerdicts verdicts) =>
            {
                var record = await LoadAsync(db, id);
                var (verdict, _) = await verdicts.EvaluateAsync(record, record.Episodes.MaxBy(e => e.Number)!);
                return verdict is null ? Results.NotFound() : Results.Text(VerdictJson.ToJson(verdict, indented: false), "application/json");
            })
            .Produces<System.Text.Json.JsonElement>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetFamilyVerdict")
            .WithSummary("The outcomes engine's verdict on the family's latest episode, as earlyhelp evaluate gives it")
            .WithDescription("404 when the episode's framework is not installed.");

        family.MapMembersApi();
        family.MapEpisodesApi();
        family.MapNeedsApi();
        family.MapPlanActionsApi();
        family.MapEvidenceApi();
    }

    /// <summary>The family the gate let through: it exists, or the caller could not have seen it.</summary>
    private static Task<Family> LoadAsync(EarlyHelpDbContext db, Guid id) => db.Families.AsNoTracking()
        .Include(f => f.Members)
        .Include(f => f.Episodes).ThenInclude(e => e.Needs)
        .Include(f => f.Episodes).ThenInclude(e => e.Evidence)
        .AsSplitQuery()
        .SingleAsync(f => f.Id == id);
}
