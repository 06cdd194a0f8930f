namespace EarlyHelp.Web.Features.Frameworks;

public static class FrameworksApi
{
    public static void MapFrameworksApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/frameworks", (Engine engine) => Results.Json(engine.Frameworks.All.Select(FrameworkJson.Summary)))
            .WithName("ListFrameworks")
            .WithSummary("The outcome frameworks the engine knows");
        app.MapGet("/api/frameworks/{id}", (string id, Engine engine) =>
                engine.Frameworks.TryGet(id, out var f) ? Results.Json(FrameworkJson.Full(f)) : Results.NotFound())
            .WithName("GetFramework")
            .WithSummary("One outcome framework: headline outcomes, needs, outcomes, evidence and criteria");
    }
}
