using System.Net;
using System.Text.RegularExpressions;
using EarlyHelp.Core.Casework;
using Microsoft.EntityFrameworkCore;
using ClaimStatus = EarlyHelp.Core.Outcomes.ClaimStatus;

namespace EarlyHelp.Web.Tests.Casework;

public abstract partial class AssessmentAndPlanTests<TSite>
{
    private static Dictionary<string, string> ActionForm(string what, string? version = null, string need = "") => new()
    {
        ["Input.NeedCode"] = need,
        ["Input.What"] = what,
        ["Input.Who"] = "Ms Patel",
        ["Input.Agency"] = "Oakfield Primary School",
        ["Input.DueOn.Day"] = "15",
        ["Input.DueOn.Month"] = "1",
        ["Input.DueOn.Year"] = "2027",
        ["Input.Priority"] = "High",
        ["Input.Version"] = version ?? "",
    };

    [Fact]
    public async Task An_action_with_errors_keeps_its_input_and_a_valid_one_joins_the_plan_under_its_need()
    {
        var client = await site.SignedInAsync("north.practitioner");
        var path = $"/families/{site.FamilyA}/plan/actions/new";
        var invalid = await CaseworkSite.PostFormAsync(client, path, new()
        {
            ["Input.What"] = "Morning routine chart",
            ["Input.DueOn.Day"] = "31",
            ["Input.DueOn.Month"] = "2",
            ["Input.DueOn.Year"] = "2027",
            ["Input.NeedCode"] = "HSG-TA",
        });
        var html = await CaseworkSite.TextAsync(invalid);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        foreach (var message in new[] { "Enter who will do it", "Enter their agency", "Select a priority", "Due by must be a real date", "Select one of the family's needs" })
        {
            Assert.Contains(message, html, StringComparison.Ordinal);
        }

        Assert.Contains("Morning routine chart", html, StringComparison.Ordinal);

        var saved = await CaseworkSite.PostFormAsync(client, path, ActionForm("Debt advice appointment with Citizens Advice", need: "FIN-DEBT"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var plan = await CaseworkSite.PageAsync(client, $"/families/{site.FamilyA}/plan");
        Assert.Contains("Debt advice appointment with Citizens Advice", plan, StringComparison.Ordinal);
        Assert.Contains("15 Jan 2027", plan, StringComparison.Ordinal);
        var action = await site.QueryAsync(db => db.Actions.SingleAsync(a => a.What == "Debt advice appointment with Citizens Advice"));
        Assert.Equal(("FIN-DEBT", ActionPriority.High, "Ms Patel"), (action.NeedCode, action.Priority, action.Who));
    }

    [Fact]
    public async Task Two_people_changing_the_same_action_the_second_is_told_and_neither_edit_is_lost()
    {
        var id = await site.AddAllocatedFamilyAsync("PLAN-TWO");
        var practitioner = await site.SignedInAsync("north.practitioner");
        var manager = await site.SignedInAsync("north.manager");
        Assert.Equal(HttpStatusCode.Redirect, (await CaseworkSite.PostFormAsync(practitioner, $"/families/{id}/plan/actions/new", ActionForm("Parenting course"))).StatusCode);
        var action = await site.QueryAsync(db => db.Actions.SingleAsync(a => db.Episodes.Any(e => e.Id == a.EpisodeId && e.FamilyId == id)));
        var path = $"/families/{id}/plan/actions/{action.Id}";

        var first = await CaseworkSite.PostFormAsync(practitioner, path, ActionForm("Parenting course: Mum has booked the Tuesday group", action.Version.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await CaseworkSite.PostFormAsync(manager, path, ActionForm("Parenting course: move to high priority", action.Version.ToString()));
        var html = await CaseworkSite.TextAsync(second);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Someone else changed this action while you were editing it", html, StringComparison.Ordinal);
        Assert.Contains("Parenting course: Mum has booked the Tuesday group", html, StringComparison.Ordinal); // theirs, shown
        Assert.Contains("Parenting course: move to high priority", html, StringComparison.Ordinal); // yours, kept
        Assert.Equal("Parenting course: Mum has booked the Tuesday group", await site.QueryAsync(db => db.Actions.Where(a => a.Id == action.Id).Select(a => a.What).SingleAsync()));

        var version = Regex.Match(html, "name=\"Input.Version\" value=\"([^\"]+)\"").Groups[1].Value;
        var again = await CaseworkSite.PostFormAsync(manager, path, ActionForm("Parenting course: booked, high priority", version));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Parenting course: booked, high priority", await site.QueryAsync(db => db.Actions.Where(a => a.Id == action.Id).Select(a => a.What).SingleAsync()));
    }

    [Fact]
    public async Task The_familys_agreement_to_the_plan_is_recorded_with_its_date()
    {
        var id = await site.AddAllocatedFamilyAsync("PLAN-AGREE");
        var client = await site.SignedInAsync("north.practitioner");
        var plan = $"/families/{id}/plan";
        var agreement = new Dictionary<string, string> { ["AgreedOn.Day"] = "2", ["AgreedOn.Month"] = "10", ["AgreedOn.Year"] = "2026" };

        var withoutActions = await CaseworkSite.PostFormAsync(client, $"{plan}?handler=agree", new(agreement) { ["Version"] = await VersionAsync(id) }, tokenFrom: $"/families/{id}/members");
        Assert.Contains("Add the plan's actions before recording", await CaseworkSite.TextAsync(withoutActions), StringComparison.Ordinal);

        await CaseworkSite.PostFormAsync(client, $"{plan}/actions/new", ActionForm("Weekly home visit"));
        var future = await CaseworkSite.PostFormAsync(client, $"{plan}?handler=agree", new() { ["AgreedOn.Day"] = "1", ["AgreedOn.Month"] = "1", ["AgreedOn.Year"] = "2099", ["Version"] = await VersionAsync(id) }, tokenFrom: $"/families/{id}/members");
        Assert.Contains("must be today or in the past", await CaseworkSite.TextAsync(future), StringComparison.Ordinal);

        var agreed = await CaseworkSite.PostFormAsync(client, $"{plan}?handler=agree", new(agreement) { ["Version"] = await VersionAsync(id) }, tokenFrom: $"/families/{id}/members");
        Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);
        Assert.Equal(new DateOnly(2026, 10, 2), await site.QueryAsync(db => db.Episodes.Where(e => e.FamilyId == id).Select(e => e.FamilyPlanAgreedOn).SingleAsync()));
        Assert.Contains("The family agreed this plan on 2 October 2026", await CaseworkSite.PageAsync(client, plan), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_claim_tab_shows_each_claim_principle_from_the_engines_verdict()
    {
        var client = await site.SignedInAsync("north.practitioner");
        var html = await CaseworkSite.PageAsync(client, $"/families/{site.FamilyA}/claim");
        Assert.Contains("Not claimable yet", html, StringComparison.Ordinal);
        Assert.Contains("Needs in at least 3 headline outcomes", html, StringComparison.Ordinal);
        Assert.Contains("Outcomes sustained for 6 months after closure", html, StringComparison.Ordinal);
        Assert.Matches("The episode is closed</dt>\\s*<dd[^>]*>\\s*<strong class=\"govuk-tag govuk-tag--red\">Not yet", html);
        Assert.Matches("A lead practitioner</dt>\\s*<dd[^>]*>\\s*<strong class=\"govuk-tag govuk-tag--green\">Met", html);
    }

    [Fact]
    public async Task The_caseload_filters_by_claim_status_and_a_pending_family_whose_date_has_come_counts_as_claimable()
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        await site.AddAllocatedFamilyAsync("CLM-NOW", "south.practitioner", ClaimStatus.Claimable, today.AddDays(-30));
        await site.AddAllocatedFamilyAsync("CLM-DUE", "south.practitioner", ClaimStatus.Pending, today.AddDays(-1));
        await site.AddAllocatedFamilyAsync("CLM-SOON", "south.practitioner", ClaimStatus.Pending, today.AddDays(40));
        await site.AddAllocatedFamilyAsync("CLM-NOT", "south.practitioner", ClaimStatus.NotClaimable);
        var client = await site.SignedInAsync("south.practitioner");

        async Task<string[]> Listed(string filter) =>
            [.. Regex.Matches(await CaseworkSite.PageAsync(client, $"/caseload?show=mine&claim={filter}"), ">(CLM-[A-Z]+)</a>").Select(m => m.Groups[1].Value).Order()];

        Assert.Equal(["CLM-DUE", "CLM-NOW"], await Listed("claimable"));
        Assert.Equal(["CLM-SOON"], await Listed("soon"));
        Assert.Equal(["CLM-NOT"], await Listed("not-claimable"));
        Assert.Equal(["CLM-DUE", "CLM-NOT", "CLM-NOW", "CLM-SOON"], await Listed(""));
    }

    [Fact]
    public async Task The_nightly_re_evaluation_stores_each_episodes_claim_status_once_a_day()
    {
        var closed = await site.AddAllocatedFamilyAsync("NIGHT-OPEN", "south.practitioner", ClaimStatus.Claimable);
        var nightly = site.Services.GetRequiredService<Web.Features.Families.NightlyVerdicts>();
        var before = DateOnly.FromDateTime(DateTime.Now);
        Assert.True(await nightly.RefreshStaleAsync() >= 1);
        var after = DateOnly.FromDateTime(DateTime.Now);

        var episode = await site.QueryAsync(db => db.Episodes.SingleAsync(e => e.FamilyId == closed));
        Assert.Equal(ClaimStatus.NotClaimable, episode.ClaimStatus); // open, no needs: the stale "claimable" is corrected
        Assert.InRange(episode.EvaluatedOn!.Value, before, after); // a run may cross midnight
        var closedFamily = await site.QueryAsync(db => db.Episodes.SingleAsync(e => e.FamilyId == site.FamilyClosed));
        Assert.NotNull(closedFamily.ClaimStatus);
        if (DateOnly.FromDateTime(DateTime.Now) == after)
        {
            Assert.Equal(0, await nightly.RefreshStaleAsync());
        }
    }
}
