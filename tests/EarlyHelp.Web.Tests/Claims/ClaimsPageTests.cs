using System.Net;
using EarlyHelp.Web.Tests.Casework;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.Claims;

/// <summary>The claims page's three lists and who may see and do what, on each database.</summary>
public abstract class ClaimsPageTests<TSite>(TSite site) : IClassFixture<TSite>
    where TSite : CaseworkSite
{
    [Fact]
    public async Task The_claims_page_lists_claimable_families_those_claimable_soon_with_the_date_and_blocked_ones_with_their_blockers()
    {
        await ClaimsConfiguration.AddClosedFamilyAsync(site, "LST-NOW");
        await ClaimsConfiguration.AddClosedFamilyAsync(site, "LST-SOON", closedDaysAgo: 30);
        await ClaimsConfiguration.AddClosedFamilyAsync(site, "LST-BLOCKED", evidenceForEveryNeed: false);
        var analyst = await site.SignedInAsync("analyst");

        var claimable = await CaseworkSite.PageAsync(analyst, "/claims");
        Assert.Matches(">LST-NOW</a></td>\\s*<td[^>]*>South</td>\\s*<td[^>]*>[0-9]+ [A-Z][a-z]+ 20[0-9]{2}</td>\\s*<td[^>]*>Improved family relationships, Financial stability, Improved mental and physical health", claimable);
        Assert.DoesNotContain("LST-SOON", claimable, StringComparison.Ordinal);
        Assert.Contains("Claimable now (1)", claimable, StringComparison.Ordinal);
        Assert.Contains("Becomes claimable (1)", claimable, StringComparison.Ordinal);
        Assert.Contains("Blocked (1)", claimable, StringComparison.Ordinal);

        var soon = await CaseworkSite.PageAsync(analyst, "/claims?show=soon");
        var closedOn = DateOnly.FromDateTime(DateTime.Now).AddDays(-30);
        var claimableOn = await site.QueryAsync(db => db.Episodes.Where(e => e.ClosedOn == closedOn && db.Families.Any(f => f.Id == e.FamilyId && f.Reference == "LST-SOON")).Select(e => e.ClaimableOn).SingleAsync());
        Assert.Equal(closedOn.AddMonths(6), claimableOn);
        Assert.Matches($">LST-SOON</a></td>\\s*<td[^>]*>South</td>\\s*<td[^>]*>{claimableOn!.Value:d MMMM yyyy}</td>", soon);
        Assert.Contains("sustain", soon, StringComparison.OrdinalIgnoreCase); // what must hold until then

        var blocked = await CaseworkSite.PageAsync(analyst, "/claims?show=blocked");
        Assert.Contains(">LST-BLOCKED</a>", blocked, StringComparison.Ordinal);
        Assert.Matches("<dt class=\"govuk-summary-list__key\">[^<]*debt[^<]*</dt>", blocked); // the blocker is under its need
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync("/claims?show=everything")).StatusCode);
    }

    [Fact]
    public async Task Analysts_and_auditors_use_the_claims_pages_managers_only_view_them_and_others_are_refused()
    {
        foreach (var user in new[] { "north.practitioner", "admin" })
        {
            var client = await site.SignedInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/claims")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/claims/history")).StatusCode);
        }

        var manager = await site.SignedInAsync("north.manager");
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/claims")).StatusCode);
        var history = await CaseworkSite.PageAsync(manager, "/claims/history");
        Assert.DoesNotContain("Build claim", history, StringComparison.Ordinal);
        var built = await CaseworkSite.PostFormAsync(manager, "/claims/history", new() { ["Window"] = ClaimsConfiguration.WindowA }, tokenFrom: "/value");
        Assert.Equal(HttpStatusCode.Forbidden, built.StatusCode);
        var auditor = await site.SignedInAsync("auditor");
        Assert.Equal(HttpStatusCode.Forbidden, (await CaseworkSite.PostFormAsync(auditor, "/claims/history", new() { ["Window"] = ClaimsConfiguration.WindowA }, tokenFrom: "/value")).StatusCode);
        Assert.Equal(0, await site.QueryAsync(db => db.Claims.CountAsync()));

        // The analyst is asked to choose a window, with the GOV.UK error summary, and sees only windows open today.
        var analyst = await site.SignedInAsync("analyst");
        var form = await CaseworkSite.PageAsync(analyst, "/claims/history");
        Assert.Contains(ClaimsConfiguration.WindowA, form, StringComparison.Ordinal);
        Assert.DoesNotContain("Spring 2020", form, StringComparison.Ordinal);
        var unchosen = await CaseworkSite.TextAsync(await CaseworkSite.PostFormAsync(analyst, "/claims/history", []));
        Assert.Contains("govuk-error-summary", unchosen, StringComparison.Ordinal);
        Assert.Contains("Select a claim window", unchosen, StringComparison.Ordinal);
        Assert.Contains("<title>Error: ", unchosen, StringComparison.Ordinal);

        // A manager sees a claim's evidence pack only for their own team's families: the south team's is refused, and audited.
        await ClaimsConfiguration.AddClosedFamilyAsync(site, "ACC-1");
        var response = await CaseworkSite.PostFormAsync(analyst, "/claims/history", new() { ["Window"] = ClaimsConfiguration.WindowA });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var line = await site.QueryAsync(db => db.ClaimLines.SingleAsync(l => l.FamilyReference == "ACC-1"));
        var managerId = await site.QueryAsync(db => db.Users.Where(u => u.UserName == "north.manager@test.example").Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/claims/{line.ClaimId}/families/{line.Id}")).StatusCode);
        Assert.True(await site.QueryAsync(db => db.Audit.AnyAsync(a => a.FamilyId == line.FamilyId && a.UserId == managerId && a.Action == "refused")));
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/claims/{line.ClaimId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/claims/{line.ClaimId}/families/{line.Id}")).StatusCode);
    }
}

public sealed class SqliteClaimsPageTests(ClaimsSqliteSite site) : ClaimsPageTests<ClaimsSqliteSite>(site);

public sealed class PostgresClaimsPageTests(ClaimsPostgresSite site) : ClaimsPageTests<ClaimsPostgresSite>(site);
