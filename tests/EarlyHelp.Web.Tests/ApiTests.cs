using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace EarlyHelp.Web.Tests;

/// <summary>The web host on a loopback port: the evaluation API gives the same answer as the command.</summary>
public sealed class ApiTests : IAsyncLifetime
{
    private WebApplication? app;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        app = WebHost.Build(["--urls", "http://127.0.0.1:0"], Engine.Load(Path.Combine(AppContext.BaseDirectory, "frameworks")));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    private Task<HttpResponseMessage> Post(string json) =>
        client.PostAsync("/api/evaluate", new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Evaluate_over_HTTP_gives_the_same_verdict_as_the_command()
    {
        var response = await Post(CaseFiles.Example);
        var command = await Host.RunAsync(CaseFiles.Example, "evaluate", "-");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(JsonNode.Parse(command.Out)!.ToJsonString(), JsonNode.Parse(await response.Content.ReadAsStringAsync())!.ToJsonString());
    }

    [Fact]
    public async Task Bad_input_over_HTTP_is_a_400_with_every_problem_and_its_path()
    {
        var response = await Post(CaseFiles.Bad);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsArray().Select(e => (string?)e).ToList();
        Assert.Contains("$.needs[0].code: unknown need code 'EDU-FOO' in framework national-2022", errors);
        Assert.Contains("$.episode.closed: closure 2023-06-28 is before the opening 2023-10-02", errors);
    }

    [Fact]
    public async Task The_API_is_described_by_OpenAPI()
    {
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        Assert.NotNull(document["paths"]!["/api/evaluate"]!["post"]);
        Assert.NotNull(document["paths"]!["/api/frameworks/{id}"]);
    }

    [Fact]
    public async Task The_API_reference_page_is_served()
    {
        var response = await client.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("EarlyHelp API", html, StringComparison.Ordinal);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        // The page's script is served by the application itself: nothing is fetched from elsewhere.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar/scalar.js")).StatusCode);
    }

    [Fact]
    public async Task Frameworks_are_served_as_JSON()
    {
        var list = JsonNode.Parse(await client.GetStringAsync("/api/frameworks"))!.AsArray();
        Assert.Contains(list, f => (string?)f!["id"] == "national-2022");
        var national = JsonNode.Parse(await client.GetStringAsync("/api/frameworks/national-2022"))!;
        Assert.Equal(10, national["headlineOutcomes"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/frameworks/nowhere")).StatusCode);
    }

    [Fact]
    public async Task The_start_page_lists_the_frameworks()
    {
        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(">Early help and Supporting Families</h1>", html, StringComparison.Ordinal);
        Assert.Contains("National Supporting Families Outcome Framework (2022)", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task The_GOV_UK_Frontend_styles_and_scripts_built_from_npm_are_served()
    {
        var css = await client.GetAsync("/lib/earlyhelp.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        var styles = await css.Content.ReadAsStringAsync();
        Assert.Contains(".govuk-summary-list", styles, StringComparison.Ordinal);
        Assert.Contains(".moj-sub-navigation", styles, StringComparison.Ordinal);
        Assert.DoesNotContain("GDS Transport", styles, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/lib/govuk/govuk-frontend.min.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/js/init.mjs")).StatusCode);
    }
}
