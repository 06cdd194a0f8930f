using System.Net;
using EarlyHelp.Data;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.Casework;

/// <summary>The meetings and reviews page: meetings, the next review and its overdue flag, and the Team Around the Family.</summary>
public abstract partial class FamilyRecordTests<TSite>
{
    private static Dictionary<string, string> Meeting(string kind, DateOnly held, DateOnly? next, string decisions = "Carry on with the plan.") => Form(
        new() { ["NewMeeting.Kind"] = kind, ["NewMeeting.Attendees"] = "Lena Brook, Oakfield Primary School, Early Help", ["NewMeeting.Decisions"] = decisions },
        Date("NewMeeting.HeldOn", held),
        next is { } n ? Date("NewMeeting.NextReviewOn", n) : []);

    [Fact]
    public async Task The_lead_reads_the_meetings_page_with_the_team_around_the_family()
    {
        var family = await NewFamilyAsync(onTeam: "school.practitioner");
        var lead = await site.SignedInAsync("north.practitioner");
        var html = await PageAsync(lead, $"/families/{family}/meetings");
        AssertShows(
            html,
            "<h1 class=\"govuk-heading-l\">Meetings and reviews</h1>",
            "No meetings or reviews have been recorded",
            "school.practitioner",
            "Oakfield Primary School",
            "Add a practitioner to the Team Around the Family");
    }

    [Fact]
    public async Task A_meeting_with_problems_is_refused_with_every_problem_and_nothing_lost()
    {
        var family = await NewFamilyAsync();
        var lead = await site.SignedInAsync("north.practitioner");
        var path = $"/families/{family}/meetings?handler=Meeting";
        var future = Today.AddDays(3);
        var response = await PostAsync(lead, path, Form(
            new() { ["NewMeeting.Kind"] = "Review", ["NewMeeting.Attendees"] = "Lena, school nurse", ["NewMeeting.PlanChanges"] = "Add a debt advice referral." },
            Date("NewMeeting.HeldOn", future),
            Date("NewMeeting.NextReviewOn", future.AddDays(-1))));
        var html = await TextAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertRefused(html, "Enter what was decided", "Date it was held must be today or in the past", "Date of the next review must be after the date it was held");
        AssertShows(
            html,
            "href=\"#NewMeeting-Decisions\"",
            "Lena, school nurse</textarea>",
            "Add a debt advice referral.</textarea>",
            "value=\"Review\" checked",
            $"value=\"{future.Day}\"");
        Assert.Empty((await EpisodeAsync(family)).Meetings);

        var early = await TextAsync(await PostAsync(lead, path, Meeting("Review", new DateOnly(2023, 12, 1), null)));
        AssertRefused(early, "Date it was held must be on or after 8 January 2024, when the enquiry was received");
    }

    [Fact]
    public async Task A_meeting_is_saved_and_shown_on_the_page_and_the_timeline()
    {
        var family = await NewFamilyAsync();
        var lead = await site.SignedInAsync("north.practitioner");
        var held = Today.AddDays(-2);
        var response = await PostAsync(lead, $"/families/{family}/meetings?handler=Meeting", Meeting("TeamAroundTheFamily", held, Today.AddDays(40), "Refer to the debt advice service.\nSchool to check attendance weekly."));
        AssertRedirectedTo(response, $"/families/{family}/meetings");

        var html = await PageAsync(lead, $"/families/{family}/meetings");
        AssertShows(
            html,
            "Team Around the Family meeting on",
            $"Team Around the Family meeting, {held:d MMMM yyyy}",
            "Refer to the debt advice service.<br>School to check attendance weekly.",
            Today.AddDays(40).ToString("d MMMM yyyy"));
        Assert.DoesNotContain("Overdue", html, StringComparison.Ordinal);

        var timeline = await PageAsync(lead, $"/families/{family}/timeline");
        Assert.Contains("<h3 class=\"moj-timeline__title\">Team Around the Family meeting</h3>", timeline, StringComparison.Ordinal);
        Assert.Contains("Refer to the debt advice service.", timeline, StringComparison.Ordinal);
    }

    /// <summary>The page and the caseload's "overdue" filter agree: the latest meeting's next review date, once passed, on an open episode.</summary>
    [Fact]
    public async Task A_passed_review_date_is_overdue_until_a_later_meeting_is_held()
    {
        var family = await NewFamilyAsync();
        var lead = await site.SignedInAsync("north.practitioner");
        var path = $"/families/{family}/meetings?handler=Meeting";
        AssertRedirectedTo(await PostAsync(lead, path, Meeting("TeamAroundTheFamily", Today.AddDays(-60), Today.AddDays(-10))), $"/families/{family}/meetings");

        var html = await PageAsync(lead, $"/families/{family}/meetings");
        Assert.Contains("<strong class=\"govuk-tag govuk-tag--red\">Overdue</strong>", html, StringComparison.Ordinal);
        Assert.Contains(await ReferenceAsync(family), await PageAsync(lead, "/caseload?overdue=true"), StringComparison.Ordinal);

        AssertRedirectedTo(await PostAsync(lead, path, Meeting("Review", Today.AddDays(-1), Today.AddDays(41))), $"/families/{family}/meetings");
        html = await PageAsync(lead, $"/families/{family}/meetings");
        Assert.DoesNotContain("Overdue", html, StringComparison.Ordinal);
        Assert.DoesNotContain(await ReferenceAsync(family), await PageAsync(lead, "/caseload?overdue=true"), StringComparison.Ordinal);
        Assert.True(html.IndexOf($"Review, {Today.AddDays(-1):d MMMM yyyy}", StringComparison.Ordinal) < html.IndexOf("Team Around the Family meeting, ", StringComparison.Ordinal), "newest first");
    }

    [Fact]
    public async Task Adding_and_removing_a_team_member_changes_who_can_see_the_family()
    {
        var family = await NewFamilyAsync();
        var south = await site.SignedInAsync("south.practitioner");
        Assert.Equal(HttpStatusCode.Forbidden, (await south.GetAsync($"/families/{family}")).StatusCode);

        var lead = await site.SignedInAsync("north.practitioner");
        var southId = await UserIdAsync("south.practitioner");
        var added = await PostAsync(lead, $"/families/{family}/meetings?handler=AddMember", new() { ["NewMember.UserId"] = southId, ["NewMember.Agency"] = "Family hub" });
        AssertRedirectedTo(added, $"/families/{family}/meetings");
        Assert.Contains("south.practitioner added to the Team Around the Family", await PageAsync(lead, $"/families/{family}/meetings"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await south.GetAsync($"/families/{family}")).StatusCode);
        Assert.Equal("Family hub", Assert.Single((await EpisodeAsync(family)).TeamAroundTheFamily).Agency);

        // A team member adds to the record but does not choose the team.
        var asMember = await PostAsync(south, $"/families/{family}/meetings?handler=RemoveMember", new() { ["userId"] = southId });
        Assert.Equal(HttpStatusCode.Forbidden, asMember.StatusCode);

        var removed = await PostAsync(lead, $"/families/{family}/meetings?handler=RemoveMember", new() { ["userId"] = southId });
        AssertRedirectedTo(removed, $"/families/{family}/meetings");
        Assert.Equal(HttpStatusCode.Forbidden, (await south.GetAsync($"/families/{family}")).StatusCode);
        Assert.Empty((await EpisodeAsync(family)).TeamAroundTheFamily);
    }

    [Fact]
    public async Task The_team_picker_offers_practitioners_only_and_checks_the_choice()
    {
        var family = await NewFamilyAsync(onTeam: "school.practitioner");
        var manager = await site.SignedInAsync("north.manager");
        var html = await PageAsync(manager, $"/families/{family}/meetings");
        var picker = html[html.IndexOf("id=\"NewMember-UserId\"", StringComparison.Ordinal)..];
        picker = picker[..picker.IndexOf("</select>", StringComparison.Ordinal)];
        Assert.Contains("south.practitioner, Early Help (South)", picker, StringComparison.Ordinal);
        foreach (var notOffered in new[] { "north.practitioner", "school.practitioner", "north.manager", "analyst", "auditor", "admin" })
        {
            Assert.DoesNotContain($">{notOffered},", picker, StringComparison.Ordinal); // the lead, one already on the team, and other roles
        }

        var nobody = await TextAsync(await PostAsync(manager, $"/families/{family}/meetings?handler=AddMember", new() { ["NewMember.Agency"] = "Police" }));
        AssertRefused(nobody, "Select the practitioner to add");
        Assert.Contains("value=\"Police\"", nobody, StringComparison.Ordinal);

        var analyst = await TextAsync(await PostAsync(manager, $"/families/{family}/meetings?handler=AddMember", new() { ["NewMember.UserId"] = await UserIdAsync("analyst") }));
        AssertRefused(analyst, "Select one of the practitioners in the list");

        var again = await TextAsync(await PostAsync(manager, $"/families/{family}/meetings?handler=AddMember", new() { ["NewMember.UserId"] = await UserIdAsync("school.practitioner") }));
        AssertRefused(again, "school.practitioner is already working with the family");
    }

    /// <summary>Walsall: a multi-agency Team Around the Family only when the needs span at least 3 headline outcomes (seed 002).</summary>
    [Fact]
    public async Task The_frameworks_team_around_the_family_rule_is_shown_as_guidance()
    {
        var lead = await site.SignedInAsync("north.practitioner");
        var two = await NewFamilyAsync(framework: "walsall-2022", needs: ["FIN-DEBT", "FIN-WORKLESS", "REL-PARENTING"]);
        Assert.Contains("The family's needs span 2 of the 3 headline outcomes the framework asks for before a multi-agency Team Around the Family", await PageAsync(lead, $"/families/{two}/meetings"), StringComparison.Ordinal);

        var three = await NewFamilyAsync(framework: "walsall-2022");
        Assert.Contains("The family's needs span 3 headline outcomes, so a multi-agency Team Around the Family fits", await PageAsync(lead, $"/families/{three}/meetings"), StringComparison.Ordinal);
    }

    private async Task<string> UserIdAsync(string user)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>().Users.Where(u => u.UserName == $"{user}@test.example").Select(u => u.Id).SingleAsync();
    }

    private async Task<string> ReferenceAsync(Guid family)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>().Families.Where(f => f.Id == family).Select(f => f.Reference).SingleAsync();
    }
}
