using System.Net;
using System.Text;
using EarlyHelp.Web.Tests.Casework;
using MiniExcelLibs;

namespace EarlyHelp.Web.Tests.Scorecard;

/// <summary>
/// The performance scorecard, case file audits and JTAI self-assessment over HTTP on each database. One class for
/// the three, so that each database is started once for them; each test's data is its own or fixed (ScorecardCases).
/// </summary>
public abstract partial class ScorecardTests<TSite>(TSite site) : IClassFixture<TSite>
    where TSite : CaseworkSite
{
    private const string Q1 = "/scorecard?From=2025-04-01&To=2025-06-30";

    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private async Task<string> ScorecardAsync(string user, string query)
    {
        await ScorecardCases.EnsureAsync(site);
        var client = await site.SignedInAsync(user);
        var response = await client.GetAsync(query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await HtmlAsync(response);
    }

    private static string Figure(string html, string code, string part = "figure")
    {
        var id = $"id=\"measure-{code.Replace('.', '-')}-{part}\">";
        var start = html.IndexOf(id, StringComparison.Ordinal);
        Assert.True(start >= 0, $"No {id} on the page");
        start += id.Length;
        return html[start..html.IndexOf('<', start)];
    }

    [Fact]
    public async Task Practitioners_and_auditors_cannot_see_the_scorecard()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await (await site.SignedInAsync("north.practitioner")).GetAsync("/scorecard")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await site.SignedInAsync("auditor")).GetAsync("/scorecard")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await site.Client().GetAsync("/scorecard")).StatusCode);
    }

    [Fact]
    public async Task The_whole_service_s_figures_for_a_quarter_are_worked_out_from_known_dates()
    {
        var html = await ScorecardAsync("analyst", Q1);

        Assert.Contains("<h1 class=\"govuk-heading-l\">Performance scorecard</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Whole service: 1 April 2025 to 30 June 2025", html, StringComparison.Ordinal);
        Assert.Equal("3.0 working days", Figure(html, "3.1a")); // (1 + 5) / 2
        Assert.Equal("2 episodes", Figure(html, "3.1a", "counted"));
        Assert.Equal("5 children in a child population of 20,000", Figure(html, "2.1", "counted"));
        Assert.Equal("2.0 working days", Figure(html, "3.1b"));
        Assert.Equal("9.0 working days", Figure(html, "3.1c"));
        Assert.Equal("3.0 working days", Figure(html, "3.1d"));
        Assert.Equal("3 families", Figure(html, "3.2a")); // F1, and the site's two open families with the same needs
        Assert.Equal("2.5 per 10,000", Figure(html, "2.1")); // 5 children
        Assert.Equal("33.3%", Figure(html, "2.2"));
        Assert.Equal("1 of 3", Figure(html, "2.2", "counted"));
        Assert.Equal("50.0%", Figure(html, "2.3"));
        Assert.Equal("0.0%", Figure(html, "1.3"));
        Assert.Equal("0 of 1. Average change +1.0 levels", Figure(html, "1.3", "counted"));
        Assert.Equal("50.0%", Figure(html, "4.5"));
        Assert.Equal("No figure", Figure(html, "2.4"));
        Assert.Equal("1 family", Figure(html, "2.8")); // F1; F2 was rejected and F4's claim is a draft

        // Each measure's definition, and its trend as a chart with a title and description and as a table.
        Assert.Contains("<strong>Definition:</strong> For each family allocated to a lead practitioner in the period, the working days from the day the enquiry was received", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"app-scorecard-chart\" id=\"measure-3-1a-chart\" role=\"img\" aria-labelledby=\"measure-3-1a-chart-title measure-3-1a-chart-desc\"", html, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"measure-3-1a-chart-desc\">Average working days from enquiry to allocation, by quarter: Q2 2024-25 No figure; Q3 2024-25 No figure; Q4 2024-25 2.0 working days; Q1 2025-26 3.0 working days.</desc>", html, StringComparison.Ordinal);
        Assert.Contains("<caption class=\"govuk-table__caption govuk-table__caption--s\">3.1a by quarter</caption>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/scorecard?From=2025-04-01&To=2025-06-30&handler=csv\"", html, StringComparison.Ordinal);

        // For the whole service, each team's figure for the period too.
        Assert.Matches("<caption class=\"govuk-table__caption govuk-table__caption--s\">3.1a for each team, 1 April 2025 to 30 June 2025</caption>.*?<th scope=\"row\" class=\"govuk-table__header\">North</th>\\s*<td class=\"govuk-table__cell govuk-table__cell--numeric\">1.0 working days</td>.*?South</th>\\s*<td class=\"govuk-table__cell govuk-table__cell--numeric\">5.0 working days</td>", html.Replace("\n", " ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_team_s_figures_count_only_its_own_episodes()
    {
        await ScorecardCases.EnsureAsync(site);
        var north = await TeamIdAsync("North");
        var html = await ScorecardAsync("north.manager", $"{Q1}&Team={north}");

        Assert.Contains("North: 1 April 2025 to 30 June 2025", html, StringComparison.Ordinal);
        Assert.Equal("1.0 working days", Figure(html, "3.1a"));
        Assert.Equal("0.0%", Figure(html, "2.2"));
        Assert.Equal("100.0%", Figure(html, "2.3")); // F4 only, which had been allocated
        Assert.Equal("100.0%", Figure(html, "4.5"));
        Assert.Contains($"<option value=\"{north}\" selected=\"selected\">North</option>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("for each team", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_dates_and_teams_are_refused_with_GOV_UK_errors_and_kept()
    {
        var html = await ScorecardAsync("analyst", "/scorecard?From.Day=31&From.Month=2&From.Year=2025&To.Day=1&To.Month=3&To.Year=2025&Team=nonsense");

        Assert.Contains("<title>Error: Performance scorecard", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#From\">Start date must be a real date</a>", html[..html.IndexOf("<h1", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Team\">Select a team from the list, or the whole service</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"From-day\" name=\"From.Day\" type=\"text\" inputmode=\"numeric\" value=\"31\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"measure-3-1a-figure\"", html, StringComparison.Ordinal);

        html = await ScorecardAsync("analyst", "/scorecard?From.Day=1&From.Month=6&From.Year=2025&To.Day=1&To.Month=4&To.Year=2025");
        Assert.Contains("<a href=\"#To\">The end date must be the same as or after the start date</a>", html, StringComparison.Ordinal);

        html = await ScorecardAsync("analyst", "/scorecard?From.Day=1&From.Month=6&From.Year=2025");
        Assert.Contains("<a href=\"#To\">Enter the end date</a>", html, StringComparison.Ordinal);

        html = await ScorecardAsync("analyst", "/scorecard?From=0001-01-01&To=2025-01-01");
        Assert.Contains("<a href=\"#From\">Start date must be between 1990 and 2100</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_figures_download_as_CSV_and_as_Excel()
    {
        await ScorecardCases.EnsureAsync(site);
        var client = await site.SignedInAsync("analyst");

        var csvResponse = await client.GetAsync($"{Q1}&handler=csv");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal("scorecard-whole-service-2025-04-01-to-2025-06-30.csv", csvResponse.Content.Headers.ContentDisposition!.FileName);
        var csv = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Measure,Title,Group,Team,Period,From,To,Value,Unit,Counted,Out of,Note", csv[0]);
        Assert.Contains("3.1a,Average working days from enquiry to allocation,Process,Whole service,Period chosen,2025-04-01,2025-06-30,3,working days,2,,", csv);
        Assert.Contains("3.1a,Average working days from enquiry to allocation,Process,Whole service,Q4 2024-25,2025-01-01,2025-03-31,2,working days,1,,", csv);
        Assert.Contains("2.2,Re-referrals within 12 months,Outcome,Whole service,Period chosen,2025-04-01,2025-06-30,33.3,percent,1,3,", csv);
        Assert.Contains("3.1a,Average working days from enquiry to allocation,Process,North,Period chosen,2025-04-01,2025-06-30,1,working days,1,,", csv);
        Assert.Contains("2.8,Families claimed for under the Supporting Families programme,Outcome,North,Period chosen,2025-04-01,2025-06-30,1,families,1,,", csv);
        Assert.Contains("2.8,Families claimed for under the Supporting Families programme,Outcome,South,Period chosen,2025-04-01,2025-06-30,0,families,0,,", csv);
        Assert.Equal(1 + (13 * 7), csv.Length); // every measure: the period, four quarters and the two teams

        var xlsxResponse = await client.GetAsync($"{Q1}&handler=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsxResponse.Content.Headers.ContentType!.MediaType);
        using var workbook = new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync());
        var rows = workbook.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(13 * 7, rows.Count);
        var reReferrals = rows.Single(r => (string?)r["Measure"] == "2.2" && (string?)r["Period"] == "Period chosen" && (string?)r["Team"] == "Whole service");
        Assert.Equal(33.3m, Convert.ToDecimal(reReferrals["Value"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("percent", reReferrals["Unit"]);

        // A wrong filter downloads nothing: the page says what is wrong.
        var wrong = await client.GetAsync("/scorecard?From=2025-06-01&To=2025-04-01&handler=csv");
        Assert.Equal("text/html", wrong.Content.Headers.ContentType!.MediaType);
        Assert.Contains("The end date must be the same as or after the start date", await HtmlAsync(wrong), StringComparison.Ordinal);
    }

    private async Task<Guid> TeamIdAsync(string name)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.EarlyHelpDbContext>();
        return db.Teams.Single(t => t.Name == name).Id;
    }
}

public sealed class SqliteScorecardTests(ScorecardSqliteSite site) : ScorecardTests<ScorecardSqliteSite>(site);

public sealed class PostgresScorecardTests(ScorecardPostgresSite site) : ScorecardTests<ScorecardPostgresSite>(site);
