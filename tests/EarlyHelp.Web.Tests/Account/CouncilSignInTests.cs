using System.Net;
using System.Security.Claims;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Account;
using EarlyHelp.Web.Tests.Casework;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.Account;

/// <summary>A test site whose council signs people in with its own identity provider.</summary>
public interface ICouncilSite
{
    TestIdentityProvider Provider { get; }
}

public static class CouncilSettings
{
    public const string Name = "Test Council";

    public static void Apply(WebApplicationBuilder builder, TestIdentityProvider provider)
    {
        var settings = builder.Configuration;
        settings["Authentication:OpenIdConnect:Authority"] = provider.Authority.ToString();
        settings["Authentication:OpenIdConnect:ClientId"] = TestIdentityProvider.ClientId;
        settings["Authentication:OpenIdConnect:ClientSecret"] = TestIdentityProvider.ClientSecret;
        settings["Authentication:OpenIdConnect:DisplayName"] = Name;
        settings["Authentication:OpenIdConnect:RequireHttpsMetadata"] = "false";
        settings["Authentication:OpenIdConnect:Roles:manager"] = "EH-Coordinators";
        settings["Authentication:OpenIdConnect:Roles:practitioner"] = "EH-Practitioners, Family Support";
    }
}

public sealed class CouncilSqliteSite : SqliteSite, ICouncilSite
{
    public TestIdentityProvider Provider { get; } = new();

    protected override async Task<string> ConnectionStringAsync()
    {
        await Provider.StartAsync();
        return await base.ConnectionStringAsync();
    }

    protected override void Configure(WebApplicationBuilder builder) => CouncilSettings.Apply(builder, Provider);

    protected override async Task StopDatabaseAsync()
    {
        await base.StopDatabaseAsync();
        await Provider.DisposeAsync();
    }
}

public sealed class CouncilPostgresSite : PostgresSite, ICouncilSite
{
    public TestIdentityProvider Provider { get; } = new();

    protected override async Task<string> ConnectionStringAsync()
    {
        await Provider.StartAsync();
        return await base.ConnectionStringAsync();
    }

    protected override void Configure(WebApplicationBuilder builder) => CouncilSettings.Apply(builder, Provider);

    protected override async Task StopDatabaseAsync()
    {
        await base.StopDatabaseAsync();
        await Provider.DisposeAsync();
    }
}

/// <summary>
/// Sign-in with the council's identity provider, end to end over HTTP: the challenge, the provider's authorize
/// and token endpoints, the account found or made, roles and team from the claims, and the same cookie as a
/// local account's afterwards, so case access applies unchanged.
/// </summary>
public abstract class CouncilSignInTests<TSite>(TSite site) : IClassFixture<TSite>
    where TSite : CaseworkSite, ICouncilSite
{
    [Fact]
    public async Task Configuration_switches_it_on_with_a_button_on_the_sign_in_page()
    {
        var schemes = site.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.Equal(CouncilSettings.Name, (await schemes.GetSchemeAsync(CouncilSignInOptions.Scheme))?.DisplayName);
        var page = await site.Client().GetStringAsync("/sign-in?returnUrl=%2Fcaseload");
        Assert.Contains("Sign in with Test Council</a>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/sign-in?ReturnUrl=%2Fcaseload&amp;handler=Council\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_challenge_redirects_to_the_providers_authorize_endpoint_with_the_client_id()
    {
        var response = await site.Client().GetAsync("/sign-in?handler=Council");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(new Uri(site.Provider.Authority, "authorize").GetLeftPart(UriPartial.Path), location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(TestIdentityProvider.ClientId, query["client_id"].ToString());
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.Equal(new Uri(site.Address, "/signin-oidc").ToString(), query["redirect_uri"].ToString());
        Assert.Contains("openid", query["scope"].ToString().Split(' '));
    }

    [Fact]
    public async Task A_new_person_gets_an_account_with_the_role_and_team_their_claims_map_to()
    {
        var client = site.Client();
        var done = await SignInWithCouncilAsync(client, new()
        {
            ["sub"] = "council-0001", ["email"] = "alex.morgan@council.example", ["name"] = "Alex Morgan", ["roles"] = new[] { "EH-Coordinators", "All Staff" }, ["team"] = "north",
        });
        Assert.Equal("/caseload", done.Headers.Location!.OriginalString);

        // The same cookie as a local account: the case access rules see a manager of the north team.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/families/{site.FamilyA}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/families/{site.FamilyB}")).StatusCode);

        var (user, roles, team) = await AccountAsync("alex.morgan@council.example");
        Assert.Equal(("Alex Morgan", CouncilSettings.Name), (user.DisplayName, user.Agency));
        Assert.Equal([Roles.Manager], roles);
        Assert.Equal("North", team);
    }

    [Fact]
    public async Task An_account_here_is_matched_by_email_then_found_again_by_the_providers_subject()
    {
        var first = site.Client();
        await SignInWithCouncilAsync(first, new() { ["sub"] = "council-0002", ["email"] = "south.practitioner@test.example", ["roles"] = new[] { "Family Support" } });
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync($"/api/families/{site.FamilyB}")).StatusCode); // the family they lead

        // The address changed at the council; the subject still finds the account.
        var second = site.Client();
        await SignInWithCouncilAsync(second, new() { ["sub"] = "council-0002", ["email"] = "s.practitioner@council.example", ["roles"] = new[] { "Family Support" } });
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync($"/api/families/{site.FamilyB}")).StatusCode);

        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var account = await users.FindByLoginAsync(CouncilSignInOptions.Scheme, "council-0002");
        Assert.Equal("south.practitioner@test.example", account!.UserName);
        Assert.Null(await users.FindByEmailAsync("s.practitioner@council.example"));
    }

    [Fact]
    public async Task Roles_and_team_follow_the_provider_at_each_sign_in()
    {
        await SignInWithCouncilAsync(site.Client(), new() { ["sub"] = "council-0003", ["email"] = "jo.price@council.example", ["roles"] = new[] { "EH-Coordinators" }, ["team"] = "North" });
        await AssertRolesAndTeamAsync("jo.price@council.example", Roles.Manager, "North");

        var client = site.Client();
        await SignInWithCouncilAsync(client, new() { ["sub"] = "council-0003", ["email"] = "jo.price@council.example", ["roles"] = new[] { "EH-Practitioners" }, ["team"] = "Nowhere" });
        await AssertRolesAndTeamAsync("jo.price@council.example", Roles.Practitioner, null);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/families/{site.FamilyA}")).StatusCode);
    }

    [Fact]
    public async Task Without_a_role_claim_the_roles_kept_here_stand()
    {
        var client = site.Client();
        await SignInWithCouncilAsync(client, new() { ["sub"] = "council-0005", ["email"] = "auditor@test.example" });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/families/{site.FamilyClosed}")).StatusCode);
        await AssertRolesAndTeamAsync("auditor@test.example", Roles.Auditor, null);
    }

    [Fact]
    public async Task An_unverified_email_address_does_not_open_an_account_here()
    {
        var client = site.Client();
        var done = await SignInWithCouncilAsync(client, new() { ["sub"] = "council-0004", ["email"] = "north.manager@test.example", ["email_verified"] = false });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("has not verified your email address", WebUtility.HtmlDecode(await done.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/families/{site.FamilyA}")).StatusCode);
    }

    /// <summary>Follows the browser's journey: EarlyHelp, the provider's authorize endpoint, the callback, the account.</summary>
    private async Task<HttpResponseMessage> SignInWithCouncilAsync(HttpClient client, Dictionary<string, object> person)
    {
        site.Provider.Person = person;
        var challenge = await client.GetAsync("/sign-in?handler=Council&returnUrl=%2Fcaseload");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = await client.GetAsync(challenge.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var callback = await client.GetAsync(authorize.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        var done = await client.GetAsync(new Uri(site.Address, callback.Headers.Location!));
        return done;
    }

    private async Task<(ApplicationUser User, IList<string> Roles, string? Team)> AccountAsync(string email)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
        var user = (await users.FindByEmailAsync(email))!;
        var team = await db.Teams.Where(t => t.Id == user.TeamId).Select(t => t.Name).SingleOrDefaultAsync();
        return (user, await users.GetRolesAsync(user), team);
    }

    private async Task AssertRolesAndTeamAsync(string email, string role, string? team)
    {
        var account = await AccountAsync(email);
        Assert.Equal([role], account.Roles);
        Assert.Equal(team, account.Team);
    }
}

public sealed class SqliteCouncilSignInTests(CouncilSqliteSite site) : CouncilSignInTests<CouncilSqliteSite>(site);

public sealed class PostgresCouncilSignInTests(CouncilPostgresSite site) : CouncilSignInTests<CouncilPostgresSite>(site);

/// <summary>The settings alone: off without an authority, refused half-configured, and the role mapping.</summary>
public sealed class CouncilSignInSettingsTests
{
    private static readonly string Frameworks = Path.Combine(AppContext.BaseDirectory, "frameworks");

    [Fact]
    public async Task Without_an_authority_there_is_no_council_sign_in()
    {
        await using var app = WebHost.Build(["--urls", "http://127.0.0.1:0"], Engine.Load(Frameworks));
        Assert.Null(await app.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(CouncilSignInOptions.Scheme));
    }

    [Fact]
    public void An_authority_without_a_client_id_is_refused_at_start()
    {
        var e = Assert.Throws<InvalidOperationException>(() => WebHost.Build(["--urls", "http://127.0.0.1:0"], Engine.Load(Frameworks), b =>
            b.Configuration["Authentication:OpenIdConnect:Authority"] = "https://login.council.example"));
        Assert.Contains("ClientId", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "EH-Coordinators" }, new[] { Roles.Manager })]
    [InlineData(new[] { "family support", "All Staff" }, new[] { Roles.Practitioner })] // values compare without case
    [InlineData(new[] { "auditor", "Analyst" }, new[] { Roles.Analyst, Roles.Auditor })] // a role with no entry is its own name
    [InlineData(new[] { "practitioner" }, new string[0])] // a mapped role is only its mapped values
    [InlineData(new[] { "All Staff" }, new string[0])]
    public void Claims_map_to_roles(string[] claimed, string[] expected)
    {
        var settings = new CouncilSignInOptions { Roles = new(StringComparer.OrdinalIgnoreCase) { ["manager"] = "EH-Coordinators", ["practitioner"] = "EH-Practitioners, Family Support" } };
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claimed.Select(c => new Claim("roles", c))));
        Assert.Equal(expected, settings.MapRoles(principal));
        Assert.Null(settings.MapRoles(new ClaimsPrincipal(new ClaimsIdentity([new Claim("email", "a@b.example")]))));
    }
}
