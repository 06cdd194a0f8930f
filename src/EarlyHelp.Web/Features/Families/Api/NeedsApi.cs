using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families.Inputs;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Families.Api;

public static class NeedsApi
{
    public static void MapNeedsApi(this RouteGroupBuilder family)
    {
        family.MapGet("/needs", async (Guid id, EarlyHelpDbContext db) =>
                TypedResults.Ok((await FamilyRecord.Latest(db, id).SelectMany(e => e.Needs).ToListAsync())
                    .OrderBy(n => n.IdentifiedOn).ThenBy(n => n.Code, StringComparer.Ordinal).Select(NeedView.From).ToList()))
            .WithName("ListNeeds")
            .WithSummary("The needs of the family's current episode (the open one, or else the latest)");

        family.MapGet("/needs/{needId:guid}", async (Guid id, Guid needId, EarlyHelpDbContext db) =>
                await db.Needs.AsNoTracking().SingleOrDefaultAsync(n => n.Id == needId && db.Episodes.Any(e => e.Id == n.EpisodeId && e.FamilyId == id)) is { } need
                    ? Results.Ok(NeedView.From(need))
                    : FamilyRecord.NotFound("need"))
            .Produces<NeedView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetNeed")
            .WithSummary("One need of any of the family's episodes");

        family.MapPost("/needs", async (Guid id, HttpRequest request, EarlyHelpDbContext db, Engine engine, FamilyVerdicts verdicts, TimeProvider clock) =>
            {
                var (change, problem) = await FamilyRecord.ReadChangeAsync<NeedInput>(request, db, id, (input, record, episode) =>
                    engine.Frameworks.TryGet(episode.FrameworkId, out var framework)
                        ? input.CheckAgainst(record, episode, framework)
                        : [new($"The episode's framework {episode.FrameworkId} is not installed", [nameof(NeedInput.Code)])]);
                if (change is null)
                {
                    return problem!;
                }

                var need = change.Input.ToNeed(change.Episode, DateOnly.FromDateTime(clock.GetLocalNow().Date));
                db.Needs.Add(need);
                await verdicts.RefreshAsync(change.Family, change.Episode);
                await db.SaveChangesAsync();
                return TypedResults.Created($"/api/families/{id}/needs/{need.Id}", NeedView.From(need));
            })
            .Accepts<NeedInput>("application/json")
            .Produces<NeedView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName("AddNeed")
            .WithSummary("Record a need on the family's open episode")
            .WithDescription("The code must be a need of the episode's framework; a need the framework applies to a person needs the member who has it. The date identified defaults to today. 409 when the family has no open episode.");

        family.MapDelete("/needs/{needId:guid}", async (Guid id, Guid needId, EarlyHelpDbContext db, FamilyVerdicts verdicts) =>
            {
                var record = await FamilyRecord.ForChangeAsync(db, id);
                var owner = record.Episodes.FirstOrDefault(e => e.Needs.Any(n => n.Id == needId));
                if (owner is null)
                {
                    return FamilyRecord.NotFound("need");
                }

                if (owner != record.CurrentEpisode)
                {
                    return FamilyRecord.Closed(record);
                }

                var need = owner.Needs.Single(n => n.Id == needId);
                // Evidence withdrawn as recorded in error does not hold the need.
                var evidence = await db.Evidence.Where(v => v.EpisodeId == owner.Id && v.NeedCode == need.Code && v.MemberId == need.MemberId).ToListAsync();
                if (evidence.Any(v => v.Withdrawal is null))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Evidence is recorded for this need, so it cannot be removed");
                }

                if (!owner.Needs.Any(n => n.Code == need.Code && n.Id != need.Id) && await db.Actions.AnyAsync(a => a.EpisodeId == owner.Id && a.NeedCode == need.Code))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The Family Plan has actions for this need, so it cannot be removed");
                }

                owner.Needs.Remove(need);
                db.Needs.Remove(need);
                await verdicts.RefreshAsync(record, owner);
                await db.SaveChangesAsync();
                return TypedResults.NoContent();
            })
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RemoveNeed")
            .WithSummary("Remove a need recorded in error from the family's open episode")
            .WithDescription("Refused with 409 when evidence is recorded for the need, when Family Plan actions answer it, or when its episode is closed.");
    }
}
