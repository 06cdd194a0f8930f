using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using EarlyHelp.Core.Value;
using EarlyHelp.Web.Tests.Casework;

namespace EarlyHelp.Web.Tests.Value;

/// <summary>
/// The cost of late intervention page over HTTP: Doncaster's figures, recalculation from posted values, GOV.UK
/// errors that keep what was typed, and the table downloaded and uploaded as CSV. It stores nothing, so one
/// database is enough.
/// </summary>
public sealed partial class ValuePageTests(SqliteSite site) : IClassFixture<SqliteSite>
{
    /// <summary>The form as the page posts it: every line of the table, and the reductions.</summary>
    private static Dictionary<string, string> Form(IEnumerable<UnitCost> items, string reductions)
    {
        var fields = new Dictionary<string, string> { ["Reductions"] = reductions };
        foreach (var (text, row) in items.Select((item, row) => (UnitCostText.From(item), row)))
        {
            foreach (var field in Enum.GetValues<UnitCostField>())
            {
                fields[$"Items[{row}].{field}"] = text[field] ?? "";
            }
        }

        return fields;
    }

    [Fact]
    public async Task Anonymous_visitors_are_asked_to_sign_in()
    {
        var response = await site.Client().GetAsync("/value");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analyst")]
    [InlineData("north.practitioner")]
    public async Task Any_signed_in_user_sees_Doncaster_s_total_and_savings(string user)
    {
        var client = await site.SignedInAsync(user);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/value"));

        Assert.Contains("<h1 class=\"govuk-heading-l\">The cost of late intervention</h1>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"total-cost\">£44,878,149</dd>", html, StringComparison.Ordinal);
        Assert.Contains("£448,781.49 a year", html, StringComparison.Ordinal);
        Assert.Contains("£2,243,907.45 a year", html, StringComparison.Ordinal);
        Assert.Contains("4 cost items have no number per year, so they are not in the total.", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">Cost of late intervention</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changed_values_numbers_and_reductions_are_worked_out_from_what_is_posted()
    {
        var client = await site.SignedInAsync("analyst");
        var form = Form(UnitCostTables.Doncaster, "10, 2.5");
        form["Items[0].ValuePerChild"] = "£800"; // +£70 for 1,140 children
        form["Items[11].NumberPerYear"] = "1,000"; // anti-social behaviour: now known, +£353,000

        var response = await CaseworkSite.PostFormAsync(client, "/value", form);
        var html = await HtmlAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"total-cost\">£45,310,949</dd>", html, StringComparison.Ordinal);
        Assert.Contains("Saving from a 10% reduction</dt>", html, StringComparison.Ordinal);
        Assert.Contains("£4,531,094.90 a year", html, StringComparison.Ordinal);
        Assert.Contains("£1,132,773.725 a year", html, StringComparison.Ordinal);
        Assert.Contains("3 cost items have no number per year", html, StringComparison.Ordinal);
        Assert.Contains("£912,000", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_figures_are_refused_with_GOV_UK_errors_and_nothing_typed_is_lost()
    {
        var client = await site.SignedInAsync("analyst");
        var form = Form(UnitCostTables.Doncaster, "1, 250");
        form["Items[3].ValuePerChild"] = "lots";
        form["Items[3].NumberPerYear"] = "48.7";
        form["Items[12].ValuePerChild"] = "";

        var response = await CaseworkSite.PostFormAsync(client, "/value", form);
        var html = await HtmlAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Error: The cost of late intervention", html, StringComparison.Ordinal);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Items-3-ValuePerChild\">The value per child for LAC (DMBC) must be an amount in pounds, like 730 or 1415.50</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Items-3-NumberPerYear\">The number per year for LAC (DMBC) must be a whole number, like 1140, or blank if it is not known</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Reductions\">The reduction 250 must be a percentage more than 0 and up to 100, like 1 or 2.5</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Items-12-ValuePerChild\">Enter the value per child for Young offender in youth justice system (Justice)</a>", html, StringComparison.Ordinal);

        // The summary lists the problems in the order the page asks its questions.
        var summary = html[..html.IndexOf("<h1", StringComparison.Ordinal)];
        Assert.True(
            summary.IndexOf("#Reductions", StringComparison.Ordinal) < summary.IndexOf("#Items-3-ValuePerChild", StringComparison.Ordinal)
            && summary.IndexOf("#Items-3-ValuePerChild", StringComparison.Ordinal) < summary.IndexOf("#Items-3-NumberPerYear", StringComparison.Ordinal)
            && summary.IndexOf("#Items-3-NumberPerYear", StringComparison.Ordinal) < summary.IndexOf("#Items-12-ValuePerChild", StringComparison.Ordinal),
            summary);
        Assert.Contains("id=\"Items-3-ValuePerChild\" name=\"Items[3].ValuePerChild\" type=\"text\" inputmode=\"decimal\" spellcheck=\"false\" value=\"lots\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"48.7\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"1, 250\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"total-cost\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_table_downloads_as_CSV_that_reads_back_as_posted()
    {
        var client = await site.SignedInAsync("analyst");
        var form = Form(UnitCostTables.Doncaster, "1, 5");
        form["Items[1].ValuePerChild"] = "15000.50";

        var response = await CaseworkSite.PostFormAsync(client, "/value?handler=Download", form, tokenFrom: "/value");
        var csv = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("unit-costs.csv", response.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var read = UnitCostCsv.Read(csv);
        Assert.Empty(read.Problems);
        Assert.Equal(15_000.50m, read.Items![1].ValuePerChild);
        Assert.Equal(UnitCostTables.Doncaster.Skip(2), read.Items.Skip(2));
    }

    [Fact]
    public async Task An_uploaded_table_replaces_the_one_on_the_page()
    {
        var client = await site.SignedInAsync("analyst");
        var response = await UploadAsync(client, "Cost item,Value per child,Number per year,Who bears it\nFamily support worker,1200.25,40,Council\n", Form(UnitCostTables.Doncaster, "10"));
        var html = await HtmlAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("council-costs.csv uploaded: 1 cost item", html, StringComparison.Ordinal);
        Assert.Contains("id=\"total-cost\">£48,010</dd>", html, StringComparison.Ordinal);
        Assert.Contains("£4,801 a year", html, StringComparison.Ordinal);
        Assert.Contains("value=\"1200.25\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Items[1].", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_upload_lists_every_problem_with_its_line_and_column_and_keeps_the_table()
    {
        var client = await site.SignedInAsync("analyst");
        var form = Form(UnitCostTables.Doncaster, "1, 5");
        form["Items[0].ValuePerChild"] = "800";
        var response = await UploadAsync(client, "Cost item,Value per child,Number per year\nLAC,lots,487\n,5,-1\n", form);
        var html = await HtmlAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<a href=\"#Upload\">The selected file has 3 problems: correct them and upload the file again</a>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Line 2, column 2: The value per child must be an amount in pounds, like 730 or 1415.50</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Line 3, column 1: Enter the cost item</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Line 3, column 3: The number per year must be 0 or more</li>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"800\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"total-cost\">£44,957,949</dd>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Select a CSV file of unit costs")]
    [InlineData("costs.xlsx", "The selected file must be a CSV")]
    [InlineData("large.csv", "The selected file must be smaller than 1 MB")]
    public async Task An_upload_without_a_CSV_file_is_refused(string? fileName, string message)
    {
        var client = await site.SignedInAsync("analyst");
        var csv = fileName switch
        {
            null => "",
            "large.csv" => "Cost item,Value per child,Number per year\n" + string.Concat(Enumerable.Repeat("LAC,1,1\n", 200_000)),
            _ => "Cost item,Value per child,Number per year\nLAC,1,1\n",
        };
        var response = await UploadAsync(client, csv, Form(UnitCostTables.Doncaster, "1"), fileName ?? "");
        var html = await HtmlAsync(response);

        Assert.Contains($"<a href=\"#Upload\">{message}</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"total-cost\">£44,878,149</dd>", html, StringComparison.Ordinal);
    }

    /// <summary>The page with character references decoded, as Razor writes £ as &amp;#xA3;.</summary>
    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv, Dictionary<string, string> form, string fileName = "council-costs.csv")
    {
        var page = await client.GetStringAsync("/value");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(AntiForgery().Match(page).Groups[1].Value), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in form)
        {
            content.Add(new StringContent(value), name);
        }

        // As a browser sends a file input with no file chosen: an empty part whose file name is "".
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"Upload\"", FileName = $"\"{fileName}\"" };
        content.Add(file);
        return await client.PostAsync("/value?handler=Upload", content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();
}
