using EarlyHelp.Web.Tests.Casework;
using Microsoft.Playwright;

namespace EarlyHelp.Web.Tests.Browser;

/// <summary>The API tokens page in a real browser: reached from the footer, checked with axe-core at each step.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiTokenBrowserTests(SqliteSite site, Browser browser) : IClassFixture<SqliteSite>, IClassFixture<Browser>
{
    [Fact]
    public async Task A_practitioner_makes_a_token_sees_it_once_and_revokes_it()
    {
        await using var context = await browser.Chromium.NewContextAsync(Browser.ContextOptions());
        var page = await Browser.SignInAsync(context, site.Address, "north.practitioner");
        await page.GetByRole(AriaRole.Link, new() { Name = "API tokens" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API tokens", Level = 1 })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Make token" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what the token is for");
        await Browser.AssertAccessibleAsync(page);

        await page.GetByLabel("What is the token for?").FillAsync("Caseload sync");
        await page.GetByLabel("90 days").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make token" }).ClickAsync();
        await Assertions.Expect(page.Locator("#new-token")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^eh_[A-Za-z0-9_-]{43}$"));
        await Assertions.Expect(page.Locator("#tokens")).ToContainTextAsync("Caseload sync");
        await Browser.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke the token for Caseload sync" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Token ‘Caseload sync’ revoked");
        await Assertions.Expect(page.Locator("#new-token")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#tokens")).ToContainTextAsync("Revoked");
        await Browser.AssertAccessibleAsync(page);
    }
}
