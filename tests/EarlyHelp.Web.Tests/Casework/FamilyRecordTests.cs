using System.Net;
using System.Text.RegularExpressions;
using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.Casework;

/// <summary>
/// The family record's meetings, timeline, evidence and outcomes, and closure pages, on each database. The
/// tests of each page are in their own file; each test makes a family of its own, so that none sees another's
/// changes. One class for all four pages, so that each database is started once for them.
/// </summary>
public abstract partial class FamilyRecordTests<TSite>(TSite site) : IClassFixture<TSite>
    where TSite : CaseworkSite
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    /// <summary>
    /// A family led by <paramref name="lead"/> in their team, its episode at the family plan stage with the given
    /// needs (national codes; family-level), received on 8 January 2024.
    /// </summary>
    private async Task<Guid> NewFamilyAsync(
        string lead = "north.practitioner",
        string framework = "national-2022",
        string[]? needs = null,
        string? onTeam = null,
        Action<Episode>? shape = null)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
        var leader = await db.Users.SingleAsync(u => u.UserName == $"{lead}@test.example");
        var family = new Family { Reference = $"T-{Guid.NewGuid():N}"[..12].ToUpperInvariant(), Address = new Address { Line1 = "2 Test Road", Town = "Walsall", Postcode = "WS2 2BB" } };
        family.Members.Add(new FamilyMember { GivenName = "Lena", FamilyName = "Brook", Relationship = "Mother", DateOfBirth = new DateOnly(1990, 2, 3) });
        family.Members.Add(new FamilyMember { GivenName = "Omar", FamilyName = "Brook", Relationship = "Son", DateOfBirth = new DateOnly(2013, 5, 6) });
        var episode = new Episode
        {
            Number = 1,
            Stage = EpisodeStage.Plan,
            FrameworkId = framework,
            ReceivedOn = new DateOnly(2024, 1, 8),
            EnquirySource = "Oakfield Primary School",
            EnquiryReason = "Omar's attendance has dropped and the family is behind on rent.",
            FamilyAgreesToEarlyHelp = true,
            Decision = FrontDoorDecision.EarlyHelpAssessment,
            DecidedOn = new DateOnly(2024, 1, 9),
            TeamId = leader.TeamId,
            LeadPractitionerId = leader.Id,
            AllocatedOn = new DateOnly(2024, 1, 10),
            AssessmentStartedOn = new DateOnly(2024, 1, 15),
            AssessmentCompletedOn = new DateOnly(2024, 2, 1),
            FamilyPlanAgreedOn = new DateOnly(2024, 2, 5),
            SupportReceived = true,
            Needs = [.. (needs ?? ["FIN-DEBT", "REL-PARENTING", "HLT-ADULT-MH"]).Select(code => new EpisodeNeed { Code = code, IdentifiedOn = new DateOnly(2024, 1, 8) })],
        };
        if (onTeam is not null)
        {
            var member = await db.Users.SingleAsync(u => u.UserName == $"{onTeam}@test.example");
            episode.TeamAroundTheFamily.Add(new TeamAroundTheFamilyMember { UserId = member.Id, Agency = "Oakfield Primary School" });
        }

        shape?.Invoke(episode);
        family.Episodes.Add(episode);
        db.Families.Add(family);
        await db.SaveChangesAsync();
        return family.Id;
    }

    private async Task<Episode> EpisodeAsync(Guid family)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
        return await db.Episodes.AsNoTracking().Include(e => e.Evidence).Include(e => e.Notes).Include(e => e.Meetings).Include(e => e.TeamAroundTheFamily)
            .AsSplitQuery().SingleAsync(e => e.FamilyId == family);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields) =>
        CaseworkSite.PostFormAsync(client, path, fields, tokenFrom: path.Split('?')[0]);

    private static Dictionary<string, string> Date(string field, DateOnly date) => new()
    {
        [$"{field}.Day"] = date.Day.ToString(), [$"{field}.Month"] = date.Month.ToString(), [$"{field}.Year"] = date.Year.ToString(),
    };

    private static Dictionary<string, string> Form(params Dictionary<string, string>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static async Task<string> PageAsync(HttpClient client, string path) => WebUtility.HtmlDecode(await client.GetStringAsync(path));

    private static void AssertShows(string html, params string[] texts)
    {
        foreach (var text in texts)
        {
            Assert.Contains(text, html, StringComparison.Ordinal);
        }
    }

    /// <summary>A page that refused a form shows the GOV.UK error summary with every message, and says so in its title.</summary>
    private static void AssertRefused(string html, params string[] messages) => AssertShows(html, ["govuk-error-summary", "<title>Error: ", .. messages]);

    private static void AssertRedirectedTo(HttpResponseMessage response, string path)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(path, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("meetings")]
    [InlineData("timeline")]
    [InlineData("outcomes")]
    [InlineData("close")]
    public async Task Each_page_is_refused_to_a_practitioner_not_on_the_case(string page)
    {
        var family = await NewFamilyAsync();
        var outsider = await site.SignedInAsync("south.practitioner");
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/families/{family}/{page}")).StatusCode);
        var post = await CaseworkSite.PostFormAsync(outsider, $"/families/{family}/{page}", new() { ["Input.Text"] = "Trying" }, tokenFrom: "/sign-out");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);

        var lead = await site.SignedInAsync("north.practitioner");
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"/families/{family}/{page}")).StatusCode);
    }

    /// <summary>Analysts and auditors read a closed family's record and change none of it, and are offered no forms.</summary>
    [Theory]
    [InlineData("analyst", "meetings", "?handler=Meeting")]
    [InlineData("auditor", "meetings", "?handler=AddMember")]
    [InlineData("analyst", "timeline", "")]
    [InlineData("auditor", "outcomes", "")]
    public async Task Analysts_and_auditors_read_the_pages_but_may_not_change_anything(string user, string page, string handler)
    {
        var family = await NewFamilyAsync(shape: e => (e.Stage, e.ClosedOn, e.ClosureReason) = (EpisodeStage.Closed, new DateOnly(2024, 6, 1), ClosureReason.OutcomesAchieved));
        var client = await site.SignedInAsync(user);
        var html = await PageAsync(client, $"/families/{family}/{page}");
        Assert.DoesNotContain("<form method=\"post\"", html, StringComparison.Ordinal);

        var post = await CaseworkSite.PostFormAsync(client, $"/families/{family}/{page}{handler}", new() { ["Input.Text"] = "Trying" }, tokenFrom: "/sign-out");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/families/{family}/close")).StatusCode);
    }

    [GeneratedRegex("name=\"Input.Version\" value=\"([^\"]+)\"")]
    private static partial Regex VersionField();
}

public sealed class SqliteFamilyRecordTests(SqliteSite site) : FamilyRecordTests<SqliteSite>(site);

public sealed class PostgresFamilyRecordTests(PostgresSite site) : FamilyRecordTests<PostgresSite>(site);
