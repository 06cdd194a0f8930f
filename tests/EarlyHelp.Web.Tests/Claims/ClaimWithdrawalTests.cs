using System.Net;
using System.Net.Http.Json;
using EarlyHelp.Core.Claims;
using EarlyHelp.Web.Tests.Casework;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.Claims;

/// <summary>
/// Evidence withdrawn after a claim is built: the claim keeps what it froze, says what was withdrawn, and cannot be
/// submitted until the auditor has checked the family again. A site of its own, as building a claim takes every
/// claimable family.
/// </summary>
public abstract class ClaimWithdrawalTests<TSite>(TSite site) : IClassFixture<TSite>
    where TSite : CaseworkSite
{
    [Fact]
    public async Task Evidence_withdrawn_after_the_claim_is_built_is_shown_and_the_family_checked_again_before_submission()
    {
        var withdrawnFrom = await ClaimsConfiguration.AddClosedFamilyAsync(site, "WDR-1");
        await ClaimsConfiguration.AddClosedFamilyAsync(site, "WDR-2");
        var analyst = await site.SignedInAsync("analyst");
        var auditor = await site.SignedInAsync("auditor");
        var built = await CaseworkSite.PostFormAsync(analyst, "/claims/history", new() { ["Window"] = ClaimsConfiguration.WindowA });
        Assert.Equal(HttpStatusCode.Redirect, built.StatusCode);
        var claimId = Guid.Parse(built.Headers.Location!.OriginalString["/claims/".Length..]);
        var frozen = await site.QueryAsync(db => db.ClaimLines.SingleAsync(l => l.FamilyId == withdrawnFrom));
        Assert.DoesNotContain("Evidence withdrawn since the claim was built", await CaseworkSite.PageAsync(analyst, $"/claims/{claimId}"), StringComparison.Ordinal);

        // In audit, every sampled family passed, then the evidence is withdrawn: passed before, or never sampled, the family waits.
        Assert.Equal(HttpStatusCode.Redirect, (await CaseworkSite.PostFormAsync(analyst, $"/claims/{claimId}?handler=SendForAudit", [], tokenFrom: $"/claims/{claimId}")).StatusCode);
        await site.QueryAsync(async db =>
        {
            foreach (var line in await db.ClaimLines.Where(l => l.ClaimId == claimId && l.Sampled).ToListAsync())
            {
                (line.AuditResult, line.AuditedAt) = (AuditResult.Passed, DateTimeOffset.UtcNow.AddMinutes(-1));
            }

            return await db.SaveChangesAsync();
        });
        var lead = await site.SignedInAsync("south.practitioner");
        var evidence = await site.QueryAsync(db => db.Evidence.Where(v => v.NeedCode == "HLT-ADULT-MH" && db.Episodes.Any(e => e.Id == v.EpisodeId && e.FamilyId == withdrawnFrom)).Select(v => v.Id).SingleAsync());
        var withdrawn = await lead.PostAsJsonAsync($"/api/families/{withdrawnFrom}/evidence/{evidence}/withdrawal", new { reason = "The GP letter was about another patient." });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);

        // The claim keeps the case file it froze, and says what has changed since.
        Assert.Equal(frozen.CaseFile, await site.QueryAsync(db => db.ClaimLines.Where(l => l.Id == frozen.Id).Select(l => l.CaseFile).SingleAsync()));
        var page = await CaseworkSite.PageAsync(analyst, $"/claims/{claimId}");
        Assert.Contains("Evidence withdrawn since the claim was built", page, StringComparison.Ordinal);
        Assert.Matches(">WDR-1</a></td>\\s*<td[^>]*>HLT-ADULT-MH</td>[\\s\\S]*The GP letter was about another patient.[\\s\\S]*To check again", page);
        Assert.DoesNotMatch(">WDR-2</a></td>\\s*<td[^>]*>HLT-ADULT-MH", page);
        var pack = await CaseworkSite.PageAsync(auditor, $"/claims/{claimId}/families/{frozen.Id}");
        Assert.Contains("Since the family was claimed, evidence this pack holds was withdrawn as recorded in error: HLT-ADULT-MH", pack, StringComparison.Ordinal);

        // The API says the same, for a reporting tool or the auditor's own checklist.
        var api = System.Text.Json.Nodes.JsonNode.Parse(await analyst.GetStringAsync($"/api/claims/{claimId}"))!;
        Assert.Equal("InAudit", (string?)api["claim"]!["state"]);
        Assert.Equal(2, (int)api["claim"]!["families"]!);
        var withdrawal = Assert.Single(api["withdrawnSinceBuilt"]!.AsArray())!;
        Assert.Equal(("WDR-1", "HLT-ADULT-MH", "The GP letter was about another patient.", true), ((string?)withdrawal["familyReference"], (string?)withdrawal["needCode"], (string?)withdrawal["reason"], (bool)withdrawal["awaitsCheck"]!));
        Assert.Equal(["family-relationships", "financial-stability", "health"], api["families"]![0]!["headlineOutcomesMet"]!.AsArray().Select(h => (string?)h));
        Assert.Contains(claimId.ToString(), await analyst.GetStringAsync("/api/claims"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync("/api/claims")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/api/claims/{Guid.NewGuid()}")).StatusCode);

        var refused = await CaseworkSite.TextAsync(await CaseworkSite.PostFormAsync(analyst, $"/claims/{claimId}?handler=Submit", [], tokenFrom: $"/claims/{claimId}"));
        Assert.Contains("Evidence was withdrawn after the claim was built: the auditor must check this family again first: WDR-1", refused, StringComparison.Ordinal);
        Assert.Equal(ClaimState.InAudit, await site.QueryAsync(db => db.Claims.Where(c => c.Id == claimId).Select(c => c.State).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await CaseworkSite.PostFormAsync(auditor, $"/claims/{claimId}/families/{frozen.Id}", new() { ["Result"] = "Rejected", ["Reason"] = "The mental health outcome rested on the withdrawn letter" })).StatusCode);
        Assert.Matches("id=\"withdrawn-evidence\">[\\s\\S]*?>WDR-1</a></td>(?:(?!</tr>)[\\s\\S])*Rejected</strong>", await CaseworkSite.PageAsync(analyst, $"/claims/{claimId}"));
        Assert.Equal(HttpStatusCode.Redirect, (await CaseworkSite.PostFormAsync(analyst, $"/claims/{claimId}?handler=Submit", [], tokenFrom: $"/claims/{claimId}")).StatusCode);
        var states = await site.QueryAsync(db => db.ClaimLines.Where(l => l.ClaimId == claimId).ToDictionaryAsync(l => l.FamilyReference, l => l.State));
        Assert.Equal((ClaimLineState.Rejected, ClaimLineState.Submitted), (states["WDR-1"], states["WDR-2"]));
        var submitted = System.Text.Json.Nodes.JsonNode.Parse(await analyst.GetStringAsync($"/api/claims/{claimId}"))!;
        Assert.Equal(("Submitted", 1, 800m), ((string?)submitted["claim"]!["state"], (int)submitted["claim"]!["families"]!, (decimal)submitted["claim"]!["amount"]!));
        Assert.False((bool)submitted["withdrawnSinceBuilt"]![0]!["awaitsCheck"]!);
    }
}

public sealed class SqliteClaimWithdrawalTests(ClaimsSqliteSite site) : ClaimWithdrawalTests<ClaimsSqliteSite>(site);

public sealed class PostgresClaimWithdrawalTests(ClaimsPostgresSite site) : ClaimWithdrawalTests<ClaimsPostgresSite>(site);
