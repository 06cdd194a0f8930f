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
        var id = Id(family);
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

    private Guid Id(SiteFamily family) => family switch
    {
        SiteFamily.A => site.FamilyA,
        SiteFamily.B => site.FamilyB,
        _ => site.FamilyClosed,
    };
}

public sealed class SqliteCaseworkTests(SqliteSite site) : CaseworkTests<SqliteSite>(site);

public sealed class PostgresCaseworkTests(PostgresSite site) : CaseworkTests<PostgresSite>(site);
