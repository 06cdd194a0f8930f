using System.Net;
using System.Text.Json.Nodes;
using EarlyHelp.Core.ServiceDirectory;
using EarlyHelp.Web.Tests.Casework;

namespace EarlyHelp.Web.Tests.ServiceDirectory;

/// <summary>
/// The Open Referral UK API of the running application, without signing in: every endpoint's real responses
/// validated against the UK profile's schemas, paging, the filters, and clear refusals of bad parameters.
/// </summary>
public abstract class OpenReferralApiTests<TSite>(TSite site) : IClassFixture<TSite>
    where TSite : CaseworkSite
{
    private const string Root = "/api/openreferral";

    private async Task<(HttpResponseMessage Response, string Body)> GetAsync(string path)
    {
        using var client = site.Client();
        var response = await client.GetAsync(path);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonObject> ValidAsync(string schemaPath, string path)
    {
        var (response, body) = await GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {body}");
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var problems = await OpenReferralSchemas.ProblemsAsync(schemaPath, body);
        Assert.True(problems.Count == 0, $"{path} does not match the schema:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        return JsonNode.Parse(body)!.AsObject();
    }

    [Fact]
    public async Task Every_endpoint_answers_without_a_key_and_matches_the_UK_profile_schemas()
    {
        var about = JsonNode.Parse((await GetAsync($"{Root}/")).Body)!;
        Assert.Equal("3.0", about["version"]!.GetValue<string>());
        Assert.StartsWith("https://", about["openapi_url"]!.GetValue<string>(), StringComparison.Ordinal);

        var services = await ValidAsync("/services", $"{Root}/services");
        Assert.Equal(60, services["total_items"]!.GetValue<int>());
        Assert.Equal(50, services["size"]!.GetValue<int>());

        var id = services["contents"]![0]!["id"]!.GetValue<string>();
        var service = await ValidAsync("/services/{id}", $"{Root}/services/{id}");
        Assert.Equal(id, service["id"]!.GetValue<string>());
        var location = service["service_at_locations"]![0]!;
        Assert.NotNull(location["location"]!["latitude"]);
        Assert.NotEmpty(service["attributes"]!.AsArray());
        Assert.NotEmpty(service["schedules"]!.AsArray());

        var atLocations = await ValidAsync("/service_at_locations", $"{Root}/service_at_locations?per_page=200");
        Assert.Equal(60, atLocations["total_items"]!.GetValue<int>());
        var atLocation = atLocations["contents"]![0]!["id"]!.GetValue<string>();
        await ValidAsync("/service_at_locations/{id}", $"{Root}/service_at_locations/{atLocation}");

        var taxonomies = await ValidAsync("/taxonomies", $"{Root}/taxonomies");
        Assert.Contains(taxonomies["contents"]!.AsArray(), t => t!["version"]!.GetValue<string>() == "national-2022");
        var taxonomy = taxonomies["contents"]![0]!["id"]!.GetValue<string>();
        await ValidAsync("/taxonomies/{id}", $"{Root}/taxonomies/{taxonomy}");

        var terms = await ValidAsync("/taxonomy_terms", $"{Root}/taxonomy_terms?per_page=200");
        Assert.Contains(terms["contents"]!.AsArray(), t => t!["term"]!.GetValue<string>() == "FIN-DEBT" && t["parent_id"] is not null);
        var term = terms["contents"]![0]!["id"]!.GetValue<string>();
        await ValidAsync("/taxonomy_terms/{id}", $"{Root}/taxonomy_terms/{term}");
    }

    [Fact]
    public async Task Contacts_carry_the_phone_numbers_the_service_page_shows()
    {
        var services = await ValidAsync("/services", $"{Root}/services?per_page=5");
        var phoneSchema = await OpenReferralSchemas.PhoneAsync();
        var phones = 0;
        foreach (var summary in services["contents"]!.AsArray())
        {
            var id = summary!["id"]!.GetValue<string>();
            var service = await ValidAsync("/services/{id}", $"{Root}/services/{id}");
            var (_, page) = await GetAsync($"/services/{id}");
            foreach (var contact in service["contacts"]!.AsArray())
            {
                var phone = Assert.Single(contact!["phones"]!.AsArray())!;
                var problems = phoneSchema.Validate(phone.ToJsonString()).Select(e => $"{e.Path}: {e.Kind} {e.Property}").ToList();
                Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
                Assert.Equal(contact["id"]!.GetValue<string>(), phone["contact_id"]!.GetValue<string>());
                var number = phone["number"]!.GetValue<string>();
                Assert.StartsWith("01922 ", number, StringComparison.Ordinal);
                Assert.Contains($"Phone: {number}", page, StringComparison.Ordinal);
                phones++;
            }
        }

        Assert.True(phones >= 5, $"{phones} phones");
    }

    [Fact]
    public async Task The_schema_check_itself_finds_a_broken_response()
    {
        var problems = await OpenReferralSchemas.ProblemsAsync("/services/{id}", """{"id":"not-a-uuid","status":"open","minimum_age":"five"}""");
        Assert.Contains(problems, p => p.Contains("name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("status", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("minimum_age", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pages_follow_page_and_per_page()
    {
        var first = await ValidAsync("/services", $"{Root}/services?per_page=7");
        var second = await ValidAsync("/services", $"{Root}/services?per_page=7&page=2");
        var last = await ValidAsync("/services", $"{Root}/services?per_page=7&page=9");
        Assert.Equal(9, second["total_pages"]!.GetValue<int>());
        Assert.Equal(2, second["page_number"]!.GetValue<int>());
        Assert.Equal(7, second["size"]!.GetValue<int>());
        Assert.True(first["first_page"]!.GetValue<bool>());
        Assert.False(second["first_page"]!.GetValue<bool>());
        Assert.False(second["last_page"]!.GetValue<bool>());
        Assert.True(last["last_page"]!.GetValue<bool>());
        Assert.Equal(4, last["size"]!.GetValue<int>());
        var ids = new[] { first, second, last }.SelectMany(p => p["contents"]!.AsArray().Select(s => s!["id"]!.GetValue<string>())).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());

        var beyond = await ValidAsync("/services", $"{Root}/services?per_page=7&page=20");
        Assert.Equal(0, beyond["size"]!.GetValue<int>());
        Assert.False(beyond["empty"]!.GetValue<bool>());
        var none = await ValidAsync("/services", $"{Root}/services?search=zzzznothing");
        Assert.True(none["empty"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Filters_narrow_the_services()
    {
        var debt = FrameworkTaxonomy.TermId(Engine.Load(Path.Combine(AppContext.BaseDirectory, "frameworks")).Frameworks.Get("national-2022"), "FIN-DEBT");
        var byTerm = await ValidAsync("/services", $"{Root}/services?taxonomy_term_id={debt}&per_page=200");
        var names = byTerm["contents"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.True(n.StartsWith("Debt and money advice", StringComparison.Ordinal) || n.StartsWith("Family support drop-in", StringComparison.Ordinal), n));

        var adults = await ValidAsync("/services", $"{Root}/services?minimum_age=18&per_page=200");
        Assert.NotEmpty(adults["contents"]!.AsArray());
        Assert.All(adults["contents"]!.AsArray(), s => Assert.True(s!["minimum_age"]!.GetValue<double>() >= 18));

        var young = await ValidAsync("/services", $"{Root}/services?maximum_age=5&per_page=200");
        Assert.All(young["contents"]!.AsArray(), s => Assert.True(s!["maximum_age"]!.GetValue<double>() <= 5));
        Assert.NotEmpty(young["contents"]!.AsArray());

        var text = await ValidAsync("/services", $"{Root}/services?search=PARENTING%20programme");
        Assert.All(text["contents"]!.AsArray(), s => Assert.StartsWith("Parenting programme", s!["name"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(3, text["total_items"]!.GetValue<int>());

        var monday = await ValidAsync("/services", $"{Root}/services?day=MO&per_page=200");
        foreach (var s in monday["contents"]!.AsArray())
        {
            var full = await ValidAsync("/services/{id}", $"{Root}/services/{s!["id"]}");
            Assert.Contains(full["schedules"]!.AsArray(), x => x!["byday"]!.GetValue<string>().Contains("MO", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Services_at_locations_come_nearest_first_within_the_proximity()
    {
        Assert.True(PostcodeDistricts.TryLocate("WS1 1AA", out _, out var ws1, out _));
        var near = await ValidAsync("/service_at_locations", $"{Root}/service_at_locations?postcode=WS1%201AA&proximity=4000&per_page=200");
        var distances = near["contents"]!.AsArray()
            .Select(x => Distance.Kilometres(ws1, new Point(x!["location"]!["latitude"]!.GetValue<double>(), x["location"]!["longitude"]!.GetValue<double>())))
            .ToList();
        Assert.NotEmpty(distances);
        Assert.All(distances, d => Assert.True(d <= 4.0, $"{d} km"));
        Assert.Equal(distances.Order(), distances);

        var all = await ValidAsync("/service_at_locations", $"{Root}/service_at_locations?postcode=WS1&per_page=200");
        Assert.True(all["total_items"]!.GetValue<int>() > near["total_items"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("/services?page=0", "page")]
    [InlineData("/services?per_page=lots", "per_page")]
    [InlineData("/services?minimum_age=ten", "minimum_age")]
    [InlineData("/services?taxonomy_term_id=debt", "taxonomy_term_id")]
    [InlineData("/services?day=Funday", "day")]
    [InlineData("/services?start_time=noonish", "start_time")]
    [InlineData("/service_at_locations?postcode=NOWHERE", "postcode")]
    [InlineData("/service_at_locations?postcode=ZZ99&proximity=1000", "postcode")]
    [InlineData("/service_at_locations?postcode=WS1&proximity=far", "proximity")]
    [InlineData("/service_at_locations?proximity=1000", "proximity")]
    public async Task A_bad_parameter_is_refused_naming_it(string path, string parameter)
    {
        var (response, body) = await GetAsync(Root + path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var errors = JsonNode.Parse(body)!["errors"]![parameter]!.AsArray();
        Assert.Contains(parameter, errors[0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_id_is_not_found()
    {
        foreach (var path in new[] { "/services/", "/service_at_locations/", "/taxonomies/", "/taxonomy_terms/" })
        {
            var (response, body) = await GetAsync($"{Root}{path}{Guid.NewGuid()}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("There is no", body, StringComparison.Ordinal);
            var (bad, _) = await GetAsync($"{Root}{path}not-an-id");
            Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
        }
    }
}

public sealed class SqliteOpenReferralApiTests(SqliteDirectorySite site) : OpenReferralApiTests<SqliteDirectorySite>(site);

public sealed class PostgresOpenReferralApiTests(PostgresDirectorySite site) : OpenReferralApiTests<PostgresDirectorySite>(site);
