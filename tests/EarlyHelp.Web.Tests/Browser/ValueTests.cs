using System.Text.RegularExpressions;
using EarlyHelp.Web.Tests.Casework;
using Microsoft.Playwright;

namespace EarlyHelp.Web.Tests.Browser;

/// <summary>
/// The cost of late intervention page in a real browser: reached from the navigation, checked with axe-core with and
/// without errors, and a table uploaded, changed and recalculated with JavaScript turned off.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ValueTests(SqliteSite site, Browser browser) : IClassFixture<SqliteSite>, IClassFixture<Browser>
{
    private async Task<IPage> SignedInPageAsync(bool javaScript)
    {
        var context = await browser.Chromium.NewContextAsync(Browser.ContextOptions(javaScript));
        return await Browser.SignInAsync(context, site.Address, "analyst", javaScript);
    }

    [Fact]
    public async Task A_strategic_lead_changes_the_figures_and_sees_the_savings()
    {
        var page = await SignedInPageAsync(javaScript: true);
        await page.GetByRole(AriaRole.Link, new() { Name = "Cost of late intervention" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The cost of late intervention", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#total-cost")).ToHaveTextAsync("£44,878,149");
        await Assertions.Expect(page.Locator("#value-summary")).ToContainTextAsync("Saving from a 5% reduction £2,243,907.45 a year");
        await Browser.AssertAccessibleAsync(page);

        // A wrong figure shows the GOV.UK error summary, linked to the field, and keeps what was typed.
        var lac = page.GetByLabel("Value per child for LAC (DMBC)");
        await lac.FillAsync("lots");
        await page.GetByLabel("Reductions to work out").FillAsync("1, 10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Recalculate" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The value per child for LAC (DMBC) must be an amount in pounds");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await Assertions.Expect(page.GetByLabel("Value per child for LAC (DMBC)")).ToHaveValueAsync("lots");
        await Assertions.Expect(page.GetByLabel("Reductions to work out")).ToHaveValueAsync("1, 10");
        await Browser.AssertAccessibleAsync(page);

        await page.Locator(".govuk-error-summary a").First.ClickAsync();
        await page.GetByLabel("Value per child for LAC (DMBC)").FillAsync("70000");
        await page.GetByLabel("Number per year for Reported anti-social behaviour incidents (Police)").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Recalculate" }).ClickAsync();

        // £3,936 more for each of 487 looked after children, and £353 for each of 100 incidents: £1,952,132 more.
        await Assertions.Expect(page.Locator("#total-cost")).ToHaveTextAsync("£46,830,281");
        await Assertions.Expect(page.Locator("#value-summary")).ToContainTextAsync("Saving from a 10% reduction £4,683,028.10 a year");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
        await Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task A_council_uploads_its_own_table_with_JavaScript_turned_off()
    {
        var page = await SignedInPageAsync(javaScript: false);
        await page.GotoAsync(new Uri(site.Address, "/value").ToString());

        var bad = new FilePayload { Name = "costs.csv", MimeType = "text/csv", Buffer = "Cost item,Value per child,Number per year\nFamily support,lots,40\n"u8.ToArray() };
        await page.GetByLabel("Upload a CSV file of unit costs").SetInputFilesAsync(bad);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload table" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The selected file has a problem");
        await Assertions.Expect(page.Locator("#Upload-problems")).ToContainTextAsync("Line 2, column 2: The value per child must be an amount in pounds");
        await Assertions.Expect(page.Locator("#total-cost")).ToHaveTextAsync("£44,878,149");

        var good = new FilePayload { Name = "costs.csv", MimeType = "text/csv", Buffer = "Cost item,Value per child,Number per year,Who bears it\nFamily support,1200.25,40,Council\n"u8.ToArray() };
        await page.GetByLabel("Upload a CSV file of unit costs").SetInputFilesAsync(good);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload table" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("costs.csv uploaded: 1 cost item");
        await Assertions.Expect(page.Locator("#total-cost")).ToHaveTextAsync("£48,010");

        await page.GetByLabel("Number per year for Family support (Council)").FillAsync("50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Recalculate" }).ClickAsync();
        await Assertions.Expect(page.Locator("#total-cost")).ToHaveTextAsync("£60,012.50");
        await Assertions.Expect(page.Locator("caption")).ToHaveTextAsync("costs.csv");
    }
}
