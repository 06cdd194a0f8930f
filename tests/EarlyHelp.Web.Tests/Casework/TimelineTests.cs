using System.Net;

namespace EarlyHelp.Web.Tests.Casework;

/// <summary>The timeline: everything on the record, newest first, and adding a case note or contact.</summary>
public abstract partial class FamilyRecordTests<TSite>
{
    [Fact]
    public async Task The_timeline_shows_the_pathway_newest_first()
    {
        var family = await NewFamilyAsync(shape: e => e.Actions.Add(new Core.Casework.PlanAction
        {
            What = "Referral to the debt advice service", Who = "Lena Brook", Agency = "Family", DueOn = new DateOnly(2024, 3, 1), CompletedOn = new DateOnly(2024, 2, 20),
        }));
        var lead = await site.SignedInAsync("north.practitioner");
        var html = await PageAsync(lead, $"/families/{family}/timeline");

        string[] newestFirst =
        [
            "Plan action completed", "Family plan agreed", "Early Help Assessment completed", "Early Help Assessment started",
            "Allocated to north.practitioner", "Decision: Early Help Assessment with a Team Around the Family", "Enquiry received",
        ];
        var positions = newestFirst.Select(title => html.IndexOf($"<h3 class=\"moj-timeline__title\">{title}", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        AssertShows(
            html,
            "Referral to the debt advice service",
            "<time datetime=\"2024-01-08\">8 January 2024</time>",
            "Omar's attendance has dropped");
        Assert.DoesNotContain("Stepped down from children's social care", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_note_with_problems_is_refused_and_nothing_typed_is_lost()
    {
        var family = await NewFamilyAsync();
        var lead = await site.SignedInAsync("north.practitioner");
        var response = await PostAsync(lead, $"/families/{family}/timeline", Form(
            new() { ["Input.Text"] = "Visited Lena at home; rent arrears letter discussed." },
            Date("Input.OccurredOn", Today.AddDays(1))));
        var html = await TextAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertRefused(html, "Select a case note or the kind of contact", "Date it took place must be today or in the past");
        Assert.Contains("Visited Lena at home; rent arrears letter discussed.</textarea>", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Today.AddDays(1).Year}\"", html, StringComparison.Ordinal);

        var empty = await TextAsync(await PostAsync(lead, $"/families/{family}/timeline", new() { ["Input.Kind"] = "phone call" }));
        AssertRefused(empty, "Enter the date it took place", "Enter what happened");
        Assert.Contains("value=\"phone call\" checked", empty, StringComparison.Ordinal);
        Assert.Empty((await EpisodeAsync(family)).Notes);
    }

    [Fact]
    public async Task A_contact_is_added_to_the_timeline_with_its_author()
    {
        var family = await NewFamilyAsync(onTeam: "school.practitioner");
        var member = await site.SignedInAsync("school.practitioner"); // on the Team Around the Family: adds to the record
        var visited = Today.AddDays(-3);
        var response = await PostAsync(member, $"/families/{family}/timeline", Form(
            new() { ["Input.Kind"] = "home visit", ["Input.Text"] = "Saw Lena and Omar at home.\nOmar has been to school every day this week." },
            Date("Input.OccurredOn", visited)));
        AssertRedirectedTo(response, $"/families/{family}/timeline");

        var lead = await site.SignedInAsync("north.practitioner");
        var html = await PageAsync(lead, $"/families/{family}/timeline");
        AssertShows(
            html,
            "<h3 class=\"moj-timeline__title\">Home visit</h3>",
            "<p class=\"moj-timeline__byline\">by school.practitioner (Early Help)</p>",
            "Saw Lena and Omar at home.<br>Omar has been to school every day this week.",
            $"Recorded on:</span> {Today:d MMMM yyyy}");
        var note = Assert.Single((await EpisodeAsync(family)).Notes);
        Assert.Equal((visited, "home visit"), (note.OccurredOn, note.Kind));
    }

    [Fact]
    public async Task A_step_down_from_childrens_social_care_shows_on_the_timeline_and_at_closure()
    {
        var family = await NewFamilyAsync(shape: e => e.SteppedDownFromSocialCare = true);
        var lead = await site.SignedInAsync("north.practitioner");
        Assert.Contains("Stepped down from children's social care", await PageAsync(lead, $"/families/{family}/timeline"), StringComparison.Ordinal);
        Assert.Contains("The family came to early help as a step down from children's social care, on 8 January 2024.", await PageAsync(lead, $"/families/{family}/close"), StringComparison.Ordinal);
    }
}
