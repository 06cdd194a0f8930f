using System.Net;
using EarlyHelp.Core.Claims;
using EarlyHelp.Web.Tests.Casework;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace EarlyHelp.Web.Tests.Claims;

/// <summary>Building a claim, the auditor's checks, submission and export, on each database.</summary>
public abstract class ClaimBuildingTests<TSite>(TSite site) : IClassFixture<TSite>
    where TSite : CaseworkSite
{
    private static Dictionary<string, string> Build(string window) => new() { ["Window"] = window };

    private static Guid ClaimIdFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString["/claims/".Length..]);
    }

    [Fact]
    public async Task A_claim_is_built_audited_with_a_rejection_submitted_and_exported()
    {
        var first = await ClaimsConfiguration.AddClosedFamilyAsync(site, "JRN-1");
        await ClaimsConfiguration.AddClosedFamilyAsync(site, "JRN-2");
        await ClaimsConfiguration.AddClosedFamilyAsync(site, "JRN-3");
        await ClaimsConfiguration.AddClosedFamilyAsync(site, "JRN-4");
        await ClaimsConfiguration.AddClosedFamilyAsync(site, "JRN-SOON", closedDaysAgo: 30);
        await ClaimsConfiguration.AddClosedFamilyAsync(site, "JRN-BLOCKED", evidenceForEveryNeed: false);
        var analyst = await site.SignedInAsync("analyst");
        var auditor = await site.SignedInAsync("auditor");

        // A window that is closed today cannot be claimed for.
        var closed = await CaseworkSite.PostFormAsync(analyst, "/claims/history", Build("Spring 2020"));
        Assert.Contains("a claim can only be built while it is open", await CaseworkSite.TextAsync(closed), StringComparison.Ordinal);

        var claimId = ClaimIdFrom(await CaseworkSite.PostFormAsync(analyst, "/claims/history", Build(ClaimsConfiguration.WindowA)));
        var lines = await site.QueryAsync(db => db.ClaimLines.Where(l => l.ClaimId == claimId).ToListAsync());
        var references = lines.Select(l => l.FamilyReference).Order().ToList();
        Assert.Equal(["JRN-1", "JRN-2", "JRN-3", "JRN-4"], references); // only claimable families, not the pending or blocked
        var line = lines.Single(l => l.FamilyId == first);
        Assert.Equal((ClaimLineState.Draft, 800m, ClaimsConfiguration.ProgrammeA), (line.State, line.Payment, line.Programme));
        Assert.Equal("family-relationships,financial-stability,health", line.HeadlineOutcomesMet);
        Assert.True(line.JudgementOnly);

        // The frozen case file is the evaluate contract's JSON and judges again, by the frozen framework, to the stored verdict.
        var version = await site.QueryAsync(db => db.FrameworkVersions.SingleAsync(v => v.Hash == line.FrameworkHash));
        Assert.Contains("sustainmentMonths: 6", version.Definition, StringComparison.Ordinal);
        var (again, errors) = FrameworkSnapshot.Evaluate(version, line.CaseFile);
        Assert.Empty(errors);
        Assert.Equal(line.Verdict, Core.Outcomes.VerdictJson.ToJson(again!));
        Assert.Contains("\"status\": \"claimable\"", line.Verdict, StringComparison.Ordinal);
        var evaluated = await Host.RunAsync(line.CaseFile, "evaluate", "-");
        Assert.Equal(0, evaluated.ExitCode);
        Assert.Equal(System.Text.Json.Nodes.JsonNode.Parse(line.Verdict)!.ToJsonString(), System.Text.Json.Nodes.JsonNode.Parse(evaluated.Out)!.ToJsonString());

        // Submitting a draft is refused; the auditor cannot send it for audit; the analyst does, which draws half (configured).
        Assert.Contains("Send the claim for audit before submitting it", await CaseworkSite.TextAsync(await CaseworkSite.PostFormAsync(analyst, $"/claims/{claimId}?handler=Submit", [], tokenFrom: $"/claims/{claimId}")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await CaseworkSite.PostFormAsync(auditor, $"/claims/{claimId}?handler=SendForAudit", [], tokenFrom: "/value")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await CaseworkSite.PostFormAsync(analyst, $"/claims/{claimId}?handler=SendForAudit", [], tokenFrom: $"/claims/{claimId}")).StatusCode);
        var sampled = await site.QueryAsync(db => db.ClaimLines.Where(l => l.ClaimId == claimId && l.Sampled).OrderBy(l => l.FamilyReference).ToListAsync());
        Assert.Equal(2, sampled.Count);
        var seed = await site.QueryAsync(db => db.Claims.Where(c => c.Id == claimId).Select(c => c.SampleSeed).SingleAsync());
        Assert.Equal(sampled.Select(l => l.FamilyReference).Order(), AuditSample.Choose(lines.Select(l => new AuditSample.Candidate(l.FamilyReference, l.JudgementOnly)), 0.5m, seed!).Order());

        // The evidence pack: every need, its outcome, the evidence and who recorded it; reading it is audited.
        var packPath = $"/claims/{claimId}/families/{sampled[0].Id}";
        var pack = await CaseworkSite.PageAsync(auditor, packPath);
        Assert.Contains("Same verdict", pack, StringComparison.Ordinal);
        Assert.Contains("FIN-DEBT achieved", pack, StringComparison.Ordinal);
        Assert.Contains("Recorded by south.practitioner on", pack, StringComparison.Ordinal);
        Assert.Contains("Improved family relationships", pack, StringComparison.OrdinalIgnoreCase);
        var auditorId = await site.QueryAsync(db => db.Users.Where(u => u.UserName == "auditor@test.example").Select(u => u.Id).SingleAsync());
        Assert.True(await site.QueryAsync(db => db.Audit.AnyAsync(a => a.FamilyId == sampled[0].FamilyId && a.UserId == auditorId && a.Action == "read" && a.What == "GET " + packPath)));

        // A rejection needs its reasons; the analyst cannot check; a rejected family leaves the claim.
        var noReason = await CaseworkSite.PostFormAsync(auditor, packPath, new() { ["Result"] = "Rejected" });
        Assert.Contains("Enter the reasons for rejecting the family", await CaseworkSite.TextAsync(noReason), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await CaseworkSite.PostFormAsync(analyst, packPath, new() { ["Result"] = "Passed" }, tokenFrom: $"/claims/{claimId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await CaseworkSite.PostFormAsync(auditor, packPath, new() { ["Result"] = "Rejected", ["Reason"] = "No record of the debt repayment plan" })).StatusCode);

        var early = await CaseworkSite.TextAsync(await CaseworkSite.PostFormAsync(analyst, $"/claims/{claimId}?handler=Submit", [], tokenFrom: $"/claims/{claimId}"));
        Assert.Contains($"The auditor has not checked 1 sampled family yet: {sampled[1].FamilyReference}", early, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await CaseworkSite.PostFormAsync(auditor, $"/claims/{claimId}/families/{sampled[1].Id}", new() { ["Result"] = "Passed" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await CaseworkSite.PostFormAsync(analyst, $"/claims/{claimId}?handler=Submit", [], tokenFrom: $"/claims/{claimId}")).StatusCode);

        var states = await site.QueryAsync(db => db.ClaimLines.Where(l => l.ClaimId == claimId).ToDictionaryAsync(l => l.FamilyReference, l => l.State));
        Assert.Equal(ClaimLineState.Rejected, states[sampled[0].FamilyReference]);
        Assert.Equal(3, states.Values.Count(s => s == ClaimLineState.Submitted));
        var kept = references.Where(r => r != sampled[0].FamilyReference).ToList();

        // The export, read back: the three families still in the claim, in CSV and in Excel.
        var csv = await analyst.GetAsync($"/claims/{claimId}?handler=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        using (var reader = CsvHelper.CsvReader.FromText(await csv.Content.ReadAsStringAsync(), new CsvHelper.CsvReaderOptions { Separator = ',' }))
        {
            Assert.Equal(Features.Claims.ClaimExport.Columns, reader.Headers.ToList());
            var rows = new List<string[]>();
            while (reader.Read())
            {
                rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
            }

            Assert.Equal(kept, rows.Select(r => r[2]));
            Assert.All(rows, r => Assert.Equal([ClaimsConfiguration.ProgrammeA, ClaimsConfiguration.WindowA, "South", "800.00", "national-2022", line.FrameworkHash], [r[0], r[1], r[3], r[5], r[7], r[8]]));
            Assert.Equal(["passed"], rows.Where(r => r[9] == "yes").Select(r => r[10]));
        }

        var xlsx = await analyst.GetAsync($"/claims/{claimId}?handler=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using (var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()))
        {
            var rows = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(kept, rows.Select(r => (string)r["Family reference"]));
            Assert.Equal(2400m, rows.Sum(r => Convert.ToDecimal(r["Payment"], System.Globalization.CultureInfo.InvariantCulture)));
            Assert.All(rows, r => Assert.Equal("family-relationships; financial-stability; health", r["Headline outcomes met"]));
        }

        // The history: the window's total, and the fiscal value estimate, labelled as one.
        var history = await CaseworkSite.PageAsync(analyst, "/claims/history");
        Assert.Matches($"{ClaimsConfiguration.WindowA}</td>\\s*<td[^>]*>{ClaimsConfiguration.ProgrammeA}</td>\\s*<td[^>]*>3</td>\\s*<td[^>]*>£2,400</td>", history);
        Assert.Contains("This is an estimate, not a saving anyone has banked.", history, StringComparison.Ordinal);
        var claimPage = await CaseworkSite.PageAsync(analyst, $"/claims/{claimId}");
        Assert.Contains("No record of the debt repayment plan", claimPage, StringComparison.Ordinal);
        // Families-relationships for 3 families: LAC £66,064 and Children in Need £1,610 each.
        Assert.Contains("£203,022", claimPage, StringComparison.Ordinal);

        // The family's own Claim tab says it has been claimed for, and where; the rejected family's does not.
        var keptFamily = lines.Single(l => l.FamilyReference == kept[0]).FamilyId;
        var tab = await CaseworkSite.PageAsync(analyst, $"/families/{keptFamily}/claim");
        Assert.Contains($"Claimed for under {ClaimsConfiguration.ProgrammeA} for episode 1 on", tab, StringComparison.Ordinal);
        Assert.Contains($"in the claim for <a class=\"govuk-link\" href=\"/claims/{claimId}\">{ClaimsConfiguration.WindowA}</a>.", tab, StringComparison.Ordinal);
        var practitionerTab = await CaseworkSite.PageAsync(await site.SignedInAsync("south.practitioner"), $"/families/{keptFamily}/claim");
        Assert.Contains($"in the claim for {ClaimsConfiguration.WindowA}.", practitionerTab, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"claimed-in\"", await CaseworkSite.PageAsync(analyst, $"/families/{sampled[0].FamilyId}/claim"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_family_is_never_claimed_twice_under_the_same_programme_and_the_database_refuses_it_too()
    {
        var id = await ClaimsConfiguration.AddClosedFamilyAsync(site, "TWICE-1");
        var analyst = await site.SignedInAsync("analyst");
        var claimId = ClaimIdFrom(await CaseworkSite.PostFormAsync(analyst, "/claims/history", Build(ClaimsConfiguration.WindowB)));
        var line = await site.QueryAsync(db => db.ClaimLines.SingleAsync(l => l.ClaimId == claimId && l.FamilyId == id));

        // A draft for the window blocks a second build of it.
        var second = await CaseworkSite.PostFormAsync(analyst, "/claims/history", Build(ClaimsConfiguration.WindowB));
        Assert.Contains($"There is already a claim for {ClaimsConfiguration.WindowB} that has not been submitted", await CaseworkSite.TextAsync(second), StringComparison.Ordinal);

        // The database's unique index refuses a second standing line for the family under the programme...
        var refused = await Assert.ThrowsAnyAsync<DbUpdateException>(() => site.QueryAsync(async db =>
        {
            var claim = await db.Claims.SingleAsync(c => c.Id == claimId);
            db.ClaimLines.Add(new ClaimLine
            {
                ClaimId = claimId, FamilyId = id, EpisodeId = line.EpisodeId, FamilyReference = "TWICE-1", WindowName = claim.WindowName, Programme = claim.Programme,
                ClaimedOn = line.ClaimedOn, State = ClaimLineState.Draft, Payment = 1000m, CaseFile = line.CaseFile, Verdict = line.Verdict, FrameworkHash = line.FrameworkHash, HeadlineOutcomesMet = "",
            });
            return await db.SaveChangesAsync();
        }));
        Assert.NotNull(refused);

        // ... but not under another programme, nor once the first line is rejected.
        var other = await site.QueryAsync(async db =>
        {
            var rejected = await db.ClaimLines.SingleAsync(l => l.Id == line.Id);
            rejected.State = ClaimLineState.Rejected;
            db.ClaimLines.Add(new ClaimLine
            {
                ClaimId = claimId, FamilyId = id, EpisodeId = line.EpisodeId, FamilyReference = "TWICE-1", WindowName = line.WindowName, Programme = line.Programme,
                ClaimedOn = line.ClaimedOn, State = ClaimLineState.Draft, Payment = 1000m, CaseFile = line.CaseFile, Verdict = line.Verdict, FrameworkHash = line.FrameworkHash, HeadlineOutcomesMet = "",
            });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(2, other);

        // Submitted, the family is not claimable again under the programme: a new build finds nobody new.
        Assert.Equal(HttpStatusCode.Redirect, (await CaseworkSite.PostFormAsync(analyst, $"/claims/{claimId}?handler=SendForAudit", [], tokenFrom: $"/claims/{claimId}")).StatusCode);
        await site.QueryAsync(async db =>
        {
            foreach (var sampled in await db.ClaimLines.Where(l => l.ClaimId == claimId && l.Sampled).ToListAsync())
            {
                sampled.AuditResult = AuditResult.Passed;
            }

            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Redirect, (await CaseworkSite.PostFormAsync(analyst, $"/claims/{claimId}?handler=Submit", [], tokenFrom: $"/claims/{claimId}")).StatusCode);
        var again = await CaseworkSite.PostFormAsync(analyst, "/claims/history", Build(ClaimsConfiguration.WindowB));
        Assert.Contains($"No family is claimable now that has not been claimed for under {ClaimsConfiguration.ProgrammeB}", await CaseworkSite.TextAsync(again), StringComparison.Ordinal);
    }
}

public sealed class SqliteClaimBuildingTests(ClaimsSqliteSite site) : ClaimBuildingTests<ClaimsSqliteSite>(site);

public sealed class PostgresClaimBuildingTests(ClaimsPostgresSite site) : ClaimBuildingTests<ClaimsPostgresSite>(site);
