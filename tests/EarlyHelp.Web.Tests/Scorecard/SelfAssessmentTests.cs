using System.Net;
using EarlyHelp.Core.SelfAssessment;
using EarlyHelp.Web.Tests.Casework;

namespace EarlyHelp.Web.Tests.Scorecard;

/// <summary>The JTAI self-assessment: its 16 criteria, the form's errors, and ratings compared across dated assessments.</summary>
public abstract partial class ScorecardTests<TSite>
{
    private static Dictionary<string, string> SelfAssessmentForm(DateOnly on, Func<int, SelfAssessmentRating> rating)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.AssessedOn.Day"] = on.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.AssessedOn.Month"] = on.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.AssessedOn.Year"] = on.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < 16; i++)
        {
            form[$"Input.Criteria[{i}].Rating"] = rating(i).ToString();
            form[$"Input.Criteria[{i}].Evidence"] = $"Evidence for EC{i + 1} on {on:yyyy-MM-dd}.";
            form[$"Input.Criteria[{i}].Actions"] = i == 0 ? "Audit ten cases a month." : "";
        }

        return form;
    }

    [Fact]
    public async Task Only_managers_and_strategic_leads_make_self_assessments()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await (await site.SignedInAsync("north.practitioner")).GetAsync("/self-assessment")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await site.SignedInAsync("analyst")).GetAsync("/self-assessment/new")).StatusCode);
        var html = WebUtility.HtmlDecode(await (await site.SignedInAsync("north.manager")).GetStringAsync("/self-assessment/new"));
        Assert.Contains("Agencies work together effectively so that children and their families get the right help at the right time.", html, StringComparison.Ordinal);
        Assert.Contains("Through the MASA, the local partnership promotes multi-agency learning", html, StringComparison.Ordinal);
        Assert.Equal(16, html.Split("<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--m\">Rating for EC").Length - 1);
    }

    [Fact]
    public async Task A_self_assessment_with_gaps_is_refused_naming_each_criterion_and_keeps_what_was_typed()
    {
        var manager = await site.SignedInAsync("north.manager");
        var form = SelfAssessmentForm(new DateOnly(2024, 3, 1), _ => SelfAssessmentRating.Good);
        form.Remove("Input.Criteria[2].Rating");
        form["Input.Criteria[15].Evidence"] = " ";
        form["Input.Criteria[4].Evidence"] = "Kept as typed.";
        form["Input.AssessedOn.Year"] = "";

        var response = await CaseworkSite.PostFormAsync(manager, "/self-assessment/new", form);
        var html = await HtmlAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = html[..html.IndexOf("<h1", StringComparison.Ordinal)];
        Assert.Contains("<a href=\"#Input-AssessedOn\">Date of the self-assessment must include a year</a>", summary, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input-Criteria-2-Rating\">Select a rating for EC3</a>", summary, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input-Criteria-15-Evidence\">Enter the evidence for EC16</a>", summary, StringComparison.Ordinal);
        Assert.True(summary.IndexOf("EC3", StringComparison.Ordinal) < summary.IndexOf("EC16", StringComparison.Ordinal), summary);
        Assert.Contains(">Kept as typed.</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Criteria[1].Rating\" type=\"radio\" value=\"Good\" checked", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Self_assessments_are_kept_and_their_ratings_compared()
    {
        var manager = await site.SignedInAsync("north.manager");
        Assert.Equal(HttpStatusCode.Redirect, (await CaseworkSite.PostFormAsync(manager, "/self-assessment/new",
            SelfAssessmentForm(new DateOnly(2024, 4, 15), i => i == 0 ? SelfAssessmentRating.RequiresImprovement : SelfAssessmentRating.Good))).StatusCode);

        // The next starts from the last one's answers.
        var next = WebUtility.HtmlDecode(await manager.GetStringAsync("/self-assessment/new"));
        Assert.Contains("The answers start from the self-assessment of 15 April 2024.", next, StringComparison.Ordinal);
        Assert.Contains(">Evidence for EC7 on 2024-04-15.</textarea>", next, StringComparison.Ordinal);

        var response = await CaseworkSite.PostFormAsync(manager, "/self-assessment/new",
            SelfAssessmentForm(new DateOnly(2024, 10, 15), i => i switch { 0 => SelfAssessmentRating.Good, 1 => SelfAssessmentRating.Inadequate, _ => SelfAssessmentRating.Good }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var html = WebUtility.HtmlDecode(await manager.GetStringAsync("/self-assessment"));
        Assert.Contains("Self-assessment of 15 October 2024 saved", html, StringComparison.Ordinal);
        Assert.Matches("<tr class=\"govuk-table__row\" id=\"row-EC1\">.*?Requires improvement</td>\\s*<td class=\"govuk-table__cell\">Good</td>\\s*<td class=\"govuk-table__cell\">\\s*<strong class=\"govuk-tag govuk-tag--green\">Improved</strong>", Flat(html));
        Assert.Matches("id=\"row-EC2\">.*?<strong class=\"govuk-tag govuk-tag--red\">Declined</strong>", Flat(html));
        Assert.Matches("id=\"row-EC3\">.*?<strong class=\"govuk-tag govuk-tag--grey\">No change</strong>", Flat(html));
        Assert.Contains("Self-assessment of 15 October 2024</a>: 15 of 16 criteria good or outstanding", html, StringComparison.Ordinal);

        var link = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/self-assessment/[0-9a-f-]{36})\">Self-assessment of 15 October 2024").Groups[1].Value;
        var one = WebUtility.HtmlDecode(await manager.GetStringAsync(link));
        Assert.Contains("Compared with the self-assessment of 15 April 2024.", one, StringComparison.Ordinal);
        Assert.Contains("Good (improved, was requires improvement)", one, StringComparison.Ordinal);
        Assert.Contains("Audit ten cases a month.", one, StringComparison.Ordinal);
    }

    private static string Flat(string html) => html.Replace("\n", " ", StringComparison.Ordinal);
}
