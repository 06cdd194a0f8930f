using EarlyHelp.Web.Tests.Casework;
using Microsoft.Playwright;

namespace EarlyHelp.Web.Tests.Browser;

/// <summary>Browser tests run on their own, not beside the other test classes, so that timings stay steady.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "browser";
}

/// <summary>
/// The whole journey in a real browser: sign in, record an enquiry, decide and allocate, assess, plan, review,
/// record evidence, close, and see the engine's verdict. Every page is checked with axe-core, and the forms also
/// work with JavaScript turned off.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class JourneyTests(SqliteSite site, Browser browser) : IClassFixture<SqliteSite>, IClassFixture<Browser>
{
    private Task<IPage> SignInAsync(IBrowserContext context, string user, bool javaScript = true) => Browser.SignInAsync(context, site.Address, user, javaScript);

    [Fact]
    public async Task Enquiry_allocation_assessment_plan_review_and_closure_with_the_verdict()
    {
        await using var context = await browser.Chromium.NewContextAsync(Browser.ContextOptions());
        var page = await SignInAsync(context, "north.manager");
        await Browser.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "New enquiry" }).ClickAsync();
        await Browser.AssertAccessibleAsync(page);

        // Submitting with problems shows the GOV.UK error summary, and nothing typed is lost.
        await page.GetByLabel("Parent or carer's first name").FillAsync("Gemma");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send enquiry" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the parent or carer's last name");
        await Assertions.Expect(page.GetByLabel("Parent or carer's first name")).ToHaveValueAsync("Gemma");
        await Browser.AssertAccessibleAsync(page);

        await page.GetByLabel("Parent or carer's last name").FillAsync("Hollis");
        await page.GetByLabel("Address line 1").FillAsync("12 Forge Way");
        await page.GetByLabel("Town or city").FillAsync("Walsall");
        await page.GetByLabel("Postcode").FillAsync("WS3 2QE");
        await page.GetByLabel("Who is asking for support").SelectOptionAsync("School");
        await page.GetByLabel("Why is the family asking for support").FillAsync("Amelia's attendance is 78% and the family is behind on rent.");
        await page.GetByLabel("Average attendance below 90%").CheckAsync();
        await page.GetByLabel("Family requires support with finances").CheckAsync();
        await page.GetByLabel("Parent/carers require parenting support").CheckAsync();
        await page.Locator("#Input-FamilyAgrees").CheckAsync();
        await page.GetByLabel("Public task").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send enquiry" }).ClickAsync();

        await Browser.ArrivedAtAsync(page, "/allocate$");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Decide and allocate" })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);
        await page.GetByLabel("Early Help Assessment with a Team Around the Family").CheckAsync();
        await page.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "North" });
        await page.GetByLabel("Lead practitioner").SelectOptionAsync(new SelectOptionValue { Label = "north.practitioner, Early Help (North)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        await Browser.ArrivedAtAsync(page, "/caseload");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("allocated to north.practitioner");

        // The lead practitioner finds the family in their caseload and sees the engine's verdict.
        await using var leadContext = await browser.Chromium.NewContextAsync(Browser.ContextOptions());
        var lead = await SignInAsync(leadContext, "north.practitioner");
        await lead.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^FAM-") }).First.ClickAsync();
        await Assertions.Expect(lead.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
        await Assertions.Expect(lead.Locator("main")).ToContainTextAsync("Eligible for Supporting Families: needs in 3 headline outcomes");
        await Assertions.Expect(lead.Locator("main")).ToContainTextAsync("The episode is not closed");
        await Browser.AssertAccessibleAsync(lead);
        await lead.GetByRole(AriaRole.Link, new() { Name = "Members" }).ClickAsync();
        await Assertions.Expect(lead.Locator("main")).ToContainTextAsync("Gemma Hollis");
        await Browser.AssertAccessibleAsync(lead);

        await AssessAsync(lead);
        await PlanAsync(lead);
        await ReviewAndCloseAsync(lead);
    }

    /// <summary>The whole-family assessment: every headline outcome's section, the level of need, check answers, complete.</summary>
    private static async Task AssessAsync(IPage lead)
    {
        await lead.GetByRole(AriaRole.Link, new() { Name = "Assessment" }).ClickAsync();
        await Browser.AssertAccessibleAsync(lead);
        await lead.GetByRole(AriaRole.Button, new() { Name = "Start the assessment" }).ClickAsync();
        await Assertions.Expect(lead.Locator("main")).ToContainTextAsync("You have completed 0 of 12 sections");

        var sections = await lead.Locator(".govuk-task-list").First.Locator("a.govuk-task-list__link").AllInnerTextsAsync();
        Assert.Equal(10, sections.Count);
        var first = true;
        foreach (var section in sections)
        {
            await lead.GetByRole(AriaRole.Link, new() { Name = section, Exact = true }).ClickAsync();
            await lead.GetByLabel("What is going well").FillAsync($"{section}: the family's own strengths");
            if (first)
            {
                // A section saved without saying whether it is complete is asked again, keeping what was typed.
                await lead.GetByRole(AriaRole.Button, new() { Name = "Save and return" }).ClickAsync();
                await Assertions.Expect(lead.Locator(".govuk-error-summary")).ToContainTextAsync("Select yes if you have completed this section");
                await Assertions.Expect(lead.GetByLabel("What is going well")).ToHaveValueAsync($"{section}: the family's own strengths");
                await Browser.AssertAccessibleAsync(lead);
                first = false;
            }

            await lead.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
            await lead.GetByRole(AriaRole.Button, new() { Name = "Save and return" }).ClickAsync();
            await Assertions.Expect(lead.Locator(".govuk-notification-banner")).ToContainTextAsync($"{section}: saved");
        }

        await lead.GetByRole(AriaRole.Link, new() { Name = "Level of need" }).ClickAsync();
        await Browser.AssertAccessibleAsync(lead);
        await lead.GetByLabel("Level 3: multiple or complex needs").CheckAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save and return" }).ClickAsync();

        await lead.GetByRole(AriaRole.Link, new() { Name = "Check your answers and complete" }).ClickAsync();
        await Assertions.Expect(lead.Locator("main")).ToContainTextAsync("Family requires support with finances");
        await Browser.AssertAccessibleAsync(lead);
        await lead.GetByRole(AriaRole.Button, new() { Name = "Complete the assessment" }).ClickAsync();
        await Browser.ArrivedAtAsync(lead, "/plan$");
        await Assertions.Expect(lead.Locator(".govuk-notification-banner")).ToContainTextAsync("Assessment completed");
    }

    /// <summary>The Family Plan: an action for a need, and the family's agreement to the plan.</summary>
    private static async Task PlanAsync(IPage lead)
    {
        await Browser.AssertAccessibleAsync(lead);
        await lead.GetByRole(AriaRole.Button, new() { Name = "Add an action" }).ClickAsync();
        await Browser.AssertAccessibleAsync(lead);
        await lead.GetByLabel("Which need is this action for?").SelectOptionAsync("FIN-DEBT");
        await lead.GetByLabel("What will be done").FillAsync("Book a debt advice appointment with Citizens Advice");
        await lead.GetByLabel("Who will do it").FillAsync("Gemma Hollis");
        await lead.GetByLabel("Their agency").FillAsync("The family");
        var due = DateTime.Today.AddDays(21);
        var dueBy = lead.Locator("#Input-DueOn");
        await dueBy.GetByLabel("Day").FillAsync(due.Day.ToString());
        await dueBy.GetByLabel("Month").FillAsync(due.Month.ToString());
        await dueBy.GetByLabel("Year").FillAsync(due.Year.ToString());
        await lead.GetByLabel("High").CheckAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();
        await Assertions.Expect(lead.Locator("main")).ToContainTextAsync("Book a debt advice appointment with Citizens Advice");

        var today = DateTime.Today;
        var agreed = lead.Locator("#AgreedOn");
        await agreed.GetByLabel("Day").FillAsync(today.Day.ToString());
        await agreed.GetByLabel("Month").FillAsync(today.Month.ToString());
        await agreed.GetByLabel("Year").FillAsync(today.Year.ToString());
        await lead.GetByRole(AriaRole.Button, new() { Name = "Record the family's agreement" }).ClickAsync();
        await Assertions.Expect(lead.Locator("main")).ToContainTextAsync($"The family agreed this plan on {today:d MMMM yyyy}");
        await Browser.AssertAccessibleAsync(lead);

        await lead.GetByRole(AriaRole.Link, new() { Name = "Claim" }).ClickAsync();
        await Assertions.Expect(lead.Locator("main")).ToContainTextAsync("Not claimable yet");
        await Browser.AssertAccessibleAsync(lead);
    }

    [Fact]
    public async Task The_forms_work_with_JavaScript_turned_off()
    {
        await using var context = await browser.Chromium.NewContextAsync(Browser.ContextOptions(javaScript: false));
        var page = await SignInAsync(context, "north.practitioner", javaScript: false);
        await page.GotoAsync(new Uri(site.Address, $"/families/{site.FamilyA}/members").ToString());
        await page.GetByLabel("First name").FillAsync("Isla");
        await page.GetByLabel("Last name").FillAsync("Green");
        await page.GetByLabel("Day").FillAsync("3");
        await page.GetByLabel("Month").FillAsync("6");
        await page.GetByLabel("Year").FillAsync("2019");
        await page.GetByLabel("Relationship to the family").FillAsync("Daughter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add member" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Isla Green added");

        await page.GotoAsync(new Uri(site.Address, "/caseload?show=all&sort=reference&descending=false").ToString());
        await Assertions.Expect(page.Locator("#caseload-count")).ToContainTextAsync("famil");
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    private static async Task FillDateAsync(IPage page, string id, DateOnly date)
    {
        await page.Locator($"#{id}-day").FillAsync(date.Day.ToString());
        await page.Locator($"#{id}-month").FillAsync(date.Month.ToString());
        await page.Locator($"#{id}-year").FillAsync(date.Year.ToString());
    }

    private static async Task ExpectNoticeAsync(IPage page, string text)
    {
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync(text);
        await Browser.AssertAccessibleAsync(page);
    }

    /// <summary>Review and close: a Team Around the Family meeting, a contact on the timeline, evidence for a need, closure.</summary>
    private static async Task ReviewAndCloseAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Meetings and reviews" }).ClickAsync();
        await Browser.AssertAccessibleAsync(page);

        // A mistake first: the error summary, checked with axe-core too, and nothing typed lost.
        await page.GetByLabel("Who attended").FillAsync("Gemma Hollis, Oakfield Primary School, Early Help");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save meeting" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what was decided");
        await Assertions.Expect(page.GetByLabel("Who attended")).ToHaveValueAsync("Gemma Hollis, Oakfield Primary School, Early Help");
        await Browser.AssertAccessibleAsync(page);

        await page.GetByLabel("Team Around the Family meeting").CheckAsync();
        await FillDateAsync(page, "NewMeeting-HeldOn", Today); // the enquiry came in today
        await page.GetByLabel("What was decided").FillAsync("Debt advice referral; school to check attendance weekly.");
        await FillDateAsync(page, "NewMeeting-NextReviewOn", Today.AddDays(41));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save meeting" }).ClickAsync();
        await ExpectNoticeAsync(page, "Team Around the Family meeting on");
        await Assertions.Expect(page.Locator("#next-review")).ToContainTextAsync(Today.AddDays(41).ToString("d MMMM yyyy"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Timeline" }).ClickAsync();
        await Browser.AssertAccessibleAsync(page);
        await page.GetByLabel("Phone call").CheckAsync();
        await FillDateAsync(page, "Input-OccurredOn", Today);
        await page.GetByLabel("What happened").FillAsync("Gemma rang: the debt advice appointment is on Friday.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the timeline" }).ClickAsync();
        await ExpectNoticeAsync(page, "Phone call added");
        await Assertions.Expect(page.Locator(".moj-timeline__item").First).ToContainTextAsync("Gemma rang");

        await page.GetByRole(AriaRole.Link, new() { Name = "Evidence and outcomes" }).ClickAsync();
        await Browser.AssertAccessibleAsync(page);
        await page.GetByLabel("Which need is this evidence for?").SelectOptionAsync(new SelectOptionValue { Label = "Family requires support with finances and/or has unmanageable debt – whole family" });
        await page.GetByLabel("Kind of evidence").SelectOptionAsync("practitioner-assessment");
        await page.GetByLabel("Yes").CheckAsync();
        await page.GetByLabel("What the evidence shows (optional)").FillAsync("Repayment plan agreed with the landlord.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save evidence" }).ClickAsync();
        await ExpectNoticeAsync(page, "Evidence recorded for Family requires support with finances");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Repayment plan agreed with the landlord.");

        // Evidence recorded in error is withdrawn with a reason, and stays in view marked as withdrawn.
        await page.GetByRole(AriaRole.Link, new() { Name = $"Withdraw the evidence of {Today:d MMMM yyyy}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Withdraw evidence" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw evidence" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter why you are withdrawing this evidence");
        await Browser.AssertAccessibleAsync(page);
        await page.GetByLabel("Why are you withdrawing this evidence?").FillAsync("Recorded before the landlord confirmed the plan.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw evidence" }).ClickAsync();
        await ExpectNoticeAsync(page, "withdrawn for Family requires support with finances");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Recorded before the landlord confirmed the plan.");
        await Browser.AssertAccessibleAsync(page);

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
        await Browser.ArrivedAtAsync(page, "/families/[0-9a-f-]{36}$");
        await ExpectNoticeAsync(page, "Episode 1 closed: step up to children's social care");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("The family cannot be claimed for yet");

        await page.GetByRole(AriaRole.Link, new() { Name = "Timeline" }).ClickAsync();
        await Assertions.Expect(page.Locator(".moj-timeline__item").First).ToContainTextAsync("Episode 1 closed: Step up to children's social care");
    }
}
