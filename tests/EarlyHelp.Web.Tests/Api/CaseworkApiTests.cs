using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using EarlyHelp.Web.Tests.Casework;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.Api;

/// <summary>
/// The casework API over HTTP on each database: who may read and change what, validation keyed by field, saves
/// from a version, created resources, the audit log, and the OpenAPI description.
/// </summary>
public abstract partial class CaseworkApiTests<TSite>(TSite site) : IClassFixture<TSite>
    where TSite : CaseworkSite
{
    private static readonly string[] Reads = ["", "/members", "/episodes", "/episodes/1", "/needs", "/actions", "/evidence", "/verdict"];

    private static readonly string[] ItemReads = ["/members/{0}", "/needs/{0}", "/actions/{0}", "/evidence/{0}"];

    private static readonly string[] Creates = ["/members", "/needs", "/actions", "/evidence"];

    /// <summary>
    /// The matrix of role, relationship and endpoint. Reads give 200 to those who may see the family; an unknown
    /// item in it is 404 for them and 403 for everyone else. A change with an empty body is 400 for those who may
    /// change the family, so the gate is passed before anything is read, and 403 for everyone else.
    /// </summary>
    [Theory]
    [InlineData("north.practitioner", SiteFamily.A, true, true)] // the lead practitioner
    [InlineData("north.practitioner", SiteFamily.B, false, false)] // a practitioner not on the case
    [InlineData("school.practitioner", SiteFamily.B, true, true)] // on the Team Around the Family
    [InlineData("school.practitioner", SiteFamily.A, false, false)]
    [InlineData("north.manager", SiteFamily.A, true, true)] // the manager of the allocated team
    [InlineData("north.manager", SiteFamily.B, false, false)]
    [InlineData("analyst", SiteFamily.Closed, true, false)] // reads closed episodes, changes nothing
    [InlineData("analyst", SiteFamily.A, false, false)]
    [InlineData("auditor", SiteFamily.Closed, true, false)]
    [InlineData("auditor", SiteFamily.B, false, false)]
    [InlineData("admin", SiteFamily.A, false, false)] // accounts, not cases
    [InlineData("admin", SiteFamily.Closed, false, false)]
    public async Task Each_endpoint_answers_each_role_and_relationship_as_the_pages_do(string user, SiteFamily family, bool mayRead, bool mayChange)
    {
        var client = await site.SignedInAsync(user);
        var root = $"/api/families/{site.Id(family)}";
        var read = mayRead ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        var missing = mayRead ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden;
        var change = mayChange ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden;
        var calls = new List<(string Call, HttpStatusCode Expected, HttpStatusCode Answer)>();
        async Task Call(string method, string path, HttpStatusCode expected)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), root + path) { Content = method is "POST" or "PUT" ? Json("{}") : null };
            calls.Add(($"{method} {path}", expected, (await client.SendAsync(request)).StatusCode));
        }

        foreach (var path in Reads)
        {
            await Call("GET", path, read);
        }

        foreach (var path in ItemReads.Select(p => string.Format(CultureInfo.InvariantCulture, p, Guid.NewGuid())).Append("/episodes/99"))
        {
            await Call("GET", path, missing);
        }

        foreach (var path in Creates)
        {
            await Call("POST", path, change);
        }

        await Call("PUT", $"/actions/{Guid.NewGuid()}", change);
        await Call("DELETE", $"/needs/{Guid.NewGuid()}", mayChange ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden);
        Assert.Equal(calls.Select(c => (c.Call, c.Expected)), calls.Select(c => (c.Call, c.Answer)));
    }

    [Fact]
    public async Task A_refusal_is_a_problem_and_a_family_that_does_not_exist_is_refused_like_one_not_allowed()
    {
        var manager = await site.SignedInAsync("north.manager");
        var nowhere = $"/api/families/{Guid.NewGuid()}";
        foreach (var response in new[] { await manager.GetAsync(nowhere), await manager.GetAsync($"{nowhere}/needs"), await manager.PostAsync($"{nowhere}/needs", Json("{}")) })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }

        var analyst = await site.SignedInAsync("analyst");
        var refused = await analyst.PostAsync($"/api/families/{site.FamilyClosed}/members", Json("{}"));
        Assert.Equal("You may read this family's record but not change it", (string?)(await Body(refused))["title"]);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_as_problem_details()
    {
        var client = site.Client();
        foreach (var response in new[]
        {
            await client.GetAsync($"/api/families/{site.FamilyA}/members"),
            await client.PostAsync($"/api/families/{site.FamilyA}/needs", Json("{}")),
            await client.PostAsync("/api/enquiries", Json("{}")),
        })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task A_member_with_problems_is_refused_with_every_problem_keyed_by_its_JSON_field()
    {
        var client = await site.SignedInAsync("north.practitioner");
        var response = await client.PostAsync($"/api/families/{site.FamilyA}/members", Json("""
            { "givenName": "", "dateOfBirth": "2999-01-01", "relationship": "Daughter", "nhsNumber": "943 476 5918", "uniquePupilNumber": "A12" }
            """));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = Errors(await Body(response));
        Assert.Equal(["dateOfBirth", "familyName", "givenName", "nhsNumber", "uniquePupilNumber"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Enter their first name"], errors["givenName"]);
        Assert.Equal(["Date of birth must be today or in the past"], errors["dateOfBirth"]);
        Assert.Equal(["NHS number is not valid: check the digits"], errors["nhsNumber"]);
    }

    [Theory]
    [InlineData("""{ "givenName": "Amy", "familyName": "Green", "relationship": "Daughter", "dateOfBirth": "31/02/2015" }""", "dateOfBirth", "Enter a real date, in the form yyyy-mm-dd")]
    [InlineData("""{ "givenName": 7 }""", "givenName", "Enter text")]
    [InlineData("""{ "givenName": "Amy" """, "", "The body is not valid JSON")]
    [InlineData("""[1, 2]""", "", "The body must be a JSON object")]
    public async Task A_value_of_the_wrong_type_is_a_problem_keyed_by_its_field(string body, string field, string message)
    {
        var client = await site.SignedInAsync("north.practitioner");
        var response = await client.PostAsync($"/api/families/{site.FamilyA}/members", Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], Errors(await Body(response))[field]);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_refused_so_that_no_form_elsewhere_can_post_one()
    {
        var client = await site.SignedInAsync("north.practitioner");
        var response = await client.PostAsync($"/api/families/{site.FamilyA}/needs", new StringContent("""{ "code": "FIN-DEBT" }""", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_member_is_created_with_201_and_a_Location_that_reads_it_back()
    {
        var family = await site.AddOpenFamilyAsync("FAM-API-M");
        var client = await site.SignedInAsync("north.practitioner");
        var upn = UniquePupilNumber.CheckLetter("823456789012") + "823456789012";
        var response = await client.PostAsJsonAsync($"/api/families/{family}/members", new
        {
            givenName = " Ruby ", familyName = "Green", relationship = "Daughter", dateOfBirth = "2016-01-10", nhsNumber = "943 476 5919", uniquePupilNumber = upn.ToLowerInvariant(),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await Body(response);
        Assert.Equal("Ruby", (string?)created["givenName"]);
        Assert.Equal("2016-01-10", (string?)created["dateOfBirth"]);
        Assert.Equal("9434765919", (string?)created["nhsNumber"]);
        Assert.Equal(upn, (string?)created["uniquePupilNumber"]);
        var location = response.Headers.Location!.OriginalString;
        Assert.Equal($"/api/families/{family}/members/{created["id"]}", location);
        Assert.Equal(created.ToJsonString(), JsonNode.Parse(await client.GetStringAsync(location))!.ToJsonString());
        Assert.Contains(JsonNode.Parse(await client.GetStringAsync($"/api/families/{family}/members"))!.AsArray(), m => (string?)m!["givenName"] == "Ruby");
    }

    [Fact]
    public async Task Needs_are_recorded_and_removed_on_the_open_episode_and_the_stored_claim_status_follows_the_engine()
    {
        var family = await site.AddOpenFamilyAsync("FAM-API-N");
        var client = await site.SignedInAsync("north.manager");
        var jay = (string)JsonNode.Parse(await client.GetStringAsync($"/api/families/{family}/members"))!.AsArray().Single(m => (string?)m!["givenName"] == "Jay")!["id"]!;

        var problems = await client.PostAsJsonAsync($"/api/families/{family}/needs", new { code = "EDU-ATTEND-90" });
        Assert.StartsWith("Select who has the need: ", Errors(await Body(problems))["memberId"].Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/families/{family}/needs", new { code = "NOT-A-NEED" })).StatusCode);
        Assert.Equal(["This need is already recorded"], Errors(await Body(await client.PostAsJsonAsync($"/api/families/{family}/needs", new { code = "FIN-DEBT" })))["code"]);

        var added = await client.PostAsJsonAsync($"/api/families/{family}/needs", new { code = "EDU-ATTEND-90", memberId = jay, identifiedOn = "2023-10-02" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var need = await Body(added);
        Assert.Equal($"/api/families/{family}/needs/{need["id"]}", added.Headers.Location!.OriginalString);
        Assert.Equal(jay, (string?)need["memberId"]);
        await AssertStoredClaimStatusIsTheEnginesAsync(client, family);

        var removed = await client.DeleteAsync($"/api/families/{family}/needs/{need["id"]}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/families/{family}/needs/{need["id"]}")).StatusCode);
        Assert.DoesNotContain(JsonNode.Parse(await client.GetStringAsync($"/api/families/{family}/needs"))!.AsArray(), n => (string?)n!["code"] == "EDU-ATTEND-90");
        await AssertStoredClaimStatusIsTheEnginesAsync(client, family);
    }

    [Fact]
    public async Task Evidence_is_recorded_against_a_need_and_the_need_then_stays()
    {
        var family = await site.AddOpenFamilyAsync("FAM-API-E");
        var client = await site.SignedInAsync("north.practitioner");
        var debt = JsonNode.Parse(await client.GetStringAsync($"/api/families/{family}/needs"))!.AsArray().Single(n => (string?)n!["code"] == "FIN-DEBT")!;

        var problems = Errors(await Body(await client.PostAsJsonAsync($"/api/families/{family}/evidence", new
        {
            needId = Guid.NewGuid(), kind = "validated-measure", outcomeAchieved = true, instrument = "GAD-7", after = 30, recordedOn = "2024-01-15",
        })));
        Assert.Equal(["after", "before"], problems.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("The score after must be between 0 and 21 for ", problems["after"].Single(), StringComparison.Ordinal);
        Assert.Equal(["Select one of the family's needs"], Errors(await Body(await client.PostAsJsonAsync($"/api/families/{family}/evidence", new
        {
            needId = Guid.NewGuid(), kind = "practitioner-assessment", outcomeAchieved = true, recordedOn = "2024-01-15",
        })))["needId"]);

        var response = await client.PostAsJsonAsync($"/api/families/{family}/evidence", new
        {
            needId = (string)debt["id"]!, kind = "practitioner-assessment", outcomeAchieved = true, recordedOn = "2024-01-15", note = "Debts in a repayment plan.",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var entry = await Body(response);
        Assert.Equal(("FIN-DEBT", "practitioner-assessment", "2024-01-15"), ((string?)entry["needCode"], (string?)entry["kind"], (string?)entry["recordedOn"]));
        Assert.Equal(entry.ToJsonString(), JsonNode.Parse(await client.GetStringAsync(response.Headers.Location!.OriginalString))!.ToJsonString());
        await AssertStoredClaimStatusIsTheEnginesAsync(client, family);

        var remove = await client.DeleteAsync($"/api/families/{family}/needs/{debt["id"]}");
        Assert.Equal(HttpStatusCode.Conflict, remove.StatusCode);
        Assert.Equal("Evidence is recorded for this need, so it cannot be removed", (string?)(await Body(remove))["title"]);
    }

    [Fact]
    public async Task A_change_from_a_stale_version_of_an_action_gets_409_with_the_action_as_it_is_and_overwrites_nothing()
    {
        var family = await site.AddOpenFamilyAsync("FAM-API-A");
        var lead = await site.SignedInAsync("north.practitioner");
        var manager = await site.SignedInAsync("north.manager");
        var action = new Dictionary<string, object?>
        {
            ["needCode"] = "FIN-DEBT", ["what"] = "Book a debt advice appointment", ["who"] = "Sam Patel", ["agency"] = "Citizens Advice",
            ["dueOn"] = "2024-02-01", ["priority"] = "High",
        };
        var created = await lead.PostAsJsonAsync($"/api/families/{family}/actions", action);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var first = await Body(created);
        Assert.Equal("High", (string?)first["priority"]);
        var location = created.Headers.Location!.OriginalString;
        Assert.Equal($"/api/families/{family}/actions/{first["id"]}", location);

        Assert.Equal(["Send the version of the action your change was made from"], Errors(await Body(await lead.PutAsJsonAsync(location, action)))["version"]);

        // Both read version 1; the manager saves first, then the lead's change from version 1 is refused.
        action["version"] = (string?)first["version"];
        action["progress"] = "Appointment booked for 30 January";
        var saved = await manager.PutAsJsonAsync(location, action);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var second = await Body(saved);
        Assert.NotEqual((string?)first["version"], (string?)second["version"]);

        action["progress"] = "Family did not attend";
        var stale = await lead.PutAsJsonAsync(location, action);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/json", stale.Content.Headers.ContentType!.MediaType);
        Assert.Equal(second.ToJsonString(), (await Body(stale)).ToJsonString());
        Assert.Equal(second.ToJsonString(), JsonNode.Parse(await lead.GetStringAsync(location))!.ToJsonString());

        // Made again from the version now current, the change is saved.
        action["version"] = (string?)second["version"];
        var again = await lead.PutAsJsonAsync(location, action);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("Family did not attend", (string?)(await Body(again))["progress"]);

        var badNeed = await lead.PutAsJsonAsync(location, new Dictionary<string, object?>(action) { ["needCode"] = "EDU-SEN", ["priority"] = "Urgent" });
        Assert.Equal(["Enter one of Low, Medium, High"], Errors(await Body(badNeed))["priority"]);
        var otherFamily = await lead.PutAsJsonAsync($"/api/families/{site.FamilyA}/actions/{first["id"]}", action);
        Assert.Equal(HttpStatusCode.NotFound, otherFamily.StatusCode);
    }

    [Fact]
    public async Task A_closed_episode_takes_no_changes()
    {
        var lead = await site.SignedInAsync("south.practitioner");
        var response = await lead.PostAsJsonAsync($"/api/families/{site.FamilyClosed}/needs", new { code = "FIN-WORKLESS" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("FAM-C has no open episode", (string?)(await Body(response))["title"]);
        Assert.Equal(3, JsonNode.Parse(await lead.GetStringAsync($"/api/families/{site.FamilyClosed}/needs"))!.AsArray().Count);
    }

    [Fact]
    public async Task Episodes_are_listed_and_read_one_by_one_with_their_plan_and_evidence()
    {
        var client = await site.SignedInAsync("auditor");
        var episodes = JsonNode.Parse(await client.GetStringAsync($"/api/families/{site.FamilyClosed}/episodes"))!.AsArray();
        var listed = Assert.Single(episodes)!;
        Assert.Equal(("Closed", "2024-06-28", 3), ((string?)listed["stage"], (string?)listed["closedOn"], listed["needs"]!.AsArray().Count));
        Assert.Null(listed["evidence"]);

        var one = JsonNode.Parse(await client.GetStringAsync($"/api/families/{site.FamilyClosed}/episodes/1"))!;
        Assert.Equal(3, one["evidence"]!.AsArray().Count);
        Assert.Empty(one["actions"]!.AsArray());
        Assert.Equal("Consent", (string?)one["lawfulBasis"]);
    }

    [Fact]
    public async Task An_enquiry_opens_a_new_family_with_201_and_its_episode_at_the_front_door()
    {
        var practitioner = await site.SignedInAsync("school.practitioner");
        var response = await practitioner.PostAsJsonAsync("/api/enquiries", new
        {
            givenName = "Leanne", familyName = "Walker", addressLine1 = "4 Mill Close", town = "Walsall", postcode = "ws2 8ab", source = "School",
            reason = "Attendance below 80% and money worries.", needs = new[] { "FIN-DEBT" }, familyAgrees = true, lawfulBasis = "PublicTask",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var received = await Body(response);
        Assert.Matches("^FAM-[0-9]{6}$", (string?)received["reference"]);
        Assert.Equal(("Enquiry", 1, "FIN-DEBT"), ((string?)received["episode"]!["stage"], (int)received["episode"]!["number"]!, (string?)received["episode"]!["needs"]![0]!["code"]));
        var location = response.Headers.Location!.OriginalString;
        Assert.Equal($"/api/families/{received["familyId"]}/episodes/1", location);

        // The enquiry waits for a coordinator, who may read it; the practitioner who sent it may not until allocated.
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync(location)).StatusCode);
        var coordinator = await site.SignedInAsync("north.manager");
        var family = JsonNode.Parse(await coordinator.GetStringAsync($"/api/families/{received["familyId"]}"))!;
        Assert.Equal("WS2 8AB", (string?)family["address"]!["postcode"]);
        Assert.Equal("Leanne", (string?)family["members"]![0]!["givenName"]);
    }

    [Fact]
    public async Task An_enquiry_with_problems_is_refused_with_the_pages_messages_keyed_by_field()
    {
        var practitioner = await site.SignedInAsync("north.practitioner");
        var response = await practitioner.PostAsJsonAsync("/api/enquiries", new { givenName = "Leanne", postcode = "not a postcode", reason = "Worried.", needs = new[] { "EDU-FOO" } });
        var errors = Errors(await Body(response));
        Assert.Equal(["addressLine1", "familyAgrees", "familyName", "lawfulBasis", "needs", "postcode", "source"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Enter a real postcode, like WS1 1AA"], errors["postcode"]);
        Assert.Equal(["Select who is asking for support"], errors["source"]);
        Assert.Equal(["Select needs from the list"], errors["needs"]);

        // Only a coordinator links an enquiry to a known family.
        var linked = await practitioner.PostAsJsonAsync("/api/enquiries", new { existingReference = "FAM-C", source = "Health", reason = "Again.", familyAgrees = true, lawfulBasis = "Consent" });
        Assert.StartsWith("There is no family with that reference you can add an enquiry to", Errors(await Body(linked))["existingReference"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinators_enquiry_for_a_known_family_opens_its_next_episode_and_others_may_not_send_enquiries()
    {
        var known = await site.AddClosedFamilyAsync("FAM-API-K");
        var coordinator = await site.SignedInAsync("north.manager");
        var enquiry = new { existingReference = "fam-api-k", source = "Health", reason = "New worries about mum's health.", familyAgrees = true, lawfulBasis = "Consent" };
        var response = await coordinator.PostAsJsonAsync("/api/enquiries", enquiry);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/families/{known}/episodes/2", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync(response.Headers.Location!.OriginalString)).StatusCode);
        Assert.Equal(["FAM-API-K has an open episode: add to that episode instead"], Errors(await Body(await coordinator.PostAsJsonAsync("/api/enquiries", enquiry)))["existingReference"]);

        var analyst = await site.SignedInAsync("analyst");
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync("/api/enquiries", enquiry)).StatusCode);
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
        var analystId = await db.Users.Where(u => u.UserName == "analyst@test.example").Select(u => u.Id).SingleAsync();
        Assert.Contains(await db.Audit.Where(a => a.UserId == analystId).ToListAsync(), a => a.Action == "refused" && a.FamilyId == null && a.What == "POST /api/enquiries");
        Assert.Contains(await db.Audit.Where(a => a.FamilyId == known).ToListAsync(), a => a.Action == "change" && a.What == "POST /api/enquiries");
    }

    [Fact]
    public async Task Every_API_read_change_and_refusal_is_in_the_audit_log()
    {
        var family = await site.AddOpenFamilyAsync("FAM-API-L");
        var lead = await site.SignedInAsync("north.practitioner");
        var analyst = await site.SignedInAsync("analyst");
        await lead.GetAsync($"/api/families/{family}/needs");
        await lead.PostAsJsonAsync($"/api/families/{family}/needs", new { code = "HSG-TA" });
        await analyst.GetAsync($"/api/families/{family}/actions");

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
        var entries = await db.Audit.Where(a => a.FamilyId == family).ToListAsync();
        var names = await db.Users.ToDictionaryAsync(u => u.Id, u => u.UserName);
        var seen = entries.Select(a => (names[a.UserId], a.Action, a.What, a.From)).ToList();
        Assert.Contains(("north.practitioner@test.example", "read", $"GET /api/families/{family}/needs", "127.0.0.1"), seen);
        Assert.Contains(("north.practitioner@test.example", "change", $"POST /api/families/{family}/needs", "127.0.0.1"), seen);
        Assert.Contains(("analyst@test.example", "refused", $"GET /api/families/{family}/actions", "127.0.0.1"), seen);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_API_endpoint()
    {
        var document = JsonNode.Parse(await site.Client().GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject();
        var endpoints = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Path: OpenApiPath(e.RoutePattern.RawText!), Method: m.ToLowerInvariant())))
            .ToList();
        Assert.Contains(("/api/families/{id}/actions/{actionId}", "put"), endpoints);
        Assert.Contains(("/api/enquiries", "post"), endpoints);
        Assert.Equal("bearer", (string?)document["components"]!["securitySchemes"]!["apiToken"]!["scheme"]);
        Assert.NotNull(document["security"]![0]!["apiToken"]);
        foreach (var (path, method) in endpoints)
        {
            var operation = (paths[path] ?? paths[path + "/"])?[method];
            Assert.True(operation is not null, $"{method} {path} is not in the OpenAPI document");
            Assert.False(string.IsNullOrEmpty((string?)operation!["summary"]), $"{method} {path} has no summary");
            if (path.StartsWith("/api/families/{id}", StringComparison.Ordinal))
            {
                Assert.NotNull(operation["responses"]!["403"]);
            }

            if (method is "post" or "put" && path != "/api/evaluate")
            {
                Assert.NotNull(operation["requestBody"]!["content"]!["application/json"]);
                Assert.NotNull(operation["responses"]!["400"]!["content"]!["application/problem+json"]);
            }
        }

        var change = paths["/api/families/{id}/actions/{actionId}"]!["put"]!["responses"]!["409"]!["content"]!;
        Assert.NotNull(change["application/json"]);
        Assert.NotNull(change["application/problem+json"]);
        Assert.Equal(["Low", "Medium", "High"], document["components"]!["schemas"]!["ActionPriority"]!["enum"]!.AsArray().Select(v => (string?)v));
    }

    private async Task AssertStoredClaimStatusIsTheEnginesAsync(HttpClient client, Guid family)
    {
        var verdict = JsonNode.Parse(await client.GetStringAsync($"/api/families/{family}/verdict"))!;
        var episode = JsonNode.Parse(await client.GetStringAsync($"/api/families/{family}/episodes/1"))!;
        Assert.Equal(((string?)verdict["claim"]!["status"])!.Replace("-", "", StringComparison.Ordinal), ((string?)episode["claimStatus"])!, ignoreCase: true);
        Assert.Equal((string?)verdict["claim"]!["earliestDate"], (string?)episode["claimableOn"]);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonNode> Body(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    private static Dictionary<string, string[]> Errors(JsonNode problem) =>
        problem["errors"]!.AsObject().ToDictionary(e => e.Key, e => e.Value!.AsArray().Select(m => (string)m!).ToArray());

    /// <summary>"/api/families/{id:guid}/" is "/api/families/{id}" in the document.</summary>
    private static string OpenApiPath(string route)
    {
        var path = RouteConstraint().Replace(route, "{$1}");
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    [GeneratedRegex(@"\{(\w+):[^}]+\}")]
    private static partial Regex RouteConstraint();
}

public sealed class SqliteCaseworkApiTests(SqliteSite site) : CaseworkApiTests<SqliteSite>(site);

public sealed class PostgresCaseworkApiTests(PostgresSite site) : CaseworkApiTests<PostgresSite>(site);
