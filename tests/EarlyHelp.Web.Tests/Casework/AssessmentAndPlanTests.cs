using System.Net;
using System.Text.RegularExpressions;
using EarlyHelp.Core.Casework;
using ClaimStatus = EarlyHelp.Core.Outcomes.ClaimStatus;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.Casework;

/// <summary>The Early Help Assessment, the Family Plan, the claim tab and the caseload's claim filter, on each database.</summary>
public abstract partial class AssessmentAndPlanTests<TSite>(TSite site) : IClassFixture<TSite>
    where TSite : CaseworkSite
{
    private static readonly string[] Headlines =
        ["education", "early-years", "health", "substance-use", "family-relationships", "abuse-exploitation", "crime", "domestic-abuse", "housing", "financial-stability"];

    [Fact]
    public async Task The_assessment_is_a_task_list_with_a_section_for_each_headline_outcome()
    {
        var id = await site.AddAllocatedFamilyAsync("EHA-LIST");
        var client = await site.SignedInAsync("north.practitioner");
        var html = await CaseworkSite.PageAsync(client, $"/families/{id}/assessment");
        Assert.Contains("govuk-task-list", html, StringComparison.Ordinal);
        foreach (var headline in Headlines)
        {
            Assert.Contains($"/families/{id}/assessment/{headline}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("Each child's voice", html, StringComparison.Ordinal);
        Assert.Contains("Level of need", html, StringComparison.Ordinal);
        Assert.Contains("Start the assessment", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_section_with_an_error_keeps_what_was_typed_and_a_saved_section_records_needs_by_code()
    {
        var id = await site.AddAllocatedFamilyAsync("EHA-SECTION");
        var client = await site.SignedInAsync("north.practitioner");
        var yusuf = await site.QueryAsync(db => db.Members.Where(m => m.FamilyId == id && m.GivenName == "Yusuf").Select(m => m.Id).SingleAsync());
        var path = $"/families/{id}/assessment/education";

        var invalid = await CaseworkSite.PostFormAsync(client, path, new()
        {
            ["Input.Strengths"] = "Yusuf loves football club",
            ["Input.Recorded"] = $"EDU-ATTEND-90|{yusuf}",
        });
        var html = await CaseworkSite.TextAsync(invalid);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Select yes if you have completed this section", html, StringComparison.Ordinal);
        Assert.Contains("Yusuf loves football club", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"EDU-ATTEND-90|{yusuf}\" checked", html, StringComparison.Ordinal);
        Assert.Equal(0, await site.QueryAsync(db => Needs(db, id).CountAsync()));

        var saved = await CaseworkSite.PostFormAsync(client, path, new()
        {
            ["Input.Strengths"] = "Yusuf loves football club",
            ["Input.Needs"] = "Yusuf has missed a day most weeks since September",
            ["Input.FamilyVoice"] = "Mum says mornings are a battle",
            ["Input.Recorded"] = $"EDU-ATTEND-90|{yusuf}",
            ["Input.Completed"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/families/{id}/assessment", saved.Headers.Location!.OriginalString);

        var need = await site.QueryAsync(db => Needs(db, id).SingleAsync());
        Assert.Equal(("EDU-ATTEND-90", yusuf), (need.Code, need.MemberId));
        var episode = await site.QueryAsync(db => db.Episodes.SingleAsync(e => e.FamilyId == id));
        Assert.Equal(EpisodeStage.Assessment, episode.Stage);
        Assert.NotNull(episode.AssessmentStartedOn);
        Assert.NotNull(episode.EvaluatedOn);

        var list = await CaseworkSite.PageAsync(client, $"/families/{id}/assessment");
        Assert.Contains("1 need recorded", list, StringComparison.Ordinal);
        var check = await CaseworkSite.PageAsync(client, $"/families/{id}/assessment/check");
        Assert.Contains("Mum says mornings are a battle", check, StringComparison.Ordinal);
        Assert.Contains("(Yusuf Khan)", check, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_need_not_in_the_section_or_for_the_wrong_person_is_refused()
    {
        var id = await site.AddAllocatedFamilyAsync("EHA-WRONG");
        var client = await site.SignedInAsync("north.practitioner");
        var mother = await site.QueryAsync(db => db.Members.Where(m => m.FamilyId == id && m.GivenName == "Amira").Select(m => m.Id).SingleAsync());
        foreach (var recorded in new[] { "HSG-TA", $"EDU-ATTEND-90|{mother}", "EDU-ATTEND-90" })
        {
            var response = await CaseworkSite.PostFormAsync(client, $"/families/{id}/assessment/education", new()
            {
                ["Input.Recorded"] = recorded,
                ["Input.Completed"] = "true",
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Select needs from the list", await CaseworkSite.TextAsync(response), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Two_people_saving_the_same_section_the_second_is_told_and_loses_nothing()
    {
        var id = await site.AddAllocatedFamilyAsync("EHA-TWO");
        var first = await site.SignedInAsync("north.practitioner");
        var second = await site.SignedInAsync("north.manager");
        var path = $"/families/{id}/assessment/health";
        await CaseworkSite.PostFormAsync(first, path, new() { ["Input.Strengths"] = "Started", ["Input.Completed"] = "false" });
        var form = await CaseworkSite.PageAsync(second, path);
        var version = Regex.Match(form, "name=\"Input.Version\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(version);

        var firstSave = await CaseworkSite.PostFormAsync(first, path, new() { ["Input.Strengths"] = "The practitioner's words", ["Input.Completed"] = "false", ["Input.Version"] = version });
        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        var secondSave = await CaseworkSite.PostFormAsync(second, path, new() { ["Input.Strengths"] = "The manager's words", ["Input.Completed"] = "true", ["Input.Version"] = version });
        var html = await CaseworkSite.TextAsync(secondSave);
        Assert.Equal(HttpStatusCode.OK, secondSave.StatusCode);
        Assert.Contains("Someone else saved this section while you were editing it", html, StringComparison.Ordinal);
        Assert.Contains("The practitioner's words", html, StringComparison.Ordinal);
        Assert.Contains("The manager's words", html, StringComparison.Ordinal);
        Assert.Equal("The practitioner's words", await site.QueryAsync(db => db.AssessmentSections.Where(s => db.Episodes.Any(e => e.Id == s.EpisodeId && e.FamilyId == id)).Select(s => s.Strengths).SingleAsync()));

        // Saving again from what the first saved, knowingly, keeps the second's words.
        var newVersion = Regex.Match(html, "name=\"Input.Version\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEqual(version, newVersion);
        var again = await CaseworkSite.PostFormAsync(second, path, new() { ["Input.Strengths"] = "The manager's words", ["Input.Completed"] = "true", ["Input.Version"] = newVersion });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("The manager's words", await site.QueryAsync(db => db.AssessmentSections.Where(s => db.Episodes.Any(e => e.Id == s.EpisodeId && e.FamilyId == id)).Select(s => s.Strengths).SingleAsync()));
    }

    [Fact]
    public async Task The_assessment_completes_only_when_every_section_and_the_level_of_need_are_done()
    {
        var id = await site.AddAllocatedFamilyAsync("EHA-DONE");
        var client = await site.SignedInAsync("north.practitioner");
        var check = $"/families/{id}/assessment/check";

        var early = await CaseworkSite.PostFormAsync(client, check, new() { ["Version"] = await VersionAsync(id) });
        var errors = await CaseworkSite.TextAsync(early);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("Complete the section ‘Secure housing’", errors, StringComparison.Ordinal);
        Assert.Contains("Select the family's level of need", errors, StringComparison.Ordinal);
        Assert.Contains("Record at least one need", errors, StringComparison.Ordinal);

        foreach (var headline in Headlines)
        {
            var fields = new Dictionary<string, string> { ["Input.Strengths"] = "Going well", ["Input.Completed"] = "true" };
            if (headline == "financial-stability")
            {
                fields["Input.Recorded"] = "FIN-DEBT";
            }
            else if (headline == "family-relationships")
            {
                fields["Input.Recorded"] = "REL-PARENTING";
            }

            Assert.Equal(HttpStatusCode.Redirect, (await CaseworkSite.PostFormAsync(client, $"/families/{id}/assessment/{headline}", fields)).StatusCode);
        }

        var yusuf = await site.QueryAsync(db => db.Members.Where(m => m.FamilyId == id && m.GivenName == "Yusuf").Select(m => m.Id).SingleAsync());
        var voices = await CaseworkSite.PostFormAsync(client, $"/families/{id}/assessment/voices", new() { [$"Voices[{yusuf}]"] = "I want to go to football club" });
        Assert.Equal(HttpStatusCode.Redirect, voices.StatusCode);
        var level = await CaseworkSite.PostFormAsync(client, $"/families/{id}/assessment/level", new() { ["Level"] = "3", ["Version"] = await VersionAsync(id) });
        Assert.Equal(HttpStatusCode.Redirect, level.StatusCode);

        var done = await CaseworkSite.PostFormAsync(client, check, new() { ["Version"] = await VersionAsync(id) });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal($"/families/{id}/plan", done.Headers.Location!.OriginalString);
        var episode = await site.QueryAsync(db => db.Episodes.Include(e => e.ChildVoices).SingleAsync(e => e.FamilyId == id));
        Assert.Equal(EpisodeStage.Plan, episode.Stage);
        Assert.NotNull(episode.AssessmentCompletedOn);
        Assert.Equal(3, episode.LevelOfNeedAtStart);
        Assert.Equal("I want to go to football club", Assert.Single(episode.ChildVoices).Words);

        // A completed assessment is read, not changed.
        var read = await CaseworkSite.PageAsync(client, $"/families/{id}/assessment/check");
        Assert.Contains("I want to go to football club", read, StringComparison.Ordinal);
        Assert.DoesNotContain("Complete the assessment</button>", read, StringComparison.Ordinal);
        var late = await CaseworkSite.PostFormAsync(client, $"/families/{id}/assessment/health", new() { ["Input.Completed"] = "true" }, tokenFrom: $"/families/{id}/members");
        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.Equal($"/families/{id}/assessment", late.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_stale_level_of_need_is_told_not_saved()
    {
        var id = await site.AddAllocatedFamilyAsync("EHA-LEVEL");
        var client = await site.SignedInAsync("north.practitioner");
        var version = await VersionAsync(id);
        Assert.Equal(HttpStatusCode.Redirect, (await CaseworkSite.PostFormAsync(client, $"/families/{id}/assessment/level", new() { ["Level"] = "2", ["Version"] = version })).StatusCode);
        var stale = await CaseworkSite.PostFormAsync(client, $"/families/{id}/assessment/level", new() { ["Level"] = "4", ["Version"] = version });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this family's record", await CaseworkSite.TextAsync(stale), StringComparison.Ordinal);
        Assert.Equal(2, await site.QueryAsync(db => db.Episodes.Where(e => e.FamilyId == id).Select(e => e.LevelOfNeedAtStart).SingleAsync()));
    }

    [Theory]
    [InlineData("school.practitioner")]
    [InlineData("south.practitioner")]
    [InlineData("analyst")]
    public async Task People_not_on_the_case_cannot_see_or_change_its_assessment_or_plan(string user)
    {
        var id = await site.AddAllocatedFamilyAsync($"EHA-{user.ToUpperInvariant()[..5]}");
        var client = await site.SignedInAsync(user);
        foreach (var page in new[] { "assessment", "assessment/health", "assessment/check", "plan", "plan/actions/new", "claim" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/families/{id}/{page}")).StatusCode);
        }

        var post = await CaseworkSite.PostFormAsync(client, $"/families/{id}/assessment/health", new() { ["Input.Completed"] = "true" }, tokenFrom: "/sign-out");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task An_auditor_reads_a_closed_familys_assessment_plan_and_claim_but_changes_nothing()
    {
        var client = await site.SignedInAsync("auditor");
        foreach (var page in new[] { "assessment", "assessment/check", "plan", "claim" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/families/{site.FamilyClosed}/{page}")).StatusCode);
        }

        var post = await CaseworkSite.PostFormAsync(client, $"/families/{site.FamilyClosed}/plan/actions/new", new() { ["Input.What"] = "Anything" }, tokenFrom: "/sign-out");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    private static IQueryable<EpisodeNeed> Needs(Data.EarlyHelpDbContext db, Guid familyId) =>
        db.Needs.Where(n => db.Episodes.Any(e => e.Id == n.EpisodeId && e.FamilyId == familyId));

    private Task<string> VersionAsync(Guid familyId) =>
        site.QueryAsync(async db => (await db.Episodes.Where(e => e.FamilyId == familyId).Select(e => e.Version).SingleAsync()).ToString());
}

public sealed class SqliteAssessmentAndPlanTests(SqliteSite site) : AssessmentAndPlanTests<SqliteSite>(site);

public sealed class PostgresAssessmentAndPlanTests(PostgresSite site) : AssessmentAndPlanTests<PostgresSite>(site);
