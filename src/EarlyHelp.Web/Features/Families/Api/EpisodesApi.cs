using EarlyHelp.Data;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Families.Api;

public static class EpisodesApi
{
    public static void MapEpisodesApi(this RouteGroupBuilder family)
    {
        family.MapGet("/episodes", async (Guid id, EarlyHelpDbContext db) =>
                TypedResults.Ok((await db.Episodes.AsNoTracking().Include(e => e.Needs).Where(e => e.FamilyId == id).OrderBy(e => e.Number).ToListAsync())
                    .Select(EpisodeView.From)
                    .ToList()))
            .WithName("ListEpisodes")
            .WithSummary("The family's episodes, first to latest, each with its needs");

        family.MapGet("/episodes/{number:int}", async (Guid id, int number, EarlyHelpDbContext db) =>
                await db.Episodes.AsNoTracking()
                    .Include(e => e.Needs)
                    .Include(e => e.Actions)
                    .Include(e => e.Evidence)
                    .Include(e => e.TeamAroundTheFamily)
                    .AsSplitQuery()
                    .SingleOrDefaultAsync(e => e.FamilyId == id && e.Number == number) is { } episode
                    ? Results.Ok(new EpisodeDetail(episode))
                    : FamilyRecord.NotFound("episode"))
            .Produces<EpisodeDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetEpisode")
            .WithSummary("One episode by its number, with its needs, Family Plan actions, evidence and Team Around the Family");
    }
}
