using System.Net;
using System.Text.RegularExpressions;
using EarlyHelp.Data;
using EarlyHelp.Web.Tests.Casework;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.ServiceDirectory;

/// <summary>
/// Directory services on a family's plan: matched to the family's needs and ages, nearest its postcode first, and
/// a referral that becomes a plan action naming the service and an entry on the timeline; on each database.
/// </summary>
public abstract partial class PlanServicesTests<TSite>(TSite site) : IClassFixture<TSite>
    where TSite : CaseworkSite
{
    private static async Task<string> HtmlAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_plan_shows_services_for_the_familys_needs_nearest_first()
    {
        var lead = await site.SignedInAsync("north.practitioner");
        var plan = await HtmlAsync(lead, $"/families/{site.FamilyA}/plan");
        Assert.Contains($"href=\"/families/{site.FamilyA}/plan/services\"", plan, StringComparison.Ordinal);

        var html = await HtmlAsync(lead, $"/families/{site.FamilyA}/plan/services");
        Assert.Contains("nearest to WS1 first", html, StringComparison.Ordinal);
        var names = SuggestionName().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(names);

        // Family A's needs: debt, parenting and an adult's mental health; its members are an adult and a child.
        Assert.Contains(names, n => n.StartsWith("Debt and money advice", StringComparison.Ordinal) || n.StartsWith("Parenting programme", StringComparison.Ordinal)
            || n.StartsWith("Talking therapies", StringComparison.Ordinal) || n.StartsWith("Family support drop-in", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.StartsWith("Stay and play", StringComparison.Ordinal) || n.StartsWith("Housing advice", StringComparison.Ordinal));
        var miles = Miles().Matches(html).Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(names.Count, miles.Count);
        Assert.Equal(miles.Order(), miles);

        var debtOnly = await HtmlAsync(lead, $"/families/{site.FamilyA}/plan/services?need=FIN-DEBT");
        Assert.All(SuggestionName().Matches(debtOnly).Select(m => m.Groups[1].Value), n => Assert.Matches("^(Debt and money advice|Family support drop-in)", n));
    }

    [Fact]
    public async Task Referring_adds_a_plan_action_naming_the_service_and_a_timeline_entry()
    {
        var family = await site.AddOpenFamilyAsync($"REF-{Guid.NewGuid():N}"[..12]);
        var lead = await site.SignedInAsync("north.practitioner");
        var path = $"/families/{family}/plan/services?need=FIN-DEBT";
        var html = await HtmlAsync(lead, path);
        var serviceId = ServiceId().Match(html).Groups[1].Value;
        var name = SuggestionName().Match(html).Groups[1].Value;
        var response = await CaseworkSite.PostFormAsync(lead, $"/families/{family}/plan/services", new() { ["ServiceId"] = serviceId, ["NeedCode"] = "FIN-DEBT" }, tokenFrom: path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/families/{family}/plan", response.Headers.Location?.OriginalString);

        var plan = await HtmlAsync(lead, $"/families/{family}/plan");
        Assert.Contains($"Referred to {name}: the referral is in the plan and on the timeline", plan, StringComparison.Ordinal);
        Assert.Contains($"Referral to {name}", plan, StringComparison.Ordinal);
        Assert.Contains($"<a class=\"govuk-link govuk-!-font-size-16\" href=\"/services/{serviceId}\">Directory service: {name}</a>", plan, StringComparison.Ordinal);

        var timeline = await HtmlAsync(lead, $"/families/{family}/timeline");
        Assert.Contains($"Referred to {name}", timeline, StringComparison.Ordinal);
        Assert.Contains("Family requires support with finances and/or has unmanageable debt", timeline, StringComparison.Ordinal);

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
        var referral = await db.ServiceReferrals.SingleAsync(r => r.ServiceId == Guid.Parse(serviceId) && db.Episodes.Any(e => e.Id == r.EpisodeId && e.FamilyId == family));
        var action = await db.Actions.SingleAsync(a => a.Id == referral.PlanActionId);
        Assert.Equal("FIN-DEBT", action.NeedCode);
        Assert.True(await db.Audit.AnyAsync(a => a.FamilyId == family && a.Action == "change" && a.What == $"POST /families/{family}/plan/services"));
    }

    [Fact]
    public async Task A_referral_to_a_service_not_in_the_directory_is_refused_and_nothing_is_added()
    {
        var family = await site.AddOpenFamilyAsync($"BAD-{Guid.NewGuid():N}"[..12]);
        var lead = await site.SignedInAsync("north.practitioner");
        var response = await CaseworkSite.PostFormAsync(lead, $"/families/{family}/plan/services", new() { ["ServiceId"] = Guid.NewGuid().ToString(), ["NeedCode"] = "FIN-DEBT" }, tokenFrom: $"/families/{family}/plan/services");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Select a service from the list: that one is no longer in the directory", html, StringComparison.Ordinal);

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
        Assert.False(await db.Actions.AnyAsync(a => db.Episodes.Any(e => e.Id == a.EpisodeId && e.FamilyId == family)));
    }

    [Fact]
    public async Task Someone_who_may_not_see_the_family_cannot_see_or_refer()
    {
        var other = await site.SignedInAsync("south.practitioner");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/families/{site.FamilyA}/plan/services")).StatusCode);
        var response = await CaseworkSite.PostFormAsync(other, $"/families/{site.FamilyA}/plan/services", new() { ["ServiceId"] = Guid.NewGuid().ToString() }, tokenFrom: "/enquiries/new");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [GeneratedRegex("<h3 class=\"govuk-heading-s govuk-!-margin-bottom-1\"><a class=\"govuk-link\" href=\"/services/[0-9a-f-]+\">([^<]+)</a>")]
    private static partial Regex SuggestionName();

    [GeneratedRegex(", ([0-9.]+) miles away</span>")]
    private static partial Regex Miles();

    [GeneratedRegex("name=\"ServiceId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex ServiceId();
}

public sealed class SqlitePlanServicesTests(SqliteDirectorySite site) : PlanServicesTests<SqliteDirectorySite>(site);

public sealed class PostgresPlanServicesTests(PostgresDirectorySite site) : PlanServicesTests<PostgresDirectorySite>(site);
