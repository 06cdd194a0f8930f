using EarlyHelp.Web.Tests.Casework;
using EarlyHelp.Web.Tests.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace EarlyHelp.Web.Tests.Browser;

/// <summary>
/// A claim in a real browser, checked with axe-core on every page: the analyst builds it, the auditor rejects one
/// sampled family and passes the other, the analyst submits it and downloads it as Excel.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClaimsJourneyTests(ClaimsSqliteSite site, Browser browser) : IClassFixture<ClaimsSqliteSite>, IClassFixture<Browser>
{
    [Fact]
    public async Task The_analyst_builds_a_claim_the_auditor_checks_the_sample_and_the_analyst_submits_and_exports_it()
    {
        foreach (var reference in new[] { "WEB-1", "WEB-2", "WEB-3" })
        {
            await ClaimsConfiguration.AddClosedFamilyAsync(site, reference);
        }

        await ClaimsConfiguration.AddClosedFamilyAsync(site, "WEB-SOON", closedDaysAgo: 20);
        await ClaimsConfiguration.AddClosedFamilyAsync(site, "WEB-BLOCKED", evidenceForEveryNeed: false);

        var analystContext = await browser.Chromium.NewContextAsync(Browser.ContextOptions());
        var analyst = await Browser.SignInAsync(analystContext, site.Address, "analyst");
        await analyst.GetByRole(AriaRole.Link, new() { Name = "Claims", Exact = true }).ClickAsync();
        await Assertions.Expect(analyst.GetByRole(AriaRole.Heading, new() { Name = "Families and claims", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(analyst.Locator("#claim-families")).ToContainTextAsync("WEB-1");
        await Browser.AssertAccessibleAsync(analyst);
        await analyst.GetByRole(AriaRole.Link, new() { Name = "Becomes claimable (1)" }).ClickAsync();
        await Assertions.Expect(analyst.Locator("#claim-families")).ToContainTextAsync("WEB-SOON");
        await Browser.AssertAccessibleAsync(analyst);
        await analyst.GetByRole(AriaRole.Link, new() { Name = "Blocked (1)" }).ClickAsync();
        await Assertions.Expect(analyst.Locator("#claim-families")).ToContainTextAsync("WEB-BLOCKED");
        await Browser.AssertAccessibleAsync(analyst);

        // Building without choosing a window: the GOV.UK error summary, then the claim.
        await analyst.GetByRole(AriaRole.Link, new() { Name = "Claims and history" }).ClickAsync();
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Build claim" }).ClickAsync();
        await Assertions.Expect(analyst.Locator(".govuk-error-summary")).ToContainTextAsync("Select a claim window");
        await Browser.AssertAccessibleAsync(analyst);
        await analyst.GetByLabel($"{ClaimsConfiguration.WindowA} ({ClaimsConfiguration.ProgrammeA})").CheckAsync();
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Build claim" }).ClickAsync();
        await Assertions.Expect(analyst.Locator(".govuk-notification-banner")).ToContainTextAsync($"Claim built for {ClaimsConfiguration.WindowA}: 3 families");
        await Assertions.Expect(analyst.Locator("#fiscal-value")).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(analyst);
        var claimUrl = analyst.Url;

        // Submitting before the audit is refused with the reason; sending it draws 2 of the 3 (half, rounded up).
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Send for audit" }).ClickAsync();
        await Assertions.Expect(analyst.Locator(".govuk-notification-banner")).ToContainTextAsync("the auditor checks 2 families");
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Submit claim" }).ClickAsync();
        await Assertions.Expect(analyst.Locator(".govuk-error-summary")).ToContainTextAsync("The auditor has not checked 2 sampled families yet");
        await Browser.AssertAccessibleAsync(analyst);

        var sampled = await site.QueryAsync(db => db.ClaimLines.Where(l => l.Sampled).OrderBy(l => l.FamilyReference).Select(l => l.FamilyReference).ToListAsync());
        Assert.Equal(2, sampled.Count);

        var auditorContext = await browser.Chromium.NewContextAsync(Browser.ContextOptions());
        var auditor = await Browser.SignInAsync(auditorContext, site.Address, "auditor");
        await auditor.GotoAsync(claimUrl);
        await auditor.Locator("#audit-sample a", new() { HasText = sampled[0] }).ClickAsync();
        await Assertions.Expect(auditor.Locator("#judged-again")).ToContainTextAsync("Same verdict");
        await Assertions.Expect(auditor.Locator("#need-FIN-DEBT")).ToContainTextAsync("Recorded by south.practitioner");
        await Browser.AssertAccessibleAsync(auditor);
        await auditor.GetByLabel("Reject: the family leaves the claim").CheckAsync();
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Save check" }).ClickAsync();
        await Assertions.Expect(auditor.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the reasons for rejecting the family");
        await Browser.AssertAccessibleAsync(auditor);
        await auditor.GetByLabel("Reasons").FillAsync("The parenting outcome has no evidence from the school");
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Save check" }).ClickAsync();
        await Assertions.Expect(auditor.Locator(".govuk-notification-banner")).ToContainTextAsync($"{sampled[0]} rejected: the family has left the claim");
        await auditor.Locator("#audit-sample a", new() { HasText = sampled[1] }).ClickAsync();
        await auditor.GetByLabel("Pass: the evidence supports the claim").CheckAsync();
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Save check" }).ClickAsync();
        await Assertions.Expect(auditor.Locator("#audit-sample")).ToContainTextAsync("Passed");
        await Browser.AssertAccessibleAsync(auditor);

        await analyst.GotoAsync(claimUrl);
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Submit claim" }).ClickAsync();
        await Assertions.Expect(analyst.Locator(".govuk-notification-banner")).ToContainTextAsync("Claim submitted: 2 families, £1,600");
        await Assertions.Expect(analyst.Locator("#rejected")).ToContainTextAsync("The parenting outcome has no evidence from the school");
        await Browser.AssertAccessibleAsync(analyst);

        var download = await analyst.RunAndWaitForDownloadAsync(() => analyst.GetByRole(AriaRole.Link, new() { Name = "Excel file (.xlsx)" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        using (var stream = File.OpenRead(path))
        {
            var rows = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
            var kept = new[] { "WEB-1", "WEB-2", "WEB-3" }.Where(r => r != sampled[0]);
            Assert.Equal(kept, rows.Select(r => (string)r["Family reference"]));
        }

        await analyst.GetByRole(AriaRole.Link, new() { Name = "Claims and history" }).ClickAsync();
        await Assertions.Expect(analyst.Locator("#window-totals")).ToContainTextAsync("£1,600");
        await Browser.AssertAccessibleAsync(analyst);
        await analystContext.CloseAsync();
        await auditorContext.CloseAsync();
    }
}
