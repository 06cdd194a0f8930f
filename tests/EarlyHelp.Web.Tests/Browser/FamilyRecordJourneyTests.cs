using EarlyHelp.Web.Tests.Casework;
using Microsoft.Playwright;

namespace EarlyHelp.Web.Tests.Browser;

/// <summary>
/// The closure form, with its step down question, with JavaScript turned off. (Meetings, contacts, evidence
/// and closure with JavaScript are steps of the whole journey in <see cref="JourneyTests"/>.)
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FamilyRecordJourneyTests(SqliteSite site, Browser browser) : IClassFixture<SqliteSite>, IClassFixture<Browser>
{
    [Fact]
    public async Task The_closure_form_works_with_JavaScript_turned_off()
    {
        await using var context = await browser.Chromium.NewContextAsync(Browser.ContextOptions(javaScript: false));
        var page = await Browser.SignInAsync(context, site.Address, "south.practitioner", javaScript: false);
        await page.GotoAsync(new Uri(site.Address, $"/families/{site.FamilyB}/close").ToString());

        // Without JavaScript every revealed question shows: the GOV.UK pattern's fallback.
        await Assertions.Expect(page.GetByLabel("Why is the family being stepped down to universal services?")).ToBeVisibleAsync();
        await page.GetByLabel("Step down to universal services").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Close episode 1" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter why the family is being stepped down to universal services");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select the family's level of need at closure");

        await page.GetByLabel("Why is the family being stepped down to universal services?").FillAsync("Attendance is back to 96%; the school will keep an eye.");
        await page.GetByLabel("Level 2: additional").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Close episode 1" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Episode 1 closed: step down to universal services");
    }
}
