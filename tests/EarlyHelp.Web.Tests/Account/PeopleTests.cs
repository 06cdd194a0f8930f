using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using EarlyHelp.Data;
using EarlyHelp.Web.Tests.Casework;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.Account;

/// <summary>People and teams, kept by an administrator: adding a person, their set-password link, roles, stopping a leaver; on each database.</summary>
public abstract partial class PeopleTests<TSite>(TSite site) : IClassFixture<TSite>
    where TSite : CaseworkSite
{
    private const string NewPassword = "kettle-lantern-orchard";

    private Task<T> QueryAsync<T>(Func<EarlyHelpDbContext, Task<T>> query) => site.QueryAsync(query);

    private async Task<string> TeamIdAsync(string name) => (await QueryAsync(db => db.Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync())).ToString();

    /// <summary>Adds a person through the page and returns the set-password link's path.</summary>
    private async Task<string> AddAsync(HttpClient admin, string email, string role, string? team = null)
    {
        var response = await CaseworkSite.PostFormAsync(admin, "/people/new", new()
        {
            ["Input.Name"] = "Priya Shah", ["Input.Email"] = email, ["Input.Agency"] = "Oakfield Primary School", ["Input.Team"] = team ?? "", ["Input.Roles"] = role,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var link = Regex.Match(await CaseworkSite.TextAsync(response), "id=\"set-password-link\"[^>]*>([^<]+)<").Groups[1].Value;
        Assert.StartsWith($"{site.Address.ToString().TrimEnd('/')}/set-password?email=", link, StringComparison.Ordinal);
        return new Uri(link).PathAndQuery;
    }

    private async Task<HttpResponseMessage> SetPasswordAsync(HttpClient person, string link, string password, string? confirm = null) =>
        await CaseworkSite.PostFormAsync(person, link, new() { ["Password"] = password, ["Confirm"] = confirm ?? password });

    [Fact]
    public async Task An_administrator_adds_a_person_who_chooses_a_password_with_the_link_and_signs_in()
    {
        var admin = await site.SignedInAsync("admin");
        var empty = await CaseworkSite.TextAsync(await CaseworkSite.PostFormAsync(admin, "/people/new", []));
        foreach (var message in new[] { "Enter the person's full name", "Enter the person's email address", "Enter the agency the person works for", "Select at least one role" })
        {
            Assert.Contains(message, empty, StringComparison.Ordinal);
        }

        var taken = await CaseworkSite.TextAsync(await CaseworkSite.PostFormAsync(admin, "/people/new", new()
        {
            ["Input.Name"] = "Someone", ["Input.Email"] = "north.practitioner@test.example", ["Input.Agency"] = "Early Help", ["Input.Roles"] = Roles.Practitioner,
        }));
        Assert.Contains("Someone already signs in with this email address", taken, StringComparison.Ordinal);

        var north = await TeamIdAsync("North");
        var link = await AddAsync(admin, "priya.shah@test.example", Roles.Practitioner, north);
        var added = await QueryAsync(db => db.Users.SingleAsync(u => u.Email == "priya.shah@test.example"));
        Assert.Equal(("Priya Shah", "Oakfield Primary School", north, null), (added.DisplayName, added.Agency, added.TeamId.ToString(), added.PasswordHash));
        Assert.True(await QueryAsync(db => db.UserRoles.AnyAsync(r => r.UserId == added.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Practitioner))));
        Assert.Matches("Priya Shah</a></td>[\\s\\S]*?No password yet", await CaseworkSite.PageAsync(admin, "/people"));

        // The person, with the link: the password is checked, then set once.
        var person = site.Client();
        Assert.Contains("Create your password", await CaseworkSite.PageAsync(person, link), StringComparison.Ordinal);
        Assert.Contains("Password must be 12 characters or more", await CaseworkSite.TextAsync(await SetPasswordAsync(person, link, "short")), StringComparison.Ordinal);
        Assert.Contains("The passwords do not match", await CaseworkSite.TextAsync(await SetPasswordAsync(person, link, NewPassword, "something-else-entirely")), StringComparison.Ordinal);
        var set = await SetPasswordAsync(person, link, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/sign-in", set.Headers.Location!.OriginalString);
        Assert.Contains("This link no longer works", await CaseworkSite.TextAsync(await CaseworkSite.PostFormAsync(person, link, new() { ["Password"] = "another-long-password", ["Confirm"] = "another-long-password" }, tokenFrom: "/sign-in")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await CaseworkSite.SignInAsync(person, "priya.shah@test.example", NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/caseload")).StatusCode);

        // Only an administrator keeps people.
        var manager = await site.SignedInAsync("north.manager");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/people")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/people/new")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_changes_roles_stops_a_leavers_access_and_restores_it_but_not_their_own()
    {
        var admin = await site.SignedInAsync("admin");
        var link = await AddAsync(admin, "leaver@test.example", Roles.Practitioner);
        var person = site.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordAsync(person, link, NewPassword)).StatusCode);
        var id = await QueryAsync(db => db.Users.Where(u => u.Email == "leaver@test.example").Select(u => u.Id).SingleAsync());

        var south = await TeamIdAsync("South");
        var changed = await CaseworkSite.PostFormAsync(admin, $"/people/{id}", new()
        {
            ["Input.Name"] = "Priya Shah", ["Input.Email"] = "leaver@test.example", ["Input.Agency"] = "Early Help", ["Input.Team"] = south, ["Input.Roles"] = Roles.Manager,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var roles = await QueryAsync(db => db.UserRoles.Where(r => r.UserId == id).Join(db.Roles, r => r.RoleId, x => x.Id, (_, x) => x.Name).ToListAsync());
        Assert.Equal([Roles.Manager], roles);
        Assert.Equal(south, (await QueryAsync(db => db.Users.SingleAsync(u => u.Id == id))).TeamId.ToString());

        // Signed in, with an API token; then stopped: no sign-in, no token.
        Assert.Equal(HttpStatusCode.Redirect, (await CaseworkSite.SignInAsync(person, "leaver@test.example", NewPassword)).StatusCode);
        var made = await CaseworkSite.TextAsync(await CaseworkSite.PostFormAsync(person, "/api-tokens?handler=Create", new() { ["Input.Name"] = "Sync", ["Input.Days"] = "30" }, tokenFrom: "/api-tokens"));
        var token = Regex.Match(made, "id=\"new-token\"[^>]*>(eh_[A-Za-z0-9_-]+)<").Groups[1].Value;
        var program = new HttpClient { BaseAddress = site.Address };
        program.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await program.GetAsync("/api/families")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await CaseworkSite.PostFormAsync(admin, $"/people/{id}?handler=Stop", [], tokenFrom: $"/people/{id}")).StatusCode);
        Assert.Contains("Access stopped", await CaseworkSite.PageAsync(admin, $"/people/{id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await program.GetAsync("/api/families")).StatusCode);
        Assert.NotNull(await QueryAsync(db => db.ApiTokens.Where(t => t.UserId == id).Select(t => t.RevokedAt).SingleAsync()));
        var refused = await CaseworkSite.TextAsync(await CaseworkSite.SignInAsync(site.Client(), "leaver@test.example", NewPassword));
        Assert.Contains("Your access has been stopped. Ask your administrator if you need it again", refused, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await CaseworkSite.PostFormAsync(admin, $"/people/{id}?handler=Restore", [], tokenFrom: $"/people/{id}")).StatusCode);

        // Every change to the account, by whom, in its history.
        var history = await CaseworkSite.PageAsync(admin, $"/people/{id}");
        foreach (var change in new[]
        {
            "Added: Priya Shah, leaver@test.example, Oakfield Primary School, no team; roles: Practitioner",
            "Changed: agency Oakfield Primary School → Early Help; team no team → South; roles Practitioner → Coordinator or team manager",
            "API token ‘Sync’ made",
            "Access stopped, API tokens revoked",
            "Access restored",
        })
        {
            Assert.Contains(change, history, StringComparison.Ordinal);
        }

        Assert.Matches("<td class=\"govuk-table__cell\">admin \\(Early Help\\)</td>\\s*<td class=\"govuk-table__cell\">Access restored", history);
        Assert.Equal(5, await QueryAsync(db => db.Audit.CountAsync(a => a.PersonId == id && a.Action == "account")));
        Assert.Equal(HttpStatusCode.Redirect, (await CaseworkSite.SignInAsync(site.Client(), "leaver@test.example", NewPassword)).StatusCode);

        // The administrator keeps their own role and access.
        var adminId = await QueryAsync(db => db.Users.Where(u => u.Email == "admin@test.example").Select(u => u.Id).SingleAsync());
        var own = await CaseworkSite.TextAsync(await CaseworkSite.PostFormAsync(admin, $"/people/{adminId}?handler=Stop", [], tokenFrom: $"/people/{adminId}"));
        Assert.Contains("You cannot stop your own access", own, StringComparison.Ordinal);
        var demoted = await CaseworkSite.TextAsync(await CaseworkSite.PostFormAsync(admin, $"/people/{adminId}", new()
        {
            ["Input.Name"] = "Admin", ["Input.Email"] = "admin@test.example", ["Input.Agency"] = "Digital Services", ["Input.Roles"] = Roles.Analyst,
        }));
        Assert.Contains("You cannot take away your own administrator role", demoted, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await CaseworkSite.SignInAsync(site.Client(), "admin@test.example", CaseworkSite.Password)).StatusCode);
    }

    [Fact]
    public async Task An_administrator_adds_a_team_once()
    {
        var admin = await site.SignedInAsync("admin");
        Assert.Equal(HttpStatusCode.Redirect, (await CaseworkSite.PostFormAsync(admin, "/people/teams", new() { ["Name"] = "East" })).StatusCode);
        Assert.Contains(">East</td>", await CaseworkSite.PageAsync(admin, "/people/teams"), StringComparison.Ordinal);
        Assert.Contains("There is already a team with this name", await CaseworkSite.TextAsync(await CaseworkSite.PostFormAsync(admin, "/people/teams", new() { ["Name"] = "north" })), StringComparison.Ordinal);
        Assert.Contains("Enter the team's name", await CaseworkSite.TextAsync(await CaseworkSite.PostFormAsync(admin, "/people/teams", [])), StringComparison.Ordinal);
        Assert.Equal(1, await QueryAsync(db => db.Teams.CountAsync(t => t.Name == "East")));
    }
}

public sealed class SqlitePeopleTests(SqliteSite site) : PeopleTests<SqliteSite>(site);

public sealed class PostgresPeopleTests(PostgresSite site) : PeopleTests<PostgresSite>(site);
