using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using EarlyHelp.Core.Calendar;
using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.PartnerData;
using EarlyHelp.Web.Tests.Casework;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.PartnerData;

/// <summary>
/// The partner data pages over HTTP: an analyst uploads files imported in the background, sees the result or every
/// problem; a coordinator sees the candidate families and opens an enquiry from one; who may do what.
/// </summary>
public abstract partial class PagesTests<TSite>(TSite site) : IClassFixture<TSite>
    where TSite : CaseworkSite
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    /// <summary>A household of a parent and a 13-year-old whose partner data shows needs in several headline outcomes.</summary>
    public static (string People, string Police, string Attendance) Household(string prefix)
    {
        var last = SchoolCalendar.England.LastEndedOnOrBefore(Today);
        string Term(SchoolTerm t) => $"{t.AcademicYearStart}/{(t.AcademicYearStart + 1) % 100:00},{t.Name.ToString().ToLowerInvariant()}";
        return (
            $"person_id,family_id,date_of_birth,expected_baby_due\n{prefix}-P1,{prefix}-F,1986-05-04,\n{prefix}-P2,{prefix}-F,{Today.AddYears(-13):yyyy-MM-dd},\n",
            $"person_id,date,type,role,severe\n{prefix}-P1,{Today.AddMonths(-2):yyyy-MM-dd},domestic-abuse,victim,0\n{prefix}-P1,{Today.AddMonths(-3):yyyy-MM-dd},asb,subject,0\n",
            "person_id,academic_year,term,possible_sessions,attended_sessions,authorised_absence,unauthorised_absence\n" +
            $"{prefix}-P2,{Term(last.Previous)},120,90,10,20\n{prefix}-P2,{Term(last)},110,80,10,20\n");
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string? dataset, string? fileName, string? csv, string tokenFrom = "/partner-data")
    {
        var page = await client.GetStringAsync(tokenFrom);
        var form = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" },
        };
        if (dataset is not null)
        {
            form.Add(new StringContent(dataset), "Dataset");
        }

        if (fileName is not null)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv ?? ""));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "Upload", fileName);
        }

        return await client.PostAsync("/partner-data", form);
    }

    /// <summary>Uploads a file and follows its page until the background import has finished.</summary>
    private static async Task<string> ImportAsync(HttpClient client, string dataset, string fileName, string csv)
    {
        var posted = await UploadAsync(client, dataset, fileName, csv);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        Assert.StartsWith("/partner-data/imports/", location, StringComparison.Ordinal);
        for (var i = 0; i < 300; i++)
        {
            var html = await client.GetStringAsync(location);
            if (!html.Contains("id=\"import-progress\"", StringComparison.Ordinal))
            {
                return html;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{fileName} was still importing after 30 seconds");
    }

    [Fact]
    public async Task An_analyst_imports_files_and_a_coordinator_opens_an_enquiry_from_a_candidate()
    {
        var (people, police, attendance) = Household("PG1");
        var analyst = await site.SignedInAsync("analyst");
        var peopleResult = await ImportAsync(analyst, "people", "people-extract.csv", people);
        Assert.Contains(">Imported</strong>", peopleResult, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"govuk-summary-list__value\" id=\"rows-added\">2</dd>", peopleResult, StringComparison.Ordinal);
        await ImportAsync(analyst, "police", "police.csv", police);
        var attendanceResult = await ImportAsync(analyst, "attendance", "attendance.csv", attendance);
        Assert.Contains("id=\"rows-added\">2</dd>", attendanceResult, StringComparison.Ordinal);
        var again = await ImportAsync(analyst, "attendance", "attendance.csv", attendance);
        Assert.Contains("id=\"rows-added\">0</dd>", again, StringComparison.Ordinal);

        var list = await analyst.GetStringAsync("/partner-data");
        Assert.Contains("people-extract.csv", list, StringComparison.Ordinal);
        Assert.Contains("2 rows read, 0 added, 0 updated", list, StringComparison.Ordinal);

        // The analyst sees the candidates but does not open enquiries.
        var seen = await analyst.GetStringAsync("/partner-data/candidates");
        Assert.Contains("PG1-F", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("Open an enquiry", seen, StringComparison.Ordinal);

        var manager = await site.SignedInAsync("north.manager");
        var candidates = await manager.GetStringAsync("/partner-data/candidates");
        Assert.Contains("PG1-F", candidates, StringComparison.Ordinal);
        Assert.Contains("DA-VICTIM", candidates, StringComparison.Ordinal);
        Assert.Contains("EDU-ATTEND-90: PG1-P2 (aged 13) attended", candidates, StringComparison.Ordinal);
        Assert.Contains("Open an enquiry<span class=\"govuk-visually-hidden\"> for household PG1-F", candidates, StringComparison.Ordinal);

        var opened = await CaseworkSite.PostFormAsync(manager, "/partner-data/candidates?handler=Open", new() { ["familyId"] = "PG1-F" }, tokenFrom: "/partner-data/candidates");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var familyPath = opened.Headers.Location!.OriginalString;
        Assert.Matches("^/families/[0-9a-f-]{36}$", familyPath);
        var familyId = Guid.Parse(familyPath["/families/".Length..]);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
            var family = await db.Families.Include(f => f.Members).Include(f => f.Episodes).ThenInclude(e => e.Needs).SingleAsync(f => f.Id == familyId);
            Assert.Equal("PG1-F", family.PartnerFamilyId);
            Assert.Equal(["PG1-P1:Adult", "PG1-P2:Child"], family.Members.OrderBy(m => m.PersonId).Select(m => $"{m.PersonId}:{m.Relationship}"));
            var episode = Assert.Single(family.Episodes);
            Assert.Equal((EpisodeStage.Enquiry, CandidatesModel.Source), (episode.Stage, episode.EnquirySource));
            Assert.Contains("EDU-ATTEND-90", episode.Needs.Select(n => n.Code));
            Assert.Contains("DA-VICTIM", episode.Needs.Select(n => n.Code));
            Assert.Contains("EDU-ATTEND-90: PG1-P2", episode.EnquiryReason, StringComparison.Ordinal);
            Assert.True(await db.Audit.AnyAsync(a => a.FamilyId == familyId && a.Action == "change"));
        }

        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(familyPath)).StatusCode);

        // Now the household is marked open and links to its record; opening it again goes to the same family.
        var after = await manager.GetStringAsync("/partner-data/candidates");
        Assert.Contains($"<a class=\"govuk-link\" href=\"/families/{familyId}\">", after, StringComparison.Ordinal);
        Assert.DoesNotContain("for household PG1-F</span>", after, StringComparison.Ordinal);
        var twice = await CaseworkSite.PostFormAsync(manager, "/partner-data/candidates?handler=Open", new() { ["familyId"] = "PG1-F" }, tokenFrom: "/enquiries/new");
        Assert.Equal(familyPath, twice.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_file_with_problems_lists_each_with_its_line_and_column_and_stores_nothing()
    {
        var analyst = await site.SignedInAsync("analyst");
        var html = await ImportAsync(analyst, "people", "broken.csv", "person_id,family_id,date_of_birth\nPB-1,PB-F,1990-02-30\n,PB-F,1990-01-01\n");
        Assert.Contains(">Not imported</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Nothing from this file was stored", html, StringComparison.Ordinal);
        Assert.Contains("2 problems in the file", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"govuk-table__cell govuk-table__cell--numeric\">2</td>", html, StringComparison.Ordinal);
        Assert.Contains("date_of_birth: &#x27;1990-02-30&#x27; is not a date (YYYY-MM-DD)", html, StringComparison.Ordinal);
        Assert.Contains("person_id: is empty", html, StringComparison.Ordinal);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>().PartnerPeople.AnyAsync(p => p.FamilyId == "PB-F"));
    }

    [Fact]
    public async Task The_upload_form_says_what_is_missing()
    {
        var analyst = await site.SignedInAsync("analyst");
        var response = await UploadAsync(analyst, null, null, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Error: Partner data", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Dataset\">Select which partner file this is</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Upload\">Select a CSV file to import</a>", html, StringComparison.Ordinal);

        var empty = await (await UploadAsync(analyst, "police", "police.csv", "")).Content.ReadAsStringAsync();
        Assert.Contains("The selected file is empty", empty, StringComparison.Ordinal);
        Assert.Contains("value=\"police\" checked", empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_analysts_upload_managers_look_and_others_are_refused()
    {
        var manager = await site.SignedInAsync("north.manager");
        var page = await manager.GetStringAsync("/partner-data");
        Assert.DoesNotContain("type=\"file\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(manager, "people", "people.csv", "person_id,family_id,date_of_birth\nX,Y,1990-01-01\n", tokenFrom: "/enquiries/new")).StatusCode);
        foreach (var user in new[] { "north.practitioner", "auditor", "admin" })
        {
            var client = await site.SignedInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/partner-data")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/partner-data/candidates")).StatusCode);
        }

        var analyst = await site.SignedInAsync("analyst");
        var refused = await CaseworkSite.PostFormAsync(analyst, "/partner-data/candidates?handler=Open", new() { ["familyId"] = "PG1-F" }, tokenFrom: "/partner-data");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

public sealed class SqlitePagesTests(SqliteSite site) : PagesTests<SqliteSite>(site);

public sealed class PostgresPagesTests(PostgresSite site) : PagesTests<PostgresSite>(site);
