using System.Net;
using System.Text.RegularExpressions;
using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.Casework;

/// <summary>The family reads its own plan: a link and an access code from the lead practitioner, nothing else from the record.</summary>
public abstract partial class FamilyRecordTests<TSite>
{
    private static readonly DateOnly NextReview = new(2031, 3, 14);

    /// <summary>A family whose plan has an action, a done action and a review booked; Lena (36) may have a link, Omar (13) may not.</summary>
    private Task<Guid> FamilyWithPlanAsync(string? onTeam = null) => NewFamilyAsync(onTeam: onTeam, shape: e =>
    {
        e.Actions.Add(new PlanAction { NeedCode = "FIN-DEBT", What = "Book a debt advice appointment", Who = "Sam Patel", Agency = "Citizens Advice", DueOn = new DateOnly(2024, 3, 1), Priority = ActionPriority.High });
        e.Actions.Add(new PlanAction { NeedCode = "REL-PARENTING", What = "Join the parenting group", Who = "Lena", Agency = "Family hub", DueOn = new DateOnly(2024, 2, 20), CompletedOn = new DateOnly(2024, 2, 19), Priority = ActionPriority.Medium });
        e.Meetings.Add(new Meeting { Kind = MeetingKind.Review, HeldOn = new DateOnly(2024, 2, 26), Attendees = "Lena, Sam Patel", Decisions = "Keep going.", NextReviewOn = NextReview });
        e.Notes.Add(new CaseNote { At = DateTimeOffset.UtcNow, OccurredOn = new DateOnly(2024, 2, 1), AuthorId = e.LeadPractitionerId!, Kind = "note", Text = "A note the family does not see." });
    });

    private async Task<(string Path, string Code)> ShareAsync(HttpClient lead, Guid family, string member = "Lena Brook")
    {
        var form = await PageAsync(lead, $"/families/{family}/plan/share");
        var memberId = Regex.Match(form, $"value=\"([0-9a-f-]{{36}})\"[^>]*>\\s*<label[^>]*>{member}").Groups[1].Value;
        var made = await PostAsync(lead, $"/families/{family}/plan/share?handler=Make", new() { ["MemberId"] = memberId });
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        Assert.True(made.Headers.CacheControl?.NoStore);
        var html = await TextAsync(made);
        var link = Regex.Match(html, "id=\"share-link\"[^>]*>([^<]+)<").Groups[1].Value;
        var code = Regex.Match(html, "id=\"access-code\">([A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4})<").Groups[1].Value;
        Assert.StartsWith(site.Address.ToString().TrimEnd('/') + "/your-plan/", link, StringComparison.Ordinal);
        Assert.NotEmpty(code);
        return (new Uri(link).PathAndQuery, code);
    }

    [Fact]
    public async Task The_lead_shares_the_plan_and_the_family_reads_it_with_the_link_and_the_code()
    {
        var family = await FamilyWithPlanAsync();
        var lead = await site.SignedInAsync("north.practitioner");
        AssertShows(await PageAsync(lead, $"/families/{family}/plan"), $"href=\"/families/{family}/plan/share\"");
        var form = await PageAsync(lead, $"/families/{family}/plan/share");
        AssertShows(form, "Lena Brook (Mother)");
        Assert.DoesNotContain("Omar Brook", form, StringComparison.Ordinal);
        AssertRefused(await TextAsync(await PostAsync(lead, $"/families/{family}/plan/share?handler=Make", [])), "Select who the link is for");
        var (path, code) = await ShareAsync(lead, family);

        // The family: the link alone shows only the question; a wrong code says how many tries are left.
        var reader = site.Client();
        var landing = await PageAsync(reader, path);
        AssertShows(landing, "Enter it to read your family's plan");
        Assert.DoesNotContain("Book a debt advice appointment", landing, StringComparison.Ordinal);
        AssertRefused(await TextAsync(await CaseworkSite.PostFormAsync(reader, path, new() { ["Code"] = "ABCD-EFGH" })), "The access code is not right. Check it and try again: 4 tries left");

        // Typed as it was read out: any case, with or without the hyphen.
        var opened = await CaseworkSite.PostFormAsync(reader, path, new() { ["Code"] = code.Replace("-", " ").ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/your-plan", opened.Headers.Location!.OriginalString);
        var plan = await PageAsync(reader, "/your-plan");
        AssertShows(
            plan,
            "Shared with Lena Brook",
            "north.practitioner, Early Help",
            "Family requires support with finances and/or has unmanageable debt",
            "Book a debt advice appointment",
            "Sam Patel, Citizens Advice",
            "Join the parenting group",
            "Done</strong>",
            "14 March 2031");
        foreach (var secret in new[] { "A note the family does not see.", "Omar's attendance has dropped", "Keep going." })
        {
            Assert.DoesNotContain(secret, plan, StringComparison.Ordinal);
        }

        // Audited as the link, and shown so in the family's audit log.
        var share = await site.QueryAsync(db => db.PlanShares.SingleAsync(s => s.FamilyId == family));
        Assert.Equal(1, share.FailedAttempts);
        Assert.NotNull(share.LastOpenedAt);
        Assert.True(await site.QueryAsync(db => db.Audit.AnyAsync(a => a.FamilyId == family && a.UserId == $"plan-link:{share.Id}" && a.Action == "read" && a.What == "GET /your-plan")));
        Assert.True(await site.QueryAsync(db => db.Audit.AnyAsync(a => a.FamilyId == family && a.UserId == $"plan-link:{share.Id}" && a.Action == "refused")));
        Assert.False(await site.QueryAsync(db => db.Audit.AnyAsync(a => a.What.Contains(path))), "the link's token is never written to the audit log");
        AssertShows(await PageAsync(await site.SignedInAsync("north.manager"), $"/families/{family}/audit"), "A family member, by a shared plan link");

        // Leaving, then the lead revoking: the plan is closed to the link and code.
        Assert.Equal(HttpStatusCode.Redirect, (await CaseworkSite.PostFormAsync(reader, "/your-plan?handler=Leave", [])).StatusCode);
        AssertShows(await PageAsync(reader, "/your-plan"), "You have left your family plan on this device", "open the link your practitioner sent you");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(lead, $"/families/{family}/plan/share?handler=Revoke&shareId={share.Id}", [])).StatusCode);
        AssertShows(await PageAsync(reader, path), "This link no longer works", "Your practitioner has stopped this link.");
        AssertShows(await PageAsync(lead, $"/families/{family}/plan/share"), "Revoked</strong>");
    }

    [Fact]
    public async Task A_link_locks_after_five_wrong_codes_ends_when_it_expires_and_only_the_lead_or_a_manager_makes_one()
    {
        var family = await FamilyWithPlanAsync(onTeam: "school.practitioner");
        var member = await site.SignedInAsync("school.practitioner");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/families/{family}/plan/share")).StatusCode);
        Assert.DoesNotContain("/plan/share", await PageAsync(member, $"/families/{family}/plan"), StringComparison.Ordinal);

        var manager = await site.SignedInAsync("north.manager");
        var (path, code) = await ShareAsync(manager, family);
        var reader = site.Client();

        // Twelve wrong codes at the same moment: the lock still counts exactly five. (One visit first, so that all
        // twelve carry the same anti-forgery cookie.)
        AssertShows(await PageAsync(reader, path), "Enter it to read your family's plan");
        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => CaseworkSite.PostFormAsync(reader, path, new() { ["Code"] = "WRONG-CODE" }, tokenFrom: "/sign-in")));
        Assert.Equal(5, await site.QueryAsync(db => db.PlanShares.Where(s => s.FamilyId == family).Select(s => s.FailedAttempts).SingleAsync()));

        var locked = await TextAsync(await CaseworkSite.PostFormAsync(reader, path, new() { ["Code"] = code }, tokenFrom: "/sign-in"));
        AssertShows(locked, "This link no longer works", "entered too many times");
        AssertShows(await PageAsync(reader, "/your-plan"), "open the link your practitioner sent you");

        var (fresh, freshCode) = await ShareAsync(manager, family);
        await site.QueryAsync(async db =>
        {
            var share = await db.PlanShares.Where(s => s.FamilyId == family && s.FailedAttempts == 0).SingleAsync();
            share.ExpiresOn = DateOnly.FromDateTime(DateTime.Now).AddDays(-1);
            return await db.SaveChangesAsync();
        });
        AssertShows(await PageAsync(reader, fresh), "This link no longer works", "this one has ended");
        AssertShows(await TextAsync(await CaseworkSite.PostFormAsync(reader, fresh, new() { ["Code"] = freshCode }, tokenFrom: "/sign-in")), "This link no longer works");

        // A reading cookie that was not made here opens nothing.
        var forged = site.Client();
        forged.DefaultRequestHeaders.Add("Cookie", "earlyhelp-your-plan=not-a-real-cookie");
        AssertShows(await PageAsync(forged, "/your-plan"), "open the link your practitioner sent you");
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/your-plan/not-a-real-link")).StatusCode);

        // A closed episode's plan is no longer shared; its links can still be revoked.
        await site.QueryAsync(async db =>
        {
            var episode = await db.Episodes.SingleAsync(e => e.FamilyId == family);
            (episode.Stage, episode.ClosedOn, episode.ClosureReason) = (EpisodeStage.Closed, new DateOnly(2024, 6, 1), ClosureReason.OutcomesAchieved);
            return await db.SaveChangesAsync();
        });
        AssertShows(await PageAsync(manager, $"/families/{family}/plan/share"), "is closed, so its plan can no longer be shared");
    }
}
