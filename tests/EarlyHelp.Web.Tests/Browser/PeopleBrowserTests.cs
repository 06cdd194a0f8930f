using EarlyHelp.Web.Tests.Casework;
using Microsoft.Playwright;

namespace EarlyHelp.Web.Tests.Browser;

/// <summary>An administrator adds a person, who chooses a password with the link; each page checked with axe-core.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PeopleBrowserTests(SqliteSite site, Browser browser) : IClassFixture<SqliteSite>, IClassFixture<Browser>
{
    [Fact]
    public async Task An_administrator_adds_a_person_who_sets_their_password_and_signs_in()
    {
        await using var adminContext = await browser.Chromium.NewContextAsync(Browser.ContextOptions());
        var admin = await Browser.SignInAsync(adminContext, site.Address, "admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "People" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "People", Level = 1 })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add a person" }).ClickAsync();
        await admin.GetByLabel("Full name").FillAsync("Dev Patel");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".govuk-error-summary")).ToContainTextAsync("Select at least one role");
        await Assertions.Expect(admin.GetByLabel("Full name")).ToHaveValueAsync("Dev Patel");
        await Browser.AssertAccessibleAsync(admin);

        await admin.GetByLabel("Email address").FillAsync("dev.patel@test.example");
        await admin.GetByLabel("Agency").FillAsync("Early Help");
        await admin.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "North" });
        await admin.GetByLabel("Practitioner", new() { Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#set-password-link")).ToContainTextAsync("/set-password?email=dev.patel");
        await Browser.AssertAccessibleAsync(admin);
        var link = await admin.Locator("#set-password-link").TextContentAsync();

        await using var personContext = await browser.Chromium.NewContextAsync(Browser.ContextOptions());
        var person = await personContext.NewPageAsync();
        await person.GotoAsync(link!);
        await Assertions.Expect(person.GetByRole(AriaRole.Heading, new() { Name = "Create your password" })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(person);
        await person.GetByLabel("Create a password").FillAsync("teapot-harbour-velvet");
        await person.GetByLabel("Confirm your password").FillAsync("teapot-harbour-velvet");
        await person.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(person.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Your password is set");
        await Browser.AssertAccessibleAsync(person);
        await person.GetByLabel("Email address").FillAsync("dev.patel@test.example");
        await person.GetByLabel("Password").FillAsync("teapot-harbour-velvet");
        await person.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Browser.ArrivedAtAsync(person, "/caseload");
    }
}
