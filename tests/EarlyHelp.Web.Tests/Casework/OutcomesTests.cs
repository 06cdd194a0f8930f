using System.Net;
using System.Text.Json.Nodes;
using EarlyHelp.Core.Casework;
using EarlyHelp.Core.Outcomes;
using EarlyHelp.Data;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.Casework;

/// <summary>The evidence and outcomes page: the engine's verdict in full, the evidence for each need, and recording it.</summary>
public abstract partial class FamilyRecordTests<TSite>
{
    private async Task<Guid> NeedIdAsync(Guid family, string code)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
        return await db.Needs.Where(n => n.Code == code && db.Episodes.Any(e => e.Id == n.EpisodeId && e.FamilyId == family)).Select(n => n.Id).SingleAsync();
    }

    /// <summary>What the engine says of the family now, through the API: the stored claim status must agree with it.</summary>
    private static async Task<ClaimStatus> LiveClaimStatusAsync(HttpClient client, Guid family)
    {
        var verdict = JsonNode.Parse(await client.GetStringAsync($"/api/families/{family}/verdict"))!;
        return (string?)verdict["claim"]!["status"] switch
        {
            "claimable" => ClaimStatus.Claimable,
            "pending" => ClaimStatus.Pending,
            _ => ClaimStatus.NotClaimable,
        };
    }

    [Fact]
    public async Task The_lead_reads_the_engines_verdict_for_each_need()
    {
        var family = await NewFamilyAsync();
        var lead = await site.SignedInAsync("north.practitioner");
        var html = await PageAsync(lead, $"/families/{family}/outcomes");
        AssertShows(
            html,
            "Eligible: needs in 3 headline outcomes, at least 3 needed",
            "Not claimable yet",
            "No data evidence or practitioner assessment or self-assessment recorded.",
            "Family requires support with finances",
            "No evidence recorded for this need.",
            "Close episode 1",
            "<option value=\"validated-measure\">A validated measure, like GAD-7 or WEMWBS</option>",
            "<strong>GAD-7</strong> Generalised Anxiety Disorder Assessment (7 items)");
    }

    [Fact]
    public async Task Evidence_with_problems_is_refused_and_nothing_typed_is_lost()
    {
        var family = await NewFamilyAsync();
        var lead = await site.SignedInAsync("north.practitioner");
        var need = await NeedIdAsync(family, "HLT-ADULT-MH");
        var response = await PostAsync(lead, $"/families/{family}/outcomes", Form(
            new()
            {
                ["Input.NeedId"] = need.ToString(), ["Input.Kind"] = "validated-measure", ["Input.OutcomeAchieved"] = "true",
                ["Input.Instrument"] = "GAD-7", ["Input.Before"] = "30", ["Input.After"] = "seven", ["Input.Note"] = "Rescreened by the GP.",
            },
            Date("Input.RecordedOn", Today)));
        var html = await TextAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertRefused(html, "The score before must be between 0 and 21 for Generalised Anxiety Disorder Assessment (7 items)", "Score after must be a number, like 12 or 7.5");
        AssertShows(
            html,
            "value=\"seven\"",
            "value=\"GAD-7\"",
            "Rescreened by the GP.</textarea>",
            $"<option value=\"{need}\" selected>");

        var empty = await TextAsync(await PostAsync(lead, $"/families/{family}/outcomes", new() { ["Input.NeedId"] = Guid.NewGuid().ToString() }));
        AssertRefused(empty, "Select the kind of evidence", "Select yes if the outcome has been achieved", "Enter the date of the evidence", "Select one of the family's needs");
        Assert.Empty((await EpisodeAsync(family)).Evidence);
    }

    /// <summary>Evidence after closure (outcomes are sustained after it) can make the family claimable: the stored status follows.</summary>
    [Fact]
    public async Task Evidence_is_recorded_shown_on_the_timeline_and_the_claim_status_refreshed()
    {
        var family = await NewFamilyAsync(shape: e =>
        {
            (e.Stage, e.ClosedOn, e.ClosureReason, e.ClaimStatus) = (EpisodeStage.Closed, new DateOnly(2024, 6, 3), ClosureReason.OutcomesAchieved, ClaimStatus.NotClaimable);
            foreach (var need in e.Needs.Where(n => n.Code != "HLT-ADULT-MH"))
            {
                e.Evidence.Add(new EvidenceEntry { NeedCode = need.Code, RecordedOn = new DateOnly(2024, 5, 20), Kind = "practitioner-assessment", OutcomeAchieved = true, RecordedById = e.LeadPractitionerId! });
            }
        });
        var lead = await site.SignedInAsync("north.practitioner");
        Assert.Equal(ClaimStatus.NotClaimable, await LiveClaimStatusAsync(lead, family));

        var response = await PostAsync(lead, $"/families/{family}/outcomes", Form(
            new()
            {
                ["Input.NeedId"] = (await NeedIdAsync(family, "HLT-ADULT-MH")).ToString(), ["Input.Kind"] = "validated-measure", ["Input.OutcomeAchieved"] = "true",
                ["Input.Instrument"] = "GAD-7", ["Input.Before"] = "15", ["Input.After"] = "6", ["Input.Note"] = "Rescreened by the GP.",
            },
            Date("Input.RecordedOn", new DateOnly(2024, 5, 28))));
        AssertRedirectedTo(response, $"/families/{family}/outcomes");

        var html = await PageAsync(lead, $"/families/{family}/outcomes");
        AssertShows(
            html,
            "Evidence recorded for Adult needs support with their mental health",
            "GAD-7: 15 to 6",
            "GAD-7 fell from 15 to 6: an improvement",
            "north.practitioner (Early Help)");

        var timeline = await PageAsync(lead, $"/families/{family}/timeline");
        Assert.Contains("Evidence recorded: Adult needs support with their mental health", timeline, StringComparison.Ordinal);

        var episode = await EpisodeAsync(family);
        Assert.Equal(ClaimStatus.Claimable, await LiveClaimStatusAsync(lead, family));
        Assert.Equal(ClaimStatus.Claimable, episode.ClaimStatus);
        Assert.Equal(Today, episode.EvaluatedOn);
        var entry = Assert.Single(episode.Evidence, v => v.NeedCode == "HLT-ADULT-MH");
        Assert.Equal(("validated-measure", 15m, 6m, "Rescreened by the GP."), (entry.Kind, entry.Before!.Value, entry.After!.Value, entry.Note));
    }
}
