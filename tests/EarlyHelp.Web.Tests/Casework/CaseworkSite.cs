using System.Net;
using System.Text.RegularExpressions;
using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using EarlyHelp.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.Casework;

/// <summary>
/// The web application on a loopback port over a fresh database, with a small known cast: two teams, a
/// practitioner and a manager in each, an analyst, an auditor and an administrator, and three families.
/// </summary>
public abstract partial class CaseworkSite : IAsyncLifetime
{
    public const string Password = "correct-horse-battery";

    private WebApplication? app;

    public Uri Address { get; private set; } = null!;

    public Guid FamilyA { get; private set; }

    public Guid FamilyB { get; private set; }

    public Guid FamilyClosed { get; private set; }

    public IServiceProvider Services => app!.Services;

    protected abstract Task<string> ConnectionStringAsync();

    protected virtual Task StopDatabaseAsync() => Task.CompletedTask;

    /// <summary>More configuration for a site of a kind, e.g. a council's identity provider.</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    public async Task InitializeAsync()
    {
        var connection = await ConnectionStringAsync();
        app = WebHost.Build(["--urls", "http://127.0.0.1:0"], Engine.Load(Path.Combine(AppContext.BaseDirectory, "frameworks")), b =>
        {
            b.Configuration["ConnectionStrings:EarlyHelp"] = connection;
            b.Configuration["EarlyHelp:Demo"] = "false";
            b.Configuration["EarlyHelp:NightlyVerdicts"] = "false"; // tests run it themselves, when they choose
            Configure(b);
        });
        await WebHost.PrepareDatabaseAsync(app);
        await SeedAsync();
        await app.StartAsync();
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        await StopDatabaseAsync();
    }

    private async Task SeedAsync()
    {
        await using var scope = app!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var north = new Team { Name = "North" };
        var south = new Team { Name = "South" };
        db.Teams.AddRange(north, south);
        await db.SaveChangesAsync();

        async Task<ApplicationUser> User(string name, string role, Team? team)
        {
            var user = new ApplicationUser { UserName = $"{name}@test.example", Email = $"{name}@test.example", DisplayName = name, Agency = "Early Help", TeamId = team?.Id };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            var added = await users.AddToRoleAsync(user, role);
            Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Description)));
            return user;
        }

        var northPractitioner = await User("north.practitioner", Roles.Practitioner, north);
        var southPractitioner = await User("south.practitioner", Roles.Practitioner, south);
        var schoolPractitioner = await User("school.practitioner", Roles.Practitioner, null);
        await User("north.manager", Roles.Manager, north);
        await User("analyst", Roles.Analyst, null);
        await User("auditor", Roles.Auditor, null);
        await User("admin", Roles.Administrator, null);

        FamilyA = db.Families.Add(NewFamily("FAM-A", northPractitioner, north.Id, closed: false)).Entity.Id;
        FamilyB = db.Families.Add(NewFamily("FAM-B", southPractitioner, south.Id, closed: false, teamMember: schoolPractitioner)).Entity.Id;
        FamilyClosed = db.Families.Add(NewFamily("FAM-C", southPractitioner, south.Id, closed: true)).Entity.Id;
        await db.SaveChangesAsync();
    }

    private static Family NewFamily(string reference, ApplicationUser lead, Guid team, bool closed, ApplicationUser? teamMember = null)
    {
        var family = new Family { Reference = reference, Address = new Address { Line1 = "1 Test Street", Town = "Walsall", Postcode = "WS1 1AA" } };
        family.Members.Add(new FamilyMember { GivenName = "Sarah", FamilyName = "Green", Relationship = "Mother", DateOfBirth = new DateOnly(1988, 4, 2) });
        family.Members.Add(new FamilyMember { GivenName = "Jay", FamilyName = "Green", Relationship = "Son", DateOfBirth = new DateOnly(2012, 9, 15) });
        var episode = new Episode
        {
            Number = 1,
            Stage = closed ? EpisodeStage.Closed : EpisodeStage.Plan,
            FrameworkId = "national-2022",
            ReceivedOn = new DateOnly(2023, 10, 2),
            EnquirySource = "Oakfield Primary School",
            EnquiryReason = "Attendance has dropped.",
            FamilyAgreesToEarlyHelp = true,
            TeamId = team,
            LeadPractitionerId = lead.Id,
            AllocatedOn = new DateOnly(2023, 10, 5),
            AssessmentCompletedOn = new DateOnly(2023, 10, 20),
            FamilyPlanAgreedOn = new DateOnly(2023, 11, 1),
            SupportReceived = true,
            ClosedOn = closed ? new DateOnly(2024, 6, 28) : null,
            Needs =
            [
                new EpisodeNeed { Code = "FIN-DEBT", IdentifiedOn = new DateOnly(2023, 10, 2) },
                new EpisodeNeed { Code = "REL-PARENTING", IdentifiedOn = new DateOnly(2023, 10, 2) },
                new EpisodeNeed { Code = "HLT-ADULT-MH", IdentifiedOn = new DateOnly(2023, 10, 2) },
            ],
        };
        if (teamMember is not null)
        {
            episode.TeamAroundTheFamily.Add(new TeamAroundTheFamilyMember { UserId = teamMember.Id, Agency = "Oakfield Primary School" });
        }

        if (closed)
        {
            foreach (var need in episode.Needs)
            {
                episode.Evidence.Add(new EvidenceEntry { NeedCode = need.Code, RecordedOn = new DateOnly(2024, 6, 20), Kind = "practitioner-assessment", OutcomeAchieved = true, RecordedById = lead.Id });
            }
        }

        family.Episodes.Add(episode);
        return family;
    }

    public Guid Id(SiteFamily family) => family switch
    {
        SiteFamily.A => FamilyA,
        SiteFamily.B => FamilyB,
        _ => FamilyClosed,
    };

    /// <summary>A family like A (north team, led by north.practitioner, an open plan) of its own, for a test that changes it.</summary>
    public async Task<Guid> AddOpenFamilyAsync(string reference)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
        var lead = await db.Users.SingleAsync(u => u.UserName == "north.practitioner@test.example");
        var family = db.Families.Add(NewFamily(reference, lead, lead.TeamId!.Value, closed: false)).Entity;
        await db.SaveChangesAsync();
        return family.Id;
    }

    /// <summary>A family of its own for a test that changes it, so tests sharing the site do not see each other's changes.</summary>
    public async Task<Guid> AddClosedFamilyAsync(string reference)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
        var family = new Family { Reference = reference };
        family.Episodes.Add(new Episode
        {
            Number = 1,
            Stage = EpisodeStage.Closed,
            FrameworkId = "national-2022",
            ReceivedOn = new DateOnly(2022, 1, 10),
            ClosedOn = new DateOnly(2022, 9, 1),
            ClosureReason = ClosureReason.OutcomesAchieved,
            EnquirySource = "School",
            EnquiryReason = "Earlier worries, now resolved.",
        });
        db.Families.Add(family);
        await db.SaveChangesAsync();
        return family.Id;
    }

    /// <summary>A browser-like client: cookies kept, redirects not followed, so tests see each response.</summary>
    public HttpClient Client() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Address };

    public async Task<HttpClient> SignedInAsync(string user)
    {
        var client = Client();
        var response = await SignInAsync(client, $"{user}@test.example", Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        await PostFormAsync(client, "/sign-in", new() { ["Email"] = email, ["Password"] = password });

    /// <summary>Posts a form the way a browser does: with the anti-forgery token from the page (or another page, where this one shows no form).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? tokenFrom = null)
    {
        var page = await client.GetStringAsync(tokenFrom ?? path);
        fields["__RequestVerificationToken"] = AntiForgery().Match(page).Groups[1].Value;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();
}

public class SqliteSite : CaseworkSite
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"earlyhelp-web-{Guid.NewGuid():N}.db");

    protected override Task<string> ConnectionStringAsync() => Task.FromResult($"Data Source={file}");

    protected override Task StopDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(file);
        return Task.CompletedTask;
    }
}

public class PostgresSite : CaseworkSite
{
    private PostgresServer? server;

    protected override async Task<string> ConnectionStringAsync()
    {
        server = await PostgresServer.StartAsync();
        return await server.CreateDatabaseAsync("earlyhelp");
    }

    protected override async Task StopDatabaseAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
