using EarlyHelp.Core.Frameworks;
using EarlyHelp.Web.Features.Evaluation;
using EarlyHelp.Web.Features.Frameworks;

namespace EarlyHelp.Web;

public static class WebHost
{
    public const string DefaultUrl = "http://localhost:5080";

    public static async Task<int> RunAsync(string[] args)
    {
        Engine engine;
        try
        {
            engine = Engine.Load();
        }
        catch (FrameworkDefinitionException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }

        var app = Build(args, engine);
        await app.RunAsync();
        return 0;
    }

    public static WebApplication Build(string[] args, Engine engine, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory, ApplicationName = typeof(WebHost).Assembly.GetName().Name });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS")))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddSingleton(engine);
        builder.Services.AddRazorPages(o => o.RootDirectory = "/Features");
        builder.Services.AddOpenApi();
        configure?.Invoke(builder);

        var app = builder.Build();
        Directory.CreateDirectory(AppPaths.Data);
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapRazorPages();
        app.MapEvaluationApi();
        app.MapFrameworksApi();
        return app;
    }
}
