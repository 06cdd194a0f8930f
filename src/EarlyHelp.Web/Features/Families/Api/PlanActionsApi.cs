using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families.Inputs;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;

namespace EarlyHelp.Web.Features.Families.Api;

public static class PlanActionsApi
{
    public static void MapPlanActionsApi(this RouteGroupBuilder family)
    {
        family.MapGet("/actions", async (Guid id, EarlyHelpDbContext db) =>
                TypedResults.Ok((await FamilyRecord.Latest(db, id).SelectMany(e => e.Actions).ToListAsync())
                    .OrderBy(a => a.DueOn).ThenBy(a => a.What, StringComparer.Ordinal).Select(PlanActionView.From).ToList()))
            .WithName("ListPlanActions")
            .WithSummary("The Family Plan's actions in the current episode (the open one, or else the latest), by due date");

        family.MapGet("/actions/{actionId:guid}", async (Guid id, Guid actionId, EarlyHelpDbContext db) =>
                await FindAsync(db.Actions.AsNoTracking(), db, id, actionId) is { } action
                    ? Results.Ok(PlanActionView.From(action))
                    : FamilyRecord.NotFound("action"))
            .Produces<PlanActionView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetPlanAction")
            .WithSummary("One action of the Family Plan, with the version to send back when changing it");

        family.MapPost("/actions", async (Guid id, HttpRequest request, EarlyHelpDbContext db) =>
            {
                var (change, problem) = await FamilyRecord.ReadChangeAsync<PlanActionInput>(request, db, id, (input, _, episode) => input.CheckAgainst(episode));
                if (change is null)
                {
                    return problem!;
                }

                var action = new PlanAction { EpisodeId = change.Episode.Id, What = "", Who = "", Agency = "" };
                change.Input.ApplyTo(action);
                db.Actions.Add(action);
                await db.SaveChangesAsync();
                return TypedResults.Created($"/api/families/{id}/actions/{action.Id}", PlanActionView.From(action));
            })
            .Accepts<PlanActionInput>("application/json")
            .Produces<PlanActionView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName("AddPlanAction")
            .WithSummary("Add an action to the Family Plan of the open episode")
            .WithDescription("What, who, their agency, the due date and the priority are required; needCode, when given, must be one of the episode's needs. The version is ignored. 409 when the family has no open episode.");

        family.MapPut("/actions/{actionId:guid}", async (Guid id, Guid actionId, HttpRequest request, EarlyHelpDbContext db) =>
            {
                var (input, problem) = await ApiBody.ReadAsync<PlanActionInput>(request);
                if (input is null)
                {
                    return problem!;
                }

                if (input.Version is not { } startedFrom)
                {
                    return InputCheck.Problem([new("Send the version of the action your change was made from", [nameof(PlanActionInput.Version)])]);
                }

                if (await FindAsync(db.Actions, db, id, actionId) is not { } action)
                {
                    return FamilyRecord.NotFound("action");
                }

                var episode = await db.Episodes.Include(e => e.Needs).SingleAsync(e => e.Id == action.EpisodeId);
                if (episode.Stage == EpisodeStage.Closed)
                {
                    return FamilyRecord.Closed(await db.Families.SingleAsync(f => f.Id == id));
                }

                var problems = input.CheckAgainst(episode).ToList();
                if (problems.Count > 0)
                {
                    return InputCheck.Problem(problems);
                }

                // Someone else saved the action after this change was started: they are not overwritten, and the
                // caller gets the action as it now is, to make their change again from it.
                if (action.Version != startedFrom)
                {
                    return TypedResults.Conflict(PlanActionView.From(action));
                }

                input.ApplyTo(action);
                if (!await db.TrySaveFromAsync(action, startedFrom))
                {
                    await db.Entry(action).ReloadAsync();
                    return TypedResults.Conflict(PlanActionView.From(action));
                }

                return TypedResults.Ok(PlanActionView.From(action));
            })
            .Accepts<PlanActionInput>("application/json")
            .Produces<PlanActionView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
            {
                // 409 has two answers, which metadata alone cannot describe: the action as it now is, or a problem.
                if (operation.Responses?.GetValueOrDefault("409")?.Content is { } conflict)
                {
                    conflict["application/json"] = new OpenApiMediaType { Schema = await context.GetOrCreateSchemaAsync(typeof(PlanActionView), null, cancellationToken) };
                }
            })
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName("ChangePlanAction")
            .WithSummary("Change an action of the Family Plan, from the version it was read at")
            .WithDescription("The body is the whole action, with the version it was read at (GET gives it). When someone has saved the action since, nothing is overwritten: the answer is 409 with the action as it now is (application/json). 409 as a problem (application/problem+json) when its episode is closed.");
    }

    /// <summary>An action of any of the family's episodes; one of another family is not found, whatever its id.</summary>
    private static Task<PlanAction?> FindAsync(IQueryable<PlanAction> actions, EarlyHelpDbContext db, Guid id, Guid actionId) =>
        actions.SingleOrDefaultAsync(a => a.Id == actionId && db.Episodes.Any(e => e.Id == a.EpisodeId && e.FamilyId == id));
}
