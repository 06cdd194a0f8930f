using System.Net;
using EarlyHelp.Core.Casework;
using EarlyHelp.Core.Outcomes;
using EarlyHelp.Data;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.Casework;

/// <summary>Closing an episode: the needs' evidence first, the form's checks, the stored claim status, and two people closing at once.</summary>
public abstract partial class FamilyRecordTests<TSite>
{
    private static Dictionary<string, string> Closure(string reason, DateOnly on, string note, Guid version, string level = "2") => Form(
        new() { ["Input.Reason"] = reason, ["Input.LevelOfNeed"] = level, ["Input.SupportReceived"] = "true", ["Input.Note"] = note, ["Input.Version"] = version.ToString() },
        Date("Input.ClosedOn", on));

    private static async Task<Guid> VersionOnFormAsync(HttpClient client, Guid family) =>
        Guid.Parse(VersionField().Match(await client.GetStringAsync($"/families/{family}/close")).Groups[1].Value);

    [Fact]
    public async Task The_closure_page_warns_of_needs_without_evidence()
    {
        var family = await NewFamilyAsync(shape: e => e.Evidence.Add(new EvidenceEntry
        {
            NeedCode = "FIN-DEBT", RecordedOn = new DateOnly(2024, 5, 1), Kind = "practitioner-assessment", OutcomeAchieved = true, RecordedById = "someone",
        }));
        var lead = await site.SignedInAsync("north.practitioner");
        var html = await PageAsync(lead, $"/families/{family}/close");
        Assert.Contains("<h1 class=\"govuk-heading-l\">Close episode 1</h1>", html, StringComparison.Ordinal);
        Assert.Contains("1 piece of evidence recorded", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("No evidence recorded: the outcome cannot be shown as achieved").Length - 1);
        Assert.Contains("Why is the family being stepped up to children's social care?", html, StringComparison.Ordinal);
        Assert.Contains("Level 3: multiple or complex", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_lead_practitioner_or_a_manager_closes_an_episode()
    {
        var family = await NewFamilyAsync(onTeam: "school.practitioner");
        var member = await site.SignedInAsync("school.practitioner");
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/families/{family}/outcomes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/families/{family}/close")).StatusCode);
        Assert.DoesNotContain("/close\"", await member.GetStringAsync($"/families/{family}/outcomes"), StringComparison.Ordinal);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var schoolId = await UserIdAsync("school.practitioner");
            var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
            Assert.True(await db.Audit.AnyAsync(a => a.FamilyId == family && a.UserId == schoolId && a.Action == "refused" && a.What == $"GET /families/{family}/close"));
        }

        var manager = await site.SignedInAsync("north.manager");
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/families/{family}/close")).StatusCode);
    }

    [Fact]
    public async Task A_closure_with_problems_is_refused_and_nothing_typed_is_lost()
    {
        var family = await NewFamilyAsync();
        var lead = await site.SignedInAsync("north.practitioner");
        var version = await VersionOnFormAsync(lead, family);
        var response = await PostAsync(lead, $"/families/{family}/close", Closure("StepUpToSocialCare", new DateOnly(2023, 12, 31), "Strategy discussion held.", version, level: "4"));
        var html = await TextAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertRefused(html, "Enter why the family is being stepped up to children's social care", "Date of closure must be on or after 8 January 2024, when the enquiry was received");
        AssertShows(
            html,
            "href=\"#Input-StepUpReasons\"",
            "Strategy discussion held.</textarea>",
            "value=\"StepUpToSocialCare\" checked",
            "value=\"4\" checked",
            "value=\"31\"");
        // The step up's question is revealed, not hidden, when its radio is chosen.
        Assert.Matches("class=\"govuk-radios__conditional\" id=\"conditional-Input-Reason-\\d\">\\s*<div class=\"govuk-form-group govuk-form-group--error\"><label class=\"govuk-label\" for=\"Input-StepUpReasons\"", html);

        var future = await TextAsync(await PostAsync(lead, $"/families/{family}/close", Form(Date("Input.ClosedOn", Today.AddDays(1)), new() { ["Input.Version"] = version.ToString() })));
        AssertRefused(future, "Select why the episode is closing", "Date of closure must be today or in the past", "Select the family's level of need at closure", "Select yes if the family received support");
        Assert.Equal(EpisodeStage.Plan, (await EpisodeAsync(family)).Stage);
    }

    [Fact]
    public async Task Closing_an_episode_stores_it_with_the_claim_status_and_shows_it_everywhere()
    {
        var family = await NewFamilyAsync(shape: e =>
        {
            foreach (var need in e.Needs)
            {
                e.Evidence.Add(new EvidenceEntry { NeedCode = need.Code, RecordedOn = new DateOnly(2024, 5, 20), Kind = "practitioner-assessment", OutcomeAchieved = true, RecordedById = e.LeadPractitionerId! });
            }
        });
        var lead = await site.SignedInAsync("north.practitioner");
        var version = await VersionOnFormAsync(lead, family);
        var response = await PostAsync(lead, $"/families/{family}/close", Form(
            Closure("StepDownToUniversalServices", new DateOnly(2024, 6, 3), "Family hub drop-in offered.", version, level: "1"),
            new() { ["Input.StepDownReasons"] = "Attendance is back above 95% and the debt is managed." }));
        AssertRedirectedTo(response, $"/families/{family}");

        Assert.Contains("Episode 1 closed: step down to universal services", await PageAsync(lead, $"/families/{family}"), StringComparison.Ordinal);
        var episode = await EpisodeAsync(family);
        Assert.Equal((EpisodeStage.Closed, new DateOnly(2024, 6, 3), ClosureReason.StepDownToUniversalServices, 1), (episode.Stage, episode.ClosedOn!.Value, episode.ClosureReason!.Value, episode.LevelOfNeedAtClosure!.Value));
        Assert.Equal("Attendance is back above 95% and the debt is managed.\n\nFamily hub drop-in offered.", episode.ClosureNote);
        Assert.NotEqual(version, episode.Version);
        Assert.Equal(await LiveClaimStatusAsync(lead, family), episode.ClaimStatus);
        Assert.Equal(ClaimStatus.Claimable, episode.ClaimStatus); // evidenced, and sustained six months since June 2024

        var timeline = await PageAsync(lead, $"/families/{family}/timeline");
        AssertShows(
            timeline,
            "<h3 class=\"moj-timeline__title\">Episode 1 closed: Step down to universal services</h3>",
            "Level 1: universal",
            "Attendance is back above 95% and the debt is managed.");

        // Closed: the form is gone, and the meetings page says so.
        AssertRedirectedTo(await lead.GetAsync($"/families/{family}/close"), $"/families/{family}");
        Assert.DoesNotContain("Record a meeting or review", await PageAsync(lead, $"/families/{family}/meetings"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_second_of_two_closures_from_the_same_version_is_told_and_the_first_kept()
    {
        var family = await NewFamilyAsync();
        var lead = await site.SignedInAsync("north.practitioner");
        var manager = await site.SignedInAsync("north.manager");
        var version = await VersionOnFormAsync(lead, family);
        Assert.Equal(version, await VersionOnFormAsync(manager, family));

        AssertRedirectedTo(await PostAsync(lead, $"/families/{family}/close", Closure("OutcomesAchieved", Today, "Closed by the lead.", version)), $"/families/{family}");
        // The manager's page was open before the lead saved: the form itself is gone now, so the token comes from elsewhere.
        var second = await CaseworkSite.PostFormAsync(manager, $"/families/{family}/close", Closure("MovedAway", Today.AddDays(-1), "The family moved to Leeds.", version, level: "3"), tokenFrom: "/sign-out");
        var html = await TextAsync(second);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        AssertShows(
            html,
            "Someone else closed this episode since you opened this page.",
            "Your answers (not saved)",
            "The family moved to Leeds.",
            "Level 3: multiple or complex");
        var episode = await EpisodeAsync(family);
        Assert.Equal((ClosureReason.OutcomesAchieved, Today, "Closed by the lead.", 2), (episode.ClosureReason!.Value, episode.ClosedOn!.Value, episode.ClosureNote, episode.LevelOfNeedAtClosure!.Value));
    }

    [Fact]
    public async Task A_closure_made_from_an_old_version_is_told_and_can_be_saved_again()
    {
        var family = await NewFamilyAsync();
        var lead = await site.SignedInAsync("north.practitioner");
        var version = await VersionOnFormAsync(lead, family);

        // Someone else changes the episode while the lead is filling in the form.
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
            var changed = await db.Episodes.SingleAsync(e => e.FamilyId == family);
            changed.FamilyPlanAgreedOn = new DateOnly(2024, 2, 6);
            await db.SaveChangesAsync();
        }

        var stale = await PostAsync(lead, $"/families/{family}/close", Closure("FamilyDeclined", Today, "Lena no longer wants support.", version));
        var html = await TextAsync(stale);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        AssertShows(
            html,
            "Someone else changed the family's record since you opened this page.",
            "Lena no longer wants support.</textarea>",
            "value=\"FamilyDeclined\" checked");
        var unchanged = await EpisodeAsync(family);
        Assert.Equal((EpisodeStage.Plan, new DateOnly(2024, 2, 6)), (unchanged.Stage, unchanged.FamilyPlanAgreedOn!.Value));

        var current = Guid.Parse(VersionField().Match(html).Groups[1].Value);
        Assert.Equal(unchanged.Version, current);
        AssertRedirectedTo(await PostAsync(lead, $"/families/{family}/close", Closure("FamilyDeclined", Today, "Lena no longer wants support.", current)), $"/families/{family}");
        var closed = await EpisodeAsync(family);
        Assert.Equal((EpisodeStage.Closed, ClosureReason.FamilyDeclined, new DateOnly(2024, 2, 6)), (closed.Stage, closed.ClosureReason!.Value, closed.FamilyPlanAgreedOn!.Value));
    }
}
