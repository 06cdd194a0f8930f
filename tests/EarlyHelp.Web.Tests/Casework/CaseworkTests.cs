using System.Net;
using EarlyHelp.Data;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.Casework;

/// <summary>The families of the test site: A (north team), B (south team, a school on its Team Around the Family), a closed one (south).</summary>
public enum SiteFamily
{
    A,
    B,
    Closed,
}

/// <summary>Sign-in, who may see what, the audit log and the members form, on each database.</summary>
public abstract class CaseworkTests<TSite>(TSite site) : IClassFixture<TSite>
    where TSite : CaseworkSite
{
    [Fact]
    public async Task A_wrong_password_is_refused_with_a_GOV_UK_error()
    {
        var response = await CaseworkSite.SignInAsync(site.Client(), "north.practitioner@test.example", "not-the-password");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Enter a correct email address and password", html, StringComparison.Ordinal);
        Assert.Contains("<title>Error: Sign in", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_goes_to_the_caseload()
    {
        var response = await CaseworkSite.SignInAsync(site.Client(), "north.practitioner@test.example", CaseworkSite.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/caseload", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Pages_ask_anonymous_visitors_to_sign_in()
    {
        var response = await site.Client().GetAsync($"/families/{site.FamilyA}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>The matrix of role, relationship and family: 200 where allowed, 403 where not.</summary>
    [Theory]
    [InlineData("north.practitioner", SiteFamily.A, HttpStatusCode.OK)] // leads it
    [InlineData("north.practitioner", SiteFamily.B, HttpStatusCode.Forbidden)] // another team's family
    [InlineData("north.practitioner", SiteFamily.Closed, HttpStatusCode.Forbidden)]
    [InlineData("school.practitioner", SiteFamily.B, HttpStatusCode.OK)] // on its Team Around the Family
    [InlineData("school.practitioner", SiteFamily.A, HttpStatusCode.Forbidden)]
    [InlineData("south.practitioner", SiteFamily.Closed, HttpStatusCode.OK)]
    [InlineData("north.manager", SiteFamily.A, HttpStatusCode.OK)] // their team's
    [InlineData("north.manager", SiteFamily.B, HttpStatusCode.Forbidden)]
    [InlineData("analyst", SiteFamily.Closed, HttpStatusCode.OK)] // claims need closed episodes
    [InlineData("analyst", SiteFamily.A, HttpStatusCode.Forbidden)]
    [InlineData("auditor", SiteFamily.Closed, HttpStatusCode.OK)]
    [InlineData("auditor", SiteFamily.B, HttpStatusCode.Forbidden)]
    [InlineData("admin", SiteFamily.A, HttpStatusCode.Forbidden)] // accounts, not cases
    [InlineData("admin", SiteFamily.Closed, HttpStatusCode.Forbidden)]
    public async Task Each_role_sees_only_the_families_its_relationship_allows(string user, SiteFamily family, HttpStatusCode expected)
    {
        var client = await site.SignedInAsync(user);
        var id = site.Id(family);
        foreach (var page in new[] { "", "/members" })
        {
            var response = await client.GetAsync($"/families/{id}{page}");
            Assert.Equal(expected, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("analyst")]
    [InlineData("auditor")]
    public async Task Analysts_and_auditors_may_read_a_family_but_not_change_it(string user)
    {
        var client = await site.SignedInAsync(user);
        var response = await CaseworkSite.PostFormAsync(client, $"/families/{site.FamilyClosed}/members", new()
        {
            ["Input.GivenName"] = "Amy", ["Input.FamilyName"] = "Green", ["Input.Relationship"] = "Daughter",
            ["Input.DateOfBirth.Day"] = "10", ["Input.DateOfBirth.Month"] = "1", ["Input.DateOfBirth.Year"] = "2015",
        }, tokenFrom: "/sign-out");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("Add a member", await client.GetStringAsync($"/families/{site.FamilyClosed}/members"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_read_and_refusal_is_in_the_audit_log()
    {
        var client = await site.SignedInAsync("north.manager");
        await client.GetAsync($"/families/{site.FamilyA}/members");
        await client.GetAsync($"/families/{site.FamilyB}");

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
        var manager = await db.Users.SingleAsync(u => u.UserName == "north.manager@test.example");
        var entries = await db.Audit.Where(a => a.UserId == manager.Id).ToListAsync();
        Assert.Contains(entries, a => a.FamilyId == site.FamilyA && a.Action == "read" && a.What == $"GET /families/{site.FamilyA}/members" && a.From == "127.0.0.1");
        Assert.Contains(entries, a => a.FamilyId == site.FamilyB && a.Action == "refused");
    }

    [Fact]
    public async Task A_member_with_a_wrong_NHS_number_is_refused_and_nothing_typed_is_lost()
    {
        var client = await site.SignedInAsync("north.practitioner");
        var response = await CaseworkSite.PostFormAsync(client, $"/families/{site.FamilyA}/members", new()
        {
            ["Input.GivenName"] = "Amy", ["Input.FamilyName"] = "Green", ["Input.Relationship"] = "Daughter",
            ["Input.DateOfBirth.Day"] = "31", ["Input.DateOfBirth.Month"] = "2", ["Input.DateOfBirth.Year"] = "2015",
            ["Input.NhsNumber"] = "943 476 5918",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("NHS number is not valid: check the digits", html, StringComparison.Ordinal);
        Assert.Contains("Date of birth must be a real date", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input-NhsNumber\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Amy\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"943 476 5918\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"31\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_member_is_added_to_the_family()
    {
        var client = await site.SignedInAsync("north.practitioner");
        var response = await CaseworkSite.PostFormAsync(client, $"/families/{site.FamilyA}/members", new()
        {
            ["Input.GivenName"] = "Ruby", ["Input.FamilyName"] = "Green", ["Input.Relationship"] = "Daughter",
            ["Input.DateOfBirth.Day"] = "10", ["Input.DateOfBirth.Month"] = "1", ["Input.DateOfBirth.Year"] = "2016",
            ["Input.NhsNumber"] = "943 476 5919",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var page = await client.GetStringAsync($"/families/{site.FamilyA}/members");
        Assert.Contains("Ruby Green", page, StringComparison.Ordinal);
        Assert.Contains("943 476 5919", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_family_page_shows_the_engines_live_verdict()
    {
        var client = await site.SignedInAsync("south.practitioner");
        var html = await client.GetStringAsync($"/families/{site.FamilyClosed}");
        Assert.Contains("Eligible for Supporting Families: needs in 3 headline outcomes", html, StringComparison.Ordinal);
        Assert.Contains("The family can be claimed for (since 28 December 2024)", html, StringComparison.Ordinal);
        Assert.Contains("Practitioner assessment on 2024-06-20: outcome achieved.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_practitioners_caseload_holds_their_own_families_only()
    {
        var client = await site.SignedInAsync("south.practitioner");
        var html = await client.GetStringAsync("/caseload");
        Assert.Contains("FAM-B", html, StringComparison.Ordinal);
        Assert.Contains("FAM-C", html, StringComparison.Ordinal);
        Assert.DoesNotContain("FAM-A", html, StringComparison.Ordinal);

        var closed = await client.GetStringAsync("/caseload?stage=Closed");
        Assert.Contains("FAM-C", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("FAM-B", closed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enquiry_with_problems_is_refused_with_every_problem_and_nothing_lost()
    {
        var client = await site.SignedInAsync("north.practitioner");
        var response = await CaseworkSite.PostFormAsync(client, "/enquiries/new", new()
        {
            ["Input.GivenName"] = "Leanne", ["Input.Postcode"] = "not a postcode", ["Input.Reason"] = "Worried about school attendance.",
            ["Input.Needs"] = "EDU-ATTEND-90",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = WebUtility.HtmlDecode(html);
        foreach (var message in new[] { "Enter the parent or carer's last name", "Enter the first line of the family's address", "Enter a real postcode, like WS1 1AA", "Select who is asking for support", "Select yes if the family agrees to early help", "Select the lawful basis for processing the family's information" })
        {
            Assert.Contains(message, text, StringComparison.Ordinal);
        }

        Assert.Contains("value=\"Leanne\"", html, StringComparison.Ordinal);
        Assert.Contains("Worried about school attendance.</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"EDU-ATTEND-90\" checked", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_receives_an_enquiry_and_allocates_it_to_a_lead_practitioner()
    {
        var coordinator = await site.SignedInAsync("north.manager");
        var sent = await CaseworkSite.PostFormAsync(coordinator, "/enquiries/new", new()
        {
            ["Input.GivenName"] = "Leanne", ["Input.FamilyName"] = "Walker", ["Input.AddressLine1"] = "4 Mill Close", ["Input.Town"] = "Walsall",
            ["Input.Postcode"] = "ws2 8ab", ["Input.Source"] = "School", ["Input.Reason"] = "Attendance below 80% and money worries.",
            ["Input.Needs"] = "EDU-ATTEND-90", ["Input.FamilyAgrees"] = "true", ["Input.LawfulBasis"] = "PublicTask",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var allocate = sent.Headers.Location!.OriginalString;
        Assert.EndsWith("/allocate", allocate, StringComparison.Ordinal);

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
        var practitioner = await db.Users.SingleAsync(u => u.UserName == "north.practitioner@test.example");
        var north = await db.Teams.SingleAsync(t => t.Name == "North");

        var missing = await CaseworkSite.PostFormAsync(coordinator, allocate, new() { ["Input.Decision"] = "EarlyHelpAssessment" });
        Assert.Contains("Select the lead practitioner", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var allocated = await CaseworkSite.PostFormAsync(coordinator, allocate, new()
        {
            ["Input.Decision"] = "EarlyHelpAssessment", ["Input.TeamId"] = north.Id.ToString(), ["Input.LeadPractitionerId"] = practitioner.Id,
        });
        Assert.Equal(HttpStatusCode.Redirect, allocated.StatusCode);

        var family = await db.Families.Include(f => f.Episodes).ThenInclude(e => e.Needs).SingleAsync(f => f.Members.Any(m => m.FamilyName == "Walker"));
        Assert.Equal("WS2 8AB", family.Address.Postcode);
        var episode = Assert.Single(family.Episodes);
        Assert.Equal((Core.Casework.EpisodeStage.Allocated, practitioner.Id, north.Id), (episode.Stage, episode.LeadPractitionerId, episode.TeamId));
        Assert.Equal("EDU-ATTEND-90", Assert.Single(episode.Needs).Code);

        var lead = await site.SignedInAsync("north.practitioner");
        Assert.Contains(family.Reference, await lead.GetStringAsync("/caseload"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_family_seen_before_gets_a_new_episode_not_a_new_record()
    {
        var known = await site.AddClosedFamilyAsync("FAM-D");
        var coordinator = await site.SignedInAsync("north.manager");
        var sent = await CaseworkSite.PostFormAsync(coordinator, "/enquiries/new", new()
        {
            ["Input.ExistingReference"] = "fam-d", ["Input.Source"] = "Health", ["Input.Reason"] = "New worries about mum's health.",
            ["Input.FamilyAgrees"] = "true", ["Input.LawfulBasis"] = "Consent",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
        var episodes = await db.Episodes.Where(e => e.FamilyId == known).OrderBy(e => e.Number).ToListAsync();
        Assert.Equal([1, 2], episodes.Select(e => e.Number));
        Assert.Equal(Core.Casework.EpisodeStage.Enquiry, episodes[1].Stage);
        Assert.Equal(1, await db.Families.CountAsync(f => f.Reference == "FAM-D"));

        var again = await CaseworkSite.PostFormAsync(coordinator, "/enquiries/new", new()
        {
            ["Input.ExistingReference"] = "FAM-D", ["Input.Source"] = "Health", ["Input.Reason"] = "Again.",
            ["Input.FamilyAgrees"] = "true", ["Input.LawfulBasis"] = "Consent",
        });
        Assert.Contains("FAM-D has an open episode", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_families_API_applies_the_same_access_rules_as_the_pages()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await site.Client().GetAsync($"/api/families/{site.FamilyA}")).StatusCode);

        var client = await site.SignedInAsync("north.practitioner");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/families/{site.FamilyB}")).StatusCode);

        var family = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync($"/api/families/{site.FamilyA}"))!;
        Assert.Equal("FAM-A", (string?)family["reference"]);
        Assert.Contains(family["members"]!.AsArray(), m => (string?)m!["givenName"] == "Jay");
        Assert.Equal(3, family["episodes"]![0]!["needs"]!.AsArray().Count);

        var list = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/api/families"))!.AsArray();
        Assert.Contains(list, f => (string?)f!["reference"] == "FAM-A");
        Assert.DoesNotContain(list, f => (string?)f!["reference"] == "FAM-B");
    }

    [Fact]
    public async Task The_API_gives_the_engines_verdict_on_a_family()
    {
        var client = await site.SignedInAsync("auditor");
        var verdict = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync($"/api/families/{site.FamilyClosed}/verdict"))!;
        Assert.Equal("FAM-C", (string?)verdict["family"]);
        Assert.True((bool)verdict["eligible"]!);
        Assert.Equal("claimable", (string?)verdict["claim"]!["status"]);
        Assert.Equal("2024-12-28", (string?)verdict["claim"]!["earliestDate"]);
    }

    [Fact]
    public async Task Managers_and_auditors_see_who_has_seen_a_family_and_practitioners_do_not()
    {
        var practitioner = await site.SignedInAsync("south.practitioner");
        await practitioner.GetAsync($"/families/{site.FamilyClosed}/members");
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync($"/families/{site.FamilyClosed}/audit")).StatusCode);

        var auditor = await site.SignedInAsync("auditor");
        var html = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/families/{site.FamilyClosed}/audit"));
        Assert.Contains("Who has seen this family", html, StringComparison.Ordinal);
        Assert.Contains("south.practitioner (Early Help)", html, StringComparison.Ordinal);
        Assert.Contains($"GET /families/{site.FamilyClosed}/members", html, StringComparison.Ordinal);

        var manager = await site.SignedInAsync("north.manager");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/families/{site.FamilyClosed}/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/families/{site.FamilyA}/audit")).StatusCode);
    }
}

public sealed class SqliteCaseworkTests(SqliteSite site) : CaseworkTests<SqliteSite>(site);

public sealed class PostgresCaseworkTests(PostgresSite site) : CaseworkTests<PostgresSite>(site);
