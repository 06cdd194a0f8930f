using System.Text;
using System.Text.RegularExpressions;
using EarlyHelp.Core.Frameworks;
using EarlyHelp.Web.Features.PartnerData;
using EarlyHelp.Web.Tests.Casework;
using EarlyHelp.Web.Tests.PartnerData;
using Microsoft.Playwright;

namespace EarlyHelp.Web.Tests.Browser;

/// <summary>
/// Partner data in a real browser, checked with axe-core at each step: an analyst uploads files and watches them
/// import (with JavaScript the page follows the progress; without it, a link refreshes it), sees a file's problems,
/// then a coordinator opens an enquiry from a candidate family with one button.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PartnerDataTests(SqliteSite site, Browser browser) : IClassFixture<SqliteSite>, IClassFixture<Browser>
{
    private static FilePayload Csv(string name, string text) => new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };

    private static async Task UploadAsync(IPage page, string fileLabel, FilePayload file)
    {
        await page.GotoAsync(new Uri(new Uri(page.Url), "/partner-data").ToString());
        await page.GetByLabel(fileLabel, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Upload the CSV file").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import file" }).ClickAsync();
        await Browser.ArrivedAtAsync(page, "/partner-data/imports/");
    }

    [Fact]
    public async Task Upload_progress_result_candidates_and_an_enquiry_opened_in_one_click()
    {
        var context = await browser.Chromium.NewContextAsync(Browser.ContextOptions());
        var page = await Browser.SignInAsync(context, site.Address, "analyst");
        await page.GetByRole(AriaRole.Link, new() { Name = "Partner data" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Partner data", Level = 1 })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);

        // Nothing chosen: the error summary links to each question.
        await page.GetByRole(AriaRole.Button, new() { Name = "Import file" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select which partner file this is");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select a CSV file to import");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await Browser.AssertAccessibleAsync(page);

        // An import waiting its turn shows its progress, which the page follows by itself.
        Guid waiting;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var path = Path.GetTempFileName();
            await File.WriteAllTextAsync(path, "person_id,family_id,date_of_birth\n");
            waiting = (await scope.ServiceProvider.GetRequiredService<PartnerDataImporter>().RecordAsync(PartnerDataset.People, path, "waiting.csv", "x", "Someone Else")).Id;
        }

        await page.GotoAsync(new Uri(site.Address, $"/partner-data/imports/{waiting}").ToString());
        await Assertions.Expect(page.Locator("#import-progress-text")).ToHaveTextAsync("Waiting to start");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Refresh the page" })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);

        var (people, police, attendance) = PagesTests<SqliteSite>.Household("BR1");
        await UploadAsync(page, "people.csv", Csv("people.csv", people));
        await Assertions.Expect(page.Locator("#import-status")).ToHaveTextAsync("Imported"); // the script reloads the page when it is done
        await Assertions.Expect(page.Locator("#rows-added")).ToHaveTextAsync("2");
        await Browser.AssertAccessibleAsync(page);
        await UploadAsync(page, "police.csv", Csv("police.csv", police));
        await Assertions.Expect(page.Locator("#import-status")).ToHaveTextAsync("Imported");
        await UploadAsync(page, "attendance.csv", Csv("attendance.csv", attendance));
        await Assertions.Expect(page.Locator("#import-status")).ToHaveTextAsync("Imported");

        // A file with problems: each with its line and column, nothing stored.
        await UploadAsync(page, "health.csv", Csv("health.csv", "person_id,date,flag\nBR1-P1,2025-13-01,adult-mental-health\nNOBODY,2025-01-01,sad\n"));
        await Assertions.Expect(page.Locator("#import-status")).ToHaveTextAsync("Not imported");
        await Assertions.Expect(page.Locator("#problems")).ToHaveTextAsync("3 problems in the file");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("is not one of adult-mental-health");
        await Browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Partner data" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("health.csv");
        await Browser.AssertAccessibleAsync(page);

        // The coordinator opens an enquiry from the candidate.
        var managerContext = await browser.Chromium.NewContextAsync(Browser.ContextOptions());
        var manager = await Browser.SignInAsync(managerContext, site.Address, "north.manager");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Partner data" }).ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "See the candidate families" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Candidate families", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(manager.Locator("table")).ToContainTextAsync("EDU-ATTEND-90: BR1-P2 (aged 13) attended");
        await Browser.AssertAccessibleAsync(manager);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Open an enquiry for household BR1-F" }).ClickAsync();
        await Browser.ArrivedAtAsync(manager, "/families/[0-9a-f-]{36}$");
        await Assertions.Expect(manager.Locator(".govuk-notification-banner")).ToContainTextAsync("opened from the partner data");
        await Browser.AssertAccessibleAsync(manager);
        var familyUrl = manager.Url;

        await manager.GoBackAsync();
        await manager.ReloadAsync();
        await Assertions.Expect(manager.Locator($"a[href='{new Uri(familyUrl).AbsolutePath}']")).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Button, new() { Name = "Open an enquiry for household BR1-F" })).ToHaveCountAsync(0);
        await Browser.AssertAccessibleAsync(manager);
    }

    [Fact]
    public async Task Without_JavaScript_a_link_refreshes_the_progress_until_the_result()
    {
        var context = await browser.Chromium.NewContextAsync(Browser.ContextOptions(javaScript: false));
        var page = await Browser.SignInAsync(context, site.Address, "analyst", javaScript: false);
        await UploadAsync(page, "people.csv", Csv("people.csv", "person_id,family_id,date_of_birth\nNJ-P1,NJ-F,1990-01-01\n"));
        for (var i = 0; i < 100 && await page.GetByRole(AriaRole.Link, new() { Name = "Refresh the page" }).CountAsync() > 0; i++)
        {
            await Task.Delay(200);
            await page.GetByRole(AriaRole.Link, new() { Name = "Refresh the page" }).ClickAsync();
        }

        await Assertions.Expect(page.Locator("#import-status")).ToHaveTextAsync("Imported");
        await Assertions.Expect(page.Locator("#rows-read")).ToHaveTextAsync("1");
    }
}
