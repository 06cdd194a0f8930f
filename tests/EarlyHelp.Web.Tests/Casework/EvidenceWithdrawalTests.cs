using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EarlyHelp.Core.Casework;
using EarlyHelp.Core.Outcomes;
using EarlyHelp.Data;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.Casework;

/// <summary>Evidence recorded in error is withdrawn with a reason: kept in the record, no longer counted by the engine.</summary>
public abstract partial class FamilyRecordTests<TSite>
{
    /// <summary>A closed family, claimable: every need's outcome achieved, evidenced by the lead (or by <paramref name="recordedBy"/>).</summary>
    private async Task<(Guid Family, Guid MentalHealthEvidence)> ClaimableFamilyAsync(string? onTeam = null, string? recordedBy = null)
    {
        var recorder = recordedBy is null ? null : await UserIdAsync(recordedBy);
        var family = await NewFamilyAsync(onTeam: onTeam, shape: e =>
        {
            (e.Stage, e.ClosedOn, e.ClosureReason) = (EpisodeStage.Closed, new DateOnly(2024, 6, 3), ClosureReason.OutcomesAchieved);
            foreach (var need in e.Needs)
            {
                e.Evidence.Add(new EvidenceEntry
                {
                    NeedCode = need.Code, RecordedOn = new DateOnly(2024, 5, 20), Kind = "practitioner-assessment", OutcomeAchieved = true,
                    Note = need.Code == "HLT-ADULT-MH" ? "Entered against the wrong family." : null, RecordedById = recorder ?? e.LeadPractitionerId!,
                });
            }
        });
        var episode = await EpisodeAsync(family);
        return (family, episode.Evidence.Single(v => v.NeedCode == "HLT-ADULT-MH").Id);
    }

    [Fact]
    public async Task Evidence_recorded_in_error_is_withdrawn_with_a_reason_kept_in_the_record_and_no_longer_counted()
    {
        var (family, evidence) = await ClaimableFamilyAsync();
        var lead = await site.SignedInAsync("north.practitioner");
        Assert.Equal(ClaimStatus.Claimable, await LiveClaimStatusAsync(lead, family));
        var path = $"/families/{family}/outcomes/evidence/{evidence}/withdraw";
        AssertShows(await PageAsync(lead, $"/families/{family}/outcomes"), $"href=\"{path}\"");

        var form = await PageAsync(lead, path);
        AssertShows(form, "Withdraw evidence", "Adult needs support with their mental health – whole family", "20 May 2024", "Entered against the wrong family.");
        var refused = await TextAsync(await PostAsync(lead, path, new() { ["Input.Reason"] = "  " }));
        AssertRefused(refused, "Enter why you are withdrawing this evidence");
        Assert.Null((await EpisodeAsync(family)).Evidence.Single(v => v.Id == evidence).Withdrawal);

        var response = await PostAsync(lead, path, new() { ["Input.Reason"] = "Recorded for the Brook family by mistake." });
        AssertRedirectedTo(response, $"/families/{family}/outcomes");
        var outcomes = await PageAsync(lead, $"/families/{family}/outcomes");
        AssertShows(
            outcomes,
            "Evidence of 20 May 2024 withdrawn for Adult needs support with their mental health – whole family",
            "Withdrawn</strong>",
            $"Withdrawn on {CaseworkText(Today)} by north.practitioner (Early Help): Recorded for the Brook family by mistake.",
            "Not claimable yet");
        Assert.DoesNotContain($"href=\"{path}\"", outcomes, StringComparison.Ordinal);
        var timeline = await PageAsync(lead, $"/families/{family}/timeline");
        AssertShows(timeline, "Evidence withdrawn: Adult needs support with their mental health", "Recorded for the Brook family by mistake.");

        // Kept, marked, and the stored status follows the engine, which no longer reads it.
        var episode = await EpisodeAsync(family);
        var entry = Assert.Single(episode.Evidence, v => v.Id == evidence);
        Assert.Equal(("Recorded for the Brook family by mistake.", await UserIdAsync("north.practitioner")), (entry.Withdrawal!.Reason, entry.Withdrawal.ById));
        Assert.Equal(3, episode.Evidence.Count);
        Assert.Equal(ClaimStatus.NotClaimable, episode.ClaimStatus);
        Assert.Equal(ClaimStatus.NotClaimable, await LiveClaimStatusAsync(lead, family));

        // Withdrawn once only; the page says so rather than offering the form again.
        var again = await lead.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
        Assert.True(await db.Audit.AnyAsync(a => a.FamilyId == family && a.Action == "change" && a.What == $"POST {path}"));
    }

    /// <summary>Someone on the Team Around the Family withdraws what they recorded, not what others did; the lead and a manager may.</summary>
    [Fact]
    public async Task Only_whoever_recorded_the_evidence_the_lead_practitioner_or_a_manager_may_withdraw_it()
    {
        var (family, evidence) = await ClaimableFamilyAsync(onTeam: "school.practitioner");
        var path = $"/families/{family}/outcomes/evidence/{evidence}/withdraw";
        var member = await site.SignedInAsync("school.practitioner");
        Assert.DoesNotContain($"href=\"{path}\"", await PageAsync(member, $"/families/{family}/outcomes"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await CaseworkSite.PostFormAsync(member, path, new() { ["Input.Reason"] = "Trying" }, tokenFrom: "/sign-out")).StatusCode);
        var api = await member.PostAsJsonAsync($"/api/families/{family}/evidence/{evidence}/withdrawal", new { reason = "Trying" });
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Null((await EpisodeAsync(family)).Evidence.Single(v => v.Id == evidence).Withdrawal);

        var auditor = await site.SignedInAsync("auditor");
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync(path)).StatusCode);

        var (ownFamily, ownEvidence) = await ClaimableFamilyAsync(onTeam: "school.practitioner", recordedBy: "school.practitioner");
        AssertRedirectedTo(
            await PostAsync(member, $"/families/{ownFamily}/outcomes/evidence/{ownEvidence}/withdraw", new() { ["Input.Reason"] = "Wrong date." }),
            $"/families/{ownFamily}/outcomes");

        var manager = await site.SignedInAsync("north.manager");
        AssertRedirectedTo(await PostAsync(manager, path, new() { ["Input.Reason"] = "Duplicate of the GP's letter." }), $"/families/{family}/outcomes");
    }

    [Fact]
    public async Task The_api_withdraws_evidence_and_says_exactly_what_is_wrong()
    {
        var (family, evidence) = await ClaimableFamilyAsync();
        var lead = await site.SignedInAsync("north.practitioner");
        var url = $"/api/families/{family}/evidence/{evidence}/withdrawal";

        var empty = await lead.PostAsJsonAsync(url, new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Enter why you are withdrawing this evidence", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.PostAsJsonAsync($"/api/families/{family}/evidence/{Guid.NewGuid()}/withdrawal", new { reason = "Wrong family." })).StatusCode);

        var response = await lead.PostAsJsonAsync(url, new { reason = "Wrong family." });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Wrong family.", (string?)view["withdrawn"]!["reason"]);
        Assert.Equal(await UserIdAsync("north.practitioner"), (string?)view["withdrawn"]!["byId"]);
        Assert.Equal("Wrong family.", (string?)JsonNode.Parse(await lead.GetStringAsync($"/api/families/{family}/evidence/{evidence}"))!["withdrawn"]!["reason"]);
        Assert.Equal(ClaimStatus.NotClaimable, await LiveClaimStatusAsync(lead, family));

        var twice = await lead.PostAsJsonAsync(url, new { reason = "Again." });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("already been withdrawn", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A need whose only evidence was withdrawn may be removed; one with evidence that counts may not.</summary>
    [Fact]
    public async Task Withdrawn_evidence_no_longer_holds_its_need()
    {
        var family = await NewFamilyAsync(shape: e => e.Evidence.Add(new EvidenceEntry
        {
            NeedCode = "HLT-ADULT-MH", RecordedOn = new DateOnly(2024, 3, 1), Kind = "practitioner-assessment", OutcomeAchieved = false, RecordedById = e.LeadPractitionerId!,
        }));
        var lead = await site.SignedInAsync("north.practitioner");
        var need = await NeedIdAsync(family, "HLT-ADULT-MH");
        Assert.Equal(HttpStatusCode.Conflict, (await lead.DeleteAsync($"/api/families/{family}/needs/{need}")).StatusCode);

        var evidence = (await EpisodeAsync(family)).Evidence.Single().Id;
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsJsonAsync($"/api/families/{family}/evidence/{evidence}/withdrawal", new { reason = "The need was recorded in error." })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await lead.DeleteAsync($"/api/families/{family}/needs/{need}")).StatusCode);
    }

    private static string CaseworkText(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
