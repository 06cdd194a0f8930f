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

        family.MapPost("/evidence/{evidenceId:guid}/withdrawal", async (Guid id, Guid evidenceId, HttpRequest request, EarlyHelpDbContext db, FamilyVerdicts verdicts, TimeProvider clock) =>
            {
                var (input, problem) = await ApiBody.ReadAsync<EvidenceWithdrawalInput>(request);
                if (input is null)
                {
                    return problem!;
                }

                var family = await FamilyRecord.ForChangeAsync(db, id);
                var entry = await db.Evidence.SingleOrDefaultAsync(v => v.Id == evidenceId && db.Episodes.Any(e => e.Id == v.EpisodeId && e.FamilyId == id));
                if (entry is null)
                {
                    return FamilyRecord.NotFound("evidence");
                }

                var episode = family.Episodes.MaxBy(e => e.Number)!;
                if (entry.EpisodeId != episode.Id || entry.Withdrawal is not null)
                {
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status409Conflict,
                        title: entry.Withdrawal is not null ? "This evidence has already been withdrawn" : "This evidence is from an earlier episode, which is kept as it was");
                }

                var user = request.HttpContext.User;
                if (!EvidenceWithdrawals.MayWithdraw(user, episode, entry))
                {
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status403Forbidden,
                        title: "Only the practitioner who recorded this evidence, the lead practitioner or a manager may withdraw it");
                }

                EvidenceWithdrawals.Withdraw(entry, CaseAccess.UserId(user)!, input.Reason!, clock.GetUtcNow());
                await verdicts.RefreshAsync(family, episode);
                await db.SaveChangesAsync();
                return Results.Ok(EvidenceView.From(entry));
            })
            .Accepts<EvidenceWithdrawalInput>("application/json")
            .Produces<EvidenceView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName("WithdrawEvidence")
            .WithSummary("Withdraw a piece of evidence recorded in error, saying why")
            .WithDescription("The evidence is kept, marked withdrawn, and the engine no longer reads it; the stored verdict is refreshed. Evidence of the current episode only (the open one, or else the latest), by the practitioner who recorded it, the lead practitioner or a manager (403 otherwise). 409 when it is already withdrawn or from an earlier episode. A claim already made keeps the case file it was judged on.");
    }
}
