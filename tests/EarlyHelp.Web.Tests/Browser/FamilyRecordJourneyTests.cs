using EarlyHelp.Web.Tests.Casework;
using Microsoft.Playwright;

namespace EarlyHelp.Web.Tests.Browser;

/// <summary>
/// The lead practitioner's work on a family's record in a real browser: record a Team Around the Family
/// meeting, add a contact to the timeline, record evidence and close the episode, each page checked with
/// axe-core; and the closure form, with its step down question, with JavaScript turned off.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FamilyRecordJourneyTests(SqliteSite site, Browser browser) : IClassFixture<SqliteSite>, IClassFixture<Browser>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    private static async Task FillDateAsync(IPage page, string id, DateOnly date)
    {
        await page.Locator($"#{id}-day").FillAsync(date.Day.ToString());
        await page.Locator($"#{id}-month").FillAsync(date.Month.ToString());
        await page.Locator($"#{id}-year").FillAsync(date.Year.ToString());
    }

    private async Task ExpectNoticeAsync(IPage page, string text)
    {
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync(text);
        await Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Record_a_meeting_add_a_contact_record_evidence_and_close_the_episode()
    {
        await using var context = await browser.Chromium.NewContextAsync(Browser.ContextOptions());
        var page = await Browser.SignInAsync(context, site.Address, "north.practitioner");
        await page.GotoAsync(new Uri(site.Address, $"/families/{site.FamilyA}/meetings").ToString());
        await Browser.AssertAccessibleAsync(page);

        // A mistake first: the error summary, checked with axe-core too, and nothing typed lost.
        await page.GetByLabel("Who attended").FillAsync("Sarah Green, Oakfield Primary School, Early Help");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save meeting" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what was decided");
        await Assertions.Expect(page.GetByLabel("Who attended")).ToHaveValueAsync("Sarah Green, Oakfield Primary School, Early Help");
        await Browser.AssertAccessibleAsync(page);

        await page.GetByLabel("Team Around the Family meeting").CheckAsync();
        await FillDateAsync(page, "NewMeeting-HeldOn", Today.AddDays(-1));
        await page.GetByLabel("What was decided").FillAsync("Debt advice referral; school to check attendance weekly.");
        await FillDateAsync(page, "NewMeeting-NextReviewOn", Today.AddDays(41));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save meeting" }).ClickAsync();
        await ExpectNoticeAsync(page, "Team Around the Family meeting on");
        await Assertions.Expect(page.Locator("#next-review")).ToContainTextAsync(Today.AddDays(41).ToString("d MMMM yyyy"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Timeline" }).ClickAsync();
        await Browser.AssertAccessibleAsync(page);
        await page.GetByLabel("Phone call").CheckAsync();
        await FillDateAsync(page, "Input-OccurredOn", Today);
        await page.GetByLabel("What happened").FillAsync("Sarah rang: the debt advice appointment is on Friday.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the timeline" }).ClickAsync();
        await ExpectNoticeAsync(page, "Phone call added");
        await Assertions.Expect(page.Locator(".moj-timeline__item").First).ToContainTextAsync("Sarah rang");

        await page.GetByRole(AriaRole.Link, new() { Name = "Evidence and outcomes" }).ClickAsync();
        await Browser.AssertAccessibleAsync(page);
        await page.GetByLabel("Which need is this evidence for?").SelectOptionAsync(new SelectOptionValue { Label = "Family requires support with finances and/or has unmanageable debt – whole family" });
        await page.GetByLabel("Kind of evidence").SelectOptionAsync("practitioner-assessment");
        await page.GetByLabel("Yes").CheckAsync();
        await page.GetByLabel("What the evidence shows (optional)").FillAsync("Repayment plan agreed with the landlord.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save evidence" }).ClickAsync();
        await ExpectNoticeAsync(page, "Evidence recorded for Family requires support with finances");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Repayment plan agreed with the landlord.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Close episode 1" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Close episode 1" })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);
        // With JavaScript the step up's question stays hidden until its radio is chosen.
        var reasons = page.GetByLabel("Why is the family being stepped up to children's social care?");
        await Assertions.Expect(reasons).ToBeHiddenAsync();
        await page.GetByLabel("Step up to children's social care").CheckAsync();
        await reasons.FillAsync("Strategy discussion held: the threshold for a child in need assessment is met.");
        await page.GetByLabel("Level 4: specialist (children's social care)").CheckAsync();
        await page.GetByLabel("Yes").CheckAsync();
        await Browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Close episode 1" }).ClickAsync();
        await page.WaitForURLAsync($"**/families/{site.FamilyA}");
        await ExpectNoticeAsync(page, "Episode 1 closed: step up to children's social care");

        await page.GetByRole(AriaRole.Link, new() { Name = "Timeline" }).ClickAsync();
        await Assertions.Expect(page.Locator(".moj-timeline__item").First).ToContainTextAsync("Episode 1 closed: Step up to children's social care");
    }

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
