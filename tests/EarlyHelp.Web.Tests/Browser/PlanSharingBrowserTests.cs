using EarlyHelp.Web.Tests.Casework;
using Microsoft.Playwright;

namespace EarlyHelp.Web.Tests.Browser;

/// <summary>Sharing the plan and the family reading it, in a real browser, each page checked with axe-core.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanSharingBrowserTests(SqliteSite site, Browser browser) : IClassFixture<SqliteSite>, IClassFixture<Browser>
{
    [Fact]
    public async Task The_lead_shares_the_plan_and_a_parent_reads_it_on_their_phone()
    {
        await using var leadContext = await browser.Chromium.NewContextAsync(Browser.ContextOptions());
        var lead = await Browser.SignInAsync(leadContext, site.Address, "north.practitioner");
        await lead.GotoAsync(new Uri(site.Address, $"/families/{site.FamilyA}/plan").ToString());
        await lead.GetByRole(AriaRole.Link, new() { Name = "Share the plan with the family" }).ClickAsync();
        await Assertions.Expect(lead.GetByRole(AriaRole.Heading, new() { Name = "Share the plan with the family", Level = 1 })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(lead);
        await lead.GetByLabel("Sarah Green (Mother)").CheckAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Make a link" }).ClickAsync();
        await Assertions.Expect(lead.Locator("#access-code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$"));
        await Browser.AssertAccessibleAsync(lead);
        var link = await lead.Locator("#share-link").TextContentAsync();
        var code = await lead.Locator("#access-code").TextContentAsync();

        // The parent, on a phone-sized screen, not signed in.
        var phone = Browser.ContextOptions();
        phone.ViewportSize = new ViewportSize { Width = 375, Height = 740 };
        await using var familyContext = await browser.Chromium.NewContextAsync(phone);
        var parent = await familyContext.NewPageAsync();
        await parent.GotoAsync(link!);
        await Assertions.Expect(parent.GetByRole(AriaRole.Heading, new() { Name = "Your family plan" })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(parent);
        await parent.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(parent.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the access code you were given");
        await Browser.AssertAccessibleAsync(parent);
        await parent.GetByLabel("Access code").FillAsync(code!);
        await parent.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Browser.ArrivedAtAsync(parent, "/your-plan$");
        await Assertions.Expect(parent.Locator("main")).ToContainTextAsync("Shared with Sarah Green");
        await Assertions.Expect(parent.Locator("#needs")).ToContainTextAsync("Family requires support with finances");
        await Browser.AssertAccessibleAsync(parent);

        await parent.GetByRole(AriaRole.Button, new() { Name = "Leave your plan on this device" }).ClickAsync();
        await Assertions.Expect(parent.Locator(".govuk-notification-banner--success")).ToContainTextAsync("You have left your family plan on this device");
        await Browser.AssertAccessibleAsync(parent);
    }
}
