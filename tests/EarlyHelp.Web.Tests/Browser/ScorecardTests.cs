using System.Text.RegularExpressions;
using EarlyHelp.Web.Tests.Casework;
using EarlyHelp.Web.Tests.Scorecard;
using Microsoft.Playwright;

namespace EarlyHelp.Web.Tests.Browser;

/// <summary>
/// The scorecard, the case file audit form and the JTAI self-assessment in a real browser, checked with axe-core;
/// the scorecard's filter and downloads also with JavaScript turned off.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScorecardBrowserTests(ScorecardSqliteSite site, Browser browser) : IClassFixture<ScorecardSqliteSite>, IClassFixture<Browser>
{
    private async Task<IPage> SignedInPageAsync(string user, bool javaScript = true)
    {
        var context = await browser.Chromium.NewContextAsync(Browser.ContextOptions(javaScript));
        return await Browser.SignInAsync(context, site.Address, user, javaScript);
    }

    [Fact]
    public async Task An_analyst_chooses_a_period_and_team_and_downloads_the_figures_without_JavaScript()
    {
        await ScorecardCases.EnsureAsync(site);
        var page = await SignedInPageAsync("analyst", javaScript: false);
        await page.GetByRole(AriaRole.Link, new() { Name = "Scorecard" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Performance scorecard", Level = 1 })).ToBeVisibleAsync();

        var start = page.GetByRole(AriaRole.Group, new() { Name = "Start date" });
        await start.GetByLabel("Day").FillAsync("1");
        await start.GetByLabel("Month").FillAsync("4");
        await start.GetByLabel("Year").FillAsync("2025");
        var end = page.GetByRole(AriaRole.Group, new() { Name = "End date" });
        await end.GetByLabel("Day").FillAsync("30");
        await end.GetByLabel("Month").FillAsync("6");
        await end.GetByLabel("Year").FillAsync("2025");
        await page.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "South" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show scorecard" }).ClickAsync();

        await Assertions.Expect(page.Locator("#showing")).ToHaveTextAsync("South: 1 April 2025 to 30 June 2025");
        await Assertions.Expect(page.Locator("#measure-3-1a-figure")).ToHaveTextAsync("5.0 working days");
        await Assertions.Expect(page.Locator("#measure-2-2-figure")).ToHaveTextAsync("50.0%");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "3.1a Average working days from enquiry to allocation: trend over 4 quarters" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "3.1a by quarter" })).ToContainTextAsync("Q1 2025-26");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-csv").ClickAsync());
        Assert.Equal("scorecard-south-2025-04-01-to-2025-06-30.csv", download.SuggestedFilename);
        var path = await download.PathAsync();
        var lines = await File.ReadAllLinesAsync(path);
        Assert.Contains("3.1a,Average working days from enquiry to allocation,Process,South,Period chosen,2025-04-01,2025-06-30,5,working days,1,,", lines);
        var excel = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", excel.SuggestedFilename, StringComparison.Ordinal);

        // A wrong date says so and keeps the date as typed.
        await start.GetByLabel("Day").FillAsync("31");
        await start.GetByLabel("Month").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show scorecard" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Start date must be a real date");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Start date" }).GetByLabel("Day")).ToHaveValueAsync("31");
    }

    [Fact]
    public async Task The_scorecard_with_its_charts_and_errors_passes_axe()
    {
        await ScorecardCases.EnsureAsync(site);
        var page = await SignedInPageAsync("analyst");
        await page.GotoAsync(new Uri(site.Address, "/scorecard?From=2025-04-01&To=2025-06-30").ToString());
        await Assertions.Expect(page.Locator("#measure-4-5-figure")).ToHaveTextAsync("50.0%");
        await Browser.AssertAccessibleAsync(page);

        await page.Locator("#quarters a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#showing")).ToContainTextAsync("Whole service: 1 ");
        await Browser.AssertAccessibleAsync(page);
        await page.GotoAsync(new Uri(site.Address, "/scorecard?From=2025-06-01&To=2025-04-01&Team=nonsense").ToString());
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The end date must be the same as or after the start date");
        await Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task An_auditor_records_a_case_file_audit_after_correcting_errors()
    {
        var family = await site.AddClosedFamilyAsync("CFA-BROWSER");
        var page = await SignedInPageAsync("auditor");
        await page.GotoAsync(new Uri(site.Address, $"/families/{family}/case-file-audits").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Case file audits", Level = 1 })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);

        await page.GetByLabel("Agencies involved with the family").FillAsync("School, police");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save audit" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the date of the audit");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select the overall grade");
        await Assertions.Expect(page.GetByLabel("Agencies involved with the family")).ToHaveValueAsync("School, police");
        await Browser.AssertAccessibleAsync(page);

        var date = page.GetByRole(AriaRole.Group, new() { Name = "Date of the audit" });
        await date.GetByLabel("Day").FillAsync("3");
        await date.GetByLabel("Month").FillAsync("2");
        await date.GetByLabel("Year").FillAsync("2025");
        await page.GetByLabel("Assessment of the family's needs").FillAsync("Thorough.");
        await page.GetByLabel("Family plan and the child's wishes").FillAsync("The child's wishes are recorded.");
        await page.GetByLabel("Multi-agency response").FillAsync("Police shared information promptly.");
        await page.GetByLabel("Outcomes achieved").FillAsync("Sustained.");
        await page.GetByLabel("Outstanding").CheckAsync();
        await page.GetByLabel("Actions").FillAsync("None");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save audit" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Case file audit of episode 1 saved: outstanding");
        await Assertions.Expect(page.Locator(".govuk-summary-card").First).ToContainTextAsync("Episode 1, audited 3 February 2025: Outstanding");
        await Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task A_manager_makes_a_JTAI_self_assessment()
    {
        var page = await SignedInPageAsync("north.manager");
        await page.GetByRole(AriaRole.Link, new() { Name = "Self-assessment" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "JTAI self-assessment", Level = 1 })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a new self-assessment" }).ClickAsync();
        await Browser.AssertAccessibleAsync(page);

        var date = page.GetByRole(AriaRole.Group, new() { Name = "Date of the self-assessment" });
        await date.GetByLabel("Day").FillAsync("1");
        await date.GetByLabel("Month").FillAsync("9");
        await date.GetByLabel("Year").FillAsync("2024");
        for (var i = 1; i <= 16; i++)
        {
            if (i != 9)
            {
                await page.GetByRole(AriaRole.Group, new() { Name = $"Rating for EC{i}", Exact = true }).GetByLabel("Good", new() { Exact = true }).CheckAsync();
            }

            await page.GetByLabel($"Evidence for EC{i}", new() { Exact = true }).FillAsync($"Evidence {i}");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save self-assessment" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToHaveTextAsync(new Regex("Select a rating for EC9"));
        await Assertions.Expect(page.GetByLabel("Evidence for EC9", new() { Exact = true })).ToHaveValueAsync("Evidence 9");
        await Browser.AssertAccessibleAsync(page);

        await page.Locator(".govuk-error-summary a").First.ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Rating for EC9", Exact = true }).GetByLabel("Requires improvement").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save self-assessment" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Self-assessment of 1 September 2024 saved");
        await Assertions.Expect(page.Locator("#row-EC9")).ToContainTextAsync("Requires improvement");
        await Assertions.Expect(page.Locator("#row-EC9")).ToContainTextAsync("First rated");
        await Browser.AssertAccessibleAsync(page);
    }
}
