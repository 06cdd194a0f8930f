using System.Text.RegularExpressions;
using EarlyHelp.Web.Tests.Browser;
using Microsoft.Playwright;

namespace EarlyHelp.Web.Tests.ServiceDirectory;

/// <summary>
/// The directory in a real browser, checked with axe-core: a family's search without signing in (with and without
/// JavaScript), and a directory editor's service form with its errors.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DirectoryBrowserTests(SqliteDirectorySite site, Browser.Browser browser) : IClassFixture<SqliteDirectorySite>, IClassFixture<Browser.Browser>
{
    private async Task<IPage> PageAsync(bool javaScript)
    {
        var context = await browser.Chromium.NewContextAsync(Browser.Browser.ContextOptions(javaScript));
        // Generous: on a 2-core machine the browser shares the processor with the rest of the test run.
        context.SetDefaultTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task A_family_finds_services_near_them_by_need()
    {
        var page = await PageAsync(javaScript: true);
        await page.GotoAsync(new Uri(site.Address, "/services").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Find support for your family", Level = 1 })).ToBeVisibleAsync();
        await Browser.Browser.AssertAccessibleAsync(page);

        await page.GetByLabel("What do you need help with?").SelectOptionAsync("FIN-DEBT");
        await page.GetByLabel("Postcode (optional)").FillAsync("WS1 1AA");
        await page.GetByLabel("Distance").SelectOptionAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("#results-count")).ToContainTextAsync("near WS1");
        await Assertions.Expect(page.Locator("#results li").First).ToContainTextAsync("miles away");
        await Assertions.Expect(page.GetByLabel("What do you need help with?")).ToHaveValueAsync("FIN-DEBT");
        await Browser.Browser.AssertAccessibleAsync(page);

        await page.Locator("#results a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#service-details")).ToContainTextAsync("Family requires support with finances and/or has unmanageable debt");
        await Browser.Browser.AssertAccessibleAsync(page);

        await page.GotoAsync(new Uri(site.Address, "/services").ToString());
        await page.GetByLabel("Age of the person who needs support (optional)").FillAsync("seven");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Age must be a whole number of years, like 7");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await Browser.Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task The_search_pages_through_results_without_JavaScript()
    {
        var page = await PageAsync(javaScript: false);
        await page.GotoAsync(new Uri(site.Address, "/services").ToString());
        await page.GetByLabel("Postcode (optional)").FillAsync("WS10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("#results-count")).ToContainTextAsync("near WS10");
        var first = await page.Locator("#results h3").First.TextContentAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("page=2"));
        await Assertions.Expect(page.Locator("#results h3").First).Not.ToHaveTextAsync(first!);
        await Assertions.Expect(page.GetByLabel("Postcode (optional)")).ToHaveValueAsync("WS10");
    }

    [Fact]
    public async Task A_lead_practitioner_refers_a_family_to_a_service_from_its_plan()
    {
        var family = await site.AddOpenFamilyAsync($"BRW-{Guid.NewGuid():N}"[..12]);
        var context = await browser.Chromium.NewContextAsync(Browser.Browser.ContextOptions());
        var page = await Browser.Browser.SignInAsync(context, site.Address, "north.practitioner");
        await page.GotoAsync(new Uri(site.Address, $"/families/{family}/plan").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Find a service for this family" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Services for this family", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#suggestions li").First).ToContainTextAsync("miles away");
        await Browser.Browser.AssertAccessibleAsync(page);

        var name = await page.Locator("#suggestions h3").First.TextContentAsync();
        await page.Locator("#suggestions button").First.ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"Referred to {name}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Directory service: {name}" })).ToBeVisibleAsync();
        await Browser.Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task An_editor_adds_a_service_after_putting_right_what_the_form_says()
    {
        var context = await browser.Chromium.NewContextAsync(Browser.Browser.ContextOptions());
        var page = await Browser.Browser.SignInAsync(context, site.Address, "directory");
        await page.GetByRole(AriaRole.Link, new() { Name = "Directory", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Directory", Level = 1 })).ToBeVisibleAsync();
        await Browser.Browser.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Add a service" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add a service", Level = 1 })).ToBeVisibleAsync();
        await Browser.Browser.AssertAccessibleAsync(page);

        await page.GetByLabel("Service name").FillAsync("Dads' group");
        await page.GetByLabel("Youngest age (optional)").FillAsync("sixteen");
        await page.GetByLabel("Opens at (optional)").FillAsync("6pm");

        // Enter saves (and so checks) the form, though "Add another" buttons come before the one at the end.
        await page.GetByLabel("Opens at (optional)").PressAsync("Enter");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Select the organisation that provides the service");
        await Assertions.Expect(summary).ToContainTextAsync("Enter what the service does");
        await Assertions.Expect(summary).ToContainTextAsync("Youngest age must be a whole number of years, like 5");
        await Assertions.Expect(summary).ToContainTextAsync("Select the days the service runs, or leave the times blank");
        await Assertions.Expect(page.GetByLabel("Service name")).ToHaveValueAsync("Dads' group");
        await Assertions.Expect(page.GetByLabel("Youngest age (optional)")).ToHaveValueAsync("sixteen");
        await Browser.Browser.AssertAccessibleAsync(page);

        // "Add another" works without JavaScript: the form comes back with a second contact and what was typed.
        await page.Locator("#Input-Contacts-0-Name").FillAsync("Tom Reid");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add another person to contact" }).ClickAsync();
        await Assertions.Expect(page.Locator("#contact-2 legend")).ToContainTextAsync("Person to contact 2");
        await Assertions.Expect(page.Locator("#Input-Contacts-0-Name")).ToHaveValueAsync("Tom Reid");
        await Assertions.Expect(page.GetByLabel("Service name")).ToHaveValueAsync("Dads' group");
        await Browser.Browser.AssertAccessibleAsync(page);
        await page.Locator("#Input-Contacts-1-Name").FillAsync("Dev Mistry");
        await page.Locator("#Input-Contacts-1-Phone").FillAsync("01922 650 777");

        await page.GetByLabel("Organisation that provides it").SelectOptionAsync(new SelectOptionValue { Label = "Brightpath Family Trust" });
        await page.GetByLabel("What the service does").FillAsync("A Saturday morning group for dads and their children.");
        await page.GetByLabel("Youngest age (optional)").FillAsync("16");
        await page.GetByLabel("Parenting").First.CheckAsync();
        await page.GetByLabel("Saturday").CheckAsync();
        await page.GetByLabel("Walsall Central Family Hub").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add service" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Dads' group added to the directory");

        await page.GotoAsync(new Uri(site.Address, "/services?q=dads").ToString());
        await Assertions.Expect(page.Locator("#results")).ToContainTextAsync("Dads' group");
        await page.Locator("#results a", new() { HasText = "Dads' group" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Phone: 01922 650 777");
    }
}
