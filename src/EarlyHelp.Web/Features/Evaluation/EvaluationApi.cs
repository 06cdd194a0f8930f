using System.Text.Json;
using EarlyHelp.Core.Outcomes;

namespace EarlyHelp.Web.Features.Evaluation;

public static class EvaluationApi
{
    /// <summary>POST /api/evaluate: the same case file as <c>earlyhelp evaluate</c>, the same verdict.</summary>
    public static void MapEvaluationApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/evaluate", async (HttpRequest request, Engine engine) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var (file, errors) = engine.Reader.Read(body.ToArray());
            if (file is null)
            {
                return Results.Json(
                    new { title = "The case file has problems", status = 400, errors = errors.Select(e => e.ToString()) },
                    statusCode: StatusCodes.Status400BadRequest,
                    contentType: "application/problem+json");
            }

            var verdict = engine.Evaluator.Evaluate(file);
            return Results.Text(VerdictJson.ToJson(verdict, indented: false), "application/json");
        })
        .Accepts<JsonElement>("application/json")
        .Produces<JsonElement>(StatusCodes.Status200OK)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .WithName("Evaluate")
        .WithSummary("Evaluate a family case file against its outcome framework")
        .WithDescription("The body is a case file as contracts/evaluate.md describes; the answer is the verdict: eligibility, each need's outcome and claim readiness.");
}
