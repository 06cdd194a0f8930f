using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.ApiTokens;
using EarlyHelp.Web.Tests.Casework;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.Account;

/// <summary>API tokens: made on a page, shown once, stored as a hash, used by a program as its maker, revoked, expired; on each database.</summary>
public abstract partial class ApiTokenTests<TSite>(TSite site) : IClassFixture<TSite>
    where TSite : CaseworkSite
{
    private async Task<string> MakeTokenAsync(HttpClient person, string name, string days = "90")
    {
        var response = await CaseworkSite.PostFormAsync(person, "/api-tokens?handler=Create", new() { ["Input.Name"] = name, ["Input.Days"] = days }, tokenFrom: "/api-tokens");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "the page showing a token must not be cached");
        var token = NewToken().Match(await CaseworkSite.TextAsync(response));
        Assert.True(token.Success, "the new token is shown");
        return token.Groups[1].Value;
    }

    /// <summary>A program: no cookies, only the token.</summary>
    private HttpClient Program(string token)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = site.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private Task<T> QueryAsync<T>(Func<EarlyHelpDbContext, Task<T>> query) => site.QueryAsync(query);

    [Fact]
    public async Task A_program_calls_the_api_with_a_token_as_the_person_who_made_it_until_it_is_revoked()
    {
        var practitioner = await site.SignedInAsync("north.practitioner");
        var token = await MakeTokenAsync(practitioner, "Caseload sync");
        var program = Program(token);

        // The practitioner's own access: their family read and changed, another team's refused; audited in their name.
        var families = await program.GetStringAsync("/api/families");
        Assert.Contains("FAM-A", families, StringComparison.Ordinal);
        Assert.DoesNotContain("FAM-B", families, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await program.GetAsync($"/api/families/{site.FamilyA}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await program.GetAsync($"/api/families/{site.FamilyB}")).StatusCode);
        var action = new Dictionary<string, object?>
        {
            ["needCode"] = "FIN-DEBT", ["what"] = "Book a debt advice appointment", ["who"] = "Sam Patel", ["agency"] = "Citizens Advice", ["dueOn"] = "2024-02-01", ["priority"] = "High",
        };
        Assert.Equal(HttpStatusCode.Created, (await program.PostAsJsonAsync($"/api/families/{site.FamilyA}/actions", action)).StatusCode);
        var me = await QueryAsync(db => db.Users.Where(u => u.UserName == "north.practitioner@test.example").Select(u => u.Id).SingleAsync());
        Assert.True(await QueryAsync(db => db.Audit.AnyAsync(a => a.FamilyId == site.FamilyA && a.UserId == me && a.Action == "change" && a.What == $"POST /api/families/{site.FamilyA}/actions")));
        Assert.True(await QueryAsync(db => db.Audit.AnyAsync(a => a.FamilyId == site.FamilyB && a.UserId == me && a.Action == "refused")));

        // Stored as its hash, listed by its hint, never shown again.
        var stored = await QueryAsync(db => db.ApiTokens.SingleAsync(t => t.Name == "Caseload sync"));
        Assert.Equal((ApiTokenSecrets.Hash(token), token[..9], me), (stored.Hash, stored.Hint, stored.UserId));
        Assert.NotNull(stored.LastUsedAt);
        Assert.Equal(DateOnly.FromDateTime(DateTime.Now).AddDays(90), stored.ExpiresOn);
        var list = await CaseworkSite.PageAsync(practitioner, "/api-tokens");
        Assert.Contains($"<code>{token[..9]}…</code>", list, StringComparison.Ordinal);
        Assert.DoesNotContain(token, list, StringComparison.Ordinal);

        // A token opens no page: pages take only the session cookie.
        var page = await program.GetAsync("/caseload");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/sign-in", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var revoked = await CaseworkSite.PostFormAsync(practitioner, $"/api-tokens?handler=Revoke&tokenId={stored.Id}", [], tokenFrom: "/api-tokens");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var refused = await program.GetAsync("/api/families");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("Revoked", await CaseworkSite.PageAsync(practitioner, "/api-tokens"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_and_expired_tokens_are_refused_and_only_the_maker_or_an_administrator_revokes_one()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Program("eh_not-a-real-token").GetAsync("/api/families")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Program("").GetAsync("/api/families")).StatusCode);

        var school = await site.SignedInAsync("school.practitioner");
        var expiring = await MakeTokenAsync(school, "Attendance upload", days: "30");
        Assert.Equal(HttpStatusCode.OK, (await Program(expiring).GetAsync($"/api/families/{site.FamilyB}")).StatusCode);
        await QueryAsync(async db =>
        {
            var token = await db.ApiTokens.SingleAsync(t => t.Name == "Attendance upload");
            token.ExpiresOn = DateOnly.FromDateTime(DateTime.Now).AddDays(-1);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Unauthorized, (await Program(expiring).GetAsync($"/api/families/{site.FamilyB}")).StatusCode);
        Assert.Contains("Expired", await CaseworkSite.PageAsync(school, "/api-tokens"), StringComparison.Ordinal);

        var kept = await MakeTokenAsync(school, "Termly report", days: "365");
        var keptId = await QueryAsync(db => db.ApiTokens.Where(t => t.Name == "Termly report").Select(t => t.Id).SingleAsync());
        var other = await site.SignedInAsync("north.practitioner");
        Assert.DoesNotContain("Termly report", await CaseworkSite.PageAsync(other, "/api-tokens"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await CaseworkSite.PostFormAsync(other, $"/api-tokens?handler=Revoke&tokenId={keptId}", [], tokenFrom: "/api-tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Program(kept).GetAsync($"/api/families/{site.FamilyB}")).StatusCode);

        // An administrator sees everyone's tokens, with whose they are, and revokes one, as when someone leaves.
        var admin = await site.SignedInAsync("admin");
        var everyone = await CaseworkSite.PageAsync(admin, "/api-tokens");
        Assert.Contains("Everyone's tokens", everyone, StringComparison.Ordinal);
        Assert.Matches("Termly report</td>\\s*<td[^>]*>school.practitioner", everyone);
        Assert.Equal(HttpStatusCode.Redirect, (await CaseworkSite.PostFormAsync(admin, $"/api-tokens?handler=Revoke&tokenId={keptId}", [], tokenFrom: "/api-tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Program(kept).GetAsync($"/api/families/{site.FamilyB}")).StatusCode);
        var adminId = await QueryAsync(db => db.Users.Where(u => u.UserName == "admin@test.example").Select(u => u.Id).SingleAsync());
        Assert.Equal(adminId, await QueryAsync(db => db.ApiTokens.Where(t => t.Id == keptId).Select(t => t.RevokedById).SingleAsync()));
        var schoolId = await QueryAsync(db => db.Users.Where(u => u.UserName == "school.practitioner@test.example").Select(u => u.Id).SingleAsync());
        Assert.True(await QueryAsync(db => db.Audit.AnyAsync(a => a.PersonId == schoolId && a.UserId == adminId && a.Action == "account" && a.What == "API token ‘Termly report’ revoked")));
        Assert.True(await QueryAsync(db => db.Audit.AnyAsync(a => a.PersonId == schoolId && a.UserId == schoolId && a.What.StartsWith("API token ‘Termly report’ made, working until "))));
    }

    [Fact]
    public async Task The_form_says_what_is_missing_and_makes_nothing()
    {
        var practitioner = await site.SignedInAsync("south.practitioner");
        var before = await QueryAsync(db => db.ApiTokens.CountAsync());
        var empty = await CaseworkSite.TextAsync(await CaseworkSite.PostFormAsync(practitioner, "/api-tokens?handler=Create", [], tokenFrom: "/api-tokens"));
        Assert.Contains("govuk-error-summary", empty, StringComparison.Ordinal);
        Assert.Contains("Enter what the token is for", empty, StringComparison.Ordinal);
        Assert.Contains("Select how long the token should work for", empty, StringComparison.Ordinal);
        var odd = await CaseworkSite.TextAsync(await CaseworkSite.PostFormAsync(practitioner, "/api-tokens?handler=Create", new() { ["Input.Name"] = "Sync", ["Input.Days"] = "7000" }, tokenFrom: "/api-tokens"));
        Assert.Contains("Select how long the token should work for", odd, StringComparison.Ordinal);
        Assert.Contains("value=\"Sync\"", odd, StringComparison.Ordinal);
        Assert.Equal(before, await QueryAsync(db => db.ApiTokens.CountAsync()));
    }

    [GeneratedRegex("id=\"new-token\"[^>]*>(eh_[A-Za-z0-9_-]{43})<")]
    private static partial Regex NewToken();
}

public sealed class SqliteApiTokenTests(SqliteSite site) : ApiTokenTests<SqliteSite>(site);

public sealed class PostgresApiTokenTests(PostgresSite site) : ApiTokenTests<PostgresSite>(site);
