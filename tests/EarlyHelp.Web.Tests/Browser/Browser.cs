using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EarlyHelp.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright; the project never downloads a browser. ./run-tests installs the
/// chromium package when it is missing; EARLYHELP_CHROMIUM names another executable.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? playwright;

    public IBrowser Chromium { get; private set; } = null!;

    public static string ExecutablePath => Environment.GetEnvironmentVariable("EARLYHELP_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        Chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.DisposeAsync();
        }

        playwright?.Dispose();
    }

    /// <summary>
    /// A fresh browser context. axe-core is injected into the page as a script, which the site's strict
    /// Content-Security-Policy would refuse, so the test browser bypasses it.
    /// </summary>
    public static BrowserNewContextOptions ContextOptions(bool javaScript = true) => new() { BypassCSP = true, JavaScriptEnabled = javaScript };

    /// <summary>
    /// Signs in through the sign-in page, which is checked with axe-core first when JavaScript is on (axe-core
    /// runs in the page), and waits for the caseload.
    /// </summary>
    public static async Task<IPage> SignInAsync(IBrowserContext context, Uri site, string user, bool javaScript = true)
    {
        // Generous: on a 2-core machine the browser shares the processor with the rest of the test run.
        context.SetDefaultTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(site, "/sign-in").ToString());
        if (javaScript)
        {
            await AssertAccessibleAsync(page);
        }

        await page.GetByLabel("Email address").FillAsync($"{user}@test.example");
        await page.GetByLabel("Password").FillAsync(Casework.CaseworkSite.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await ArrivedAtAsync(page, "/caseload");
        return page;
    }

    /// <summary>
    /// Waits until the page's address matches <paramref name="path"/> (a regular expression) and the whole page,
    /// footer included, has arrived. Playwright's WaitForURLAsync is not used: in .NET it checks the load state and
    /// then subscribes to the next one, so a page that loads between the two is waited for until the timeout.
    /// </summary>
    public static async Task ArrivedAtAsync(IPage page, string path)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(path));
        await Assertions.Expect(page.Locator("footer.govuk-footer")).ToBeAttachedAsync();
    }

    /// <summary>
    /// Fails with every WCAG 2.2 AA violation axe-core finds on the page but one: GOV.UK Frontend marks a radio
    /// that reveals a question with aria-expanded, which ARIA does not list for radios. GOV.UK keeps it on
    /// purpose, as screen readers announce it (a known issue: alphagov/govuk-frontend#979), so only that is let through.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        static bool RevealingRadio(AxeResultNode node) =>
            node.Html.StartsWith("<input class=\"govuk-radios__input\"", StringComparison.Ordinal)
            && node.Html.Contains("aria-controls=\"conditional-", StringComparison.Ordinal)
            && node.All.Concat(node.Any).Concat(node.None).All(check => check.Message.Contains("aria-expanded", StringComparison.Ordinal));
        var problems = result.Violations
            .Select(v => (v, Nodes: v.Id == "aria-allowed-attr" ? v.Nodes.Where(n => !RevealingRadio(n)).ToList() : [.. v.Nodes]))
            .Where(p => p.Nodes.Count > 0)
            .Select(p => $"{p.v.Id} ({p.v.Impact}): {p.v.Help} at {string.Join(", ", p.Nodes.Select(n => string.Join(" ", n.Target)))}")
            .ToList();
        Assert.True(problems.Count == 0, $"{page.Url}: " + string.Join(Environment.NewLine, problems));
    }
}
