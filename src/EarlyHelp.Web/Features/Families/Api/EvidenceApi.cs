using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families.Inputs;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Families.Api;

public static class EvidenceApi
{
    public static void MapEvidenceApi(this RouteGroupBuilder family)
    {
        family.MapGet("/evidence", async (Guid id, EarlyHelpDbContext db) =>
                TypedResults.Ok((await FamilyRecord.Latest(db, id).SelectMany(e => e.Evidence).ToListAsync())
                    .OrderBy(v => v.RecordedOn).ThenBy(v => v.NeedCode, StringComparer.Ordinal).Select(EvidenceView.From).ToList()))
            .WithName("ListEvidence")
            .WithSummary("The evidence recorded in the current episode (the open one, or else the latest), by date");

        family.MapGet("/evidence/{evidenceId:guid}", async (Guid id, Guid evidenceId, EarlyHelpDbContext db) =>
                await db.Evidence.AsNoTracking().SingleOrDefaultAsync(v => v.Id == evidenceId && db.Episodes.Any(e => e.Id == v.EpisodeId && e.FamilyId == id)) is { } entry
                    ? Results.Ok(EvidenceView.From(entry))
                    : FamilyRecord.NotFound("evidence"))
            .Produces<EvidenceView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetEvidence")
            .WithSummary("One piece of evidence from any of the family's episodes");

        family.MapPost("/evidence", async (Guid id, HttpRequest request, EarlyHelpDbContext db, FamilyVerdicts verdicts) =>
            {
                var (change, problem) = await FamilyRecord.ReadChangeAsync<EvidenceInput>(request, db, id, (input, _, episode) => input.CheckAgainst(episode));
                if (change is null)
                {
                    return problem!;
                }

                var entry = change.Input.ToEntry(change.Episode, CaseAccess.UserId(request.HttpContext.User)!);
                db.Evidence.Add(entry);
                await verdicts.RefreshAsync(change.Family, change.Episode);
                await db.SaveChangesAsync();
                return TypedResults.Created($"/api/families/{id}/evidence/{entry.Id}", EvidenceView.From(entry));
            })
            .Accepts<EvidenceInput>("application/json")
            .Produces<EvidenceView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName("AddEvidence")
            .WithSummary("Record evidence of a need's outcome in the open episode")
            .WithDescription("needId is the id of one of the episode's needs (GET needs). A validated measure needs the instrument and both scores, within the instrument's range. The engine's stored verdict is refreshed. 409 when the family has no open episode.");
    }
}
