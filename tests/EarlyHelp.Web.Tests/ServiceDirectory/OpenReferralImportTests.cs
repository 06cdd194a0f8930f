using System.Text;
using System.Text.Json.Nodes;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.ServiceDirectory;
using EarlyHelp.Web.Tests.Casework;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.ServiceDirectory;

/// <summary>
/// Importing another publisher's Open Referral UK feed: the UK profile's examples, the same feed twice, changes,
/// broken variants refused whole with every problem named, and a feed read page by page from a URL.
/// </summary>
public abstract class OpenReferralImportTests<TSite>(TSite site) : IClassFixture<TSite>
    where TSite : CaseworkSite
{
    private const string CounsellingId = "ac148810-d857-441c-9679-408f346de14b";

    private static JsonObject Example(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(OpenReferralSchemas.Examples, name)))!.AsObject();

    /// <summary>The full example service under new ids, so tests sharing the site do not see each other's records.</summary>
    private static JsonObject FreshService(string? name = null)
    {
        var text = Example("service_full.json").ToJsonString();
        foreach (var id in new[] { CounsellingId, "48102e86-bb50-41c4-8f1e-e269368c41d1", "e94c9f38-1e8f-4564-91d4-d53501ab1765", "3a19ff88-4620-4d17-9830-ac1d859eb5d5", "1fdf4d39-3d80-484d-9f92-a8ffa08621e7", "1e7efce3-639b-4880-940c-b95cd30cdb50", "ae58cc39-8b70-4ab1-8aea-786882e5ac8e" })
        {
            text = text.Replace(id, Guid.NewGuid().ToString(), StringComparison.Ordinal);
        }

        var service = JsonNode.Parse(text)!.AsObject();
        if (name is not null)
        {
            service["name"] = name;
        }

        return service;
    }

    private async Task<ImportResult> ImportAsync(JsonNode feed)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<OpenReferralImport>();
        return await import.ImportAsync(OpenReferralImport.ReadBytes(Encoding.UTF8.GetBytes(feed.ToJsonString())));
    }

    private async Task<T> QueryAsync<T>(Func<EarlyHelpDbContext, Task<T>> query)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>());
    }

    [Fact]
    public async Task The_profiles_example_imports_and_importing_it_again_changes_nothing()
    {
        var first = await ImportAsync(Example("service_full.json"));
        Assert.True(first.Succeeded, string.Join(Environment.NewLine, first.Problems));
        Assert.Contains(first.Warnings, w => w.Field == "service_at_locations[0].location.latitude" && w.Message.Contains("not a place on the earth", StringComparison.Ordinal));

        var again = await ImportAsync(Example("service_full.json"));
        Assert.Equal((0, 0, 1), (again.Added, again.Changed, again.Unchanged));

        // The list form of the same service says nothing about its schedules: they stay as they were.
        var list = await ImportAsync(Example("service_list.json"));
        Assert.Equal((0, 0, 1), (list.Added, list.Changed, list.Unchanged));

        var id = Guid.Parse(CounsellingId);
        var stored = await QueryAsync(db => db.DirectoryServices.Include(s => s.Schedules).Include(s => s.Terms).ThenInclude(t => t.Term).Include(s => s.Organisation).SingleAsync(s => s.Id == id));
        Assert.Equal("Community Counselling", stored.Name);
        Assert.Equal((12, 100), (stored.MinimumAge!.Value, stored.MaximumAge!.Value));
        Assert.Equal("Example Organization Inc.", stored.Organisation!.Name);
        Assert.Equal("TH,FR", Assert.Single(stored.Schedules).ByDay);
        Assert.Equal("name", Assert.Single(stored.Terms).Term!.Code);

        // What was imported is served again by the API, and still matches the UK profile.
        using var client = site.Client();
        var body = await client.GetStringAsync($"/api/openreferral/services/{CounsellingId}");
        Assert.Empty(await OpenReferralSchemas.ProblemsAsync("/services/{id}", body));
    }

    [Fact]
    public async Task A_changed_record_is_updated_in_place()
    {
        var service = FreshService("Family counselling");
        var id = Guid.Parse(service["id"]!.GetValue<string>());
        Assert.Equal(1, (await ImportAsync(service)).Added);

        service["minimum_age"] = 16;
        service["schedules"] = new JsonArray();
        service["last_modified"] = "2025-06-01T09:00:00Z";
        var result = await ImportAsync(new JsonObject { ["contents"] = new JsonArray(service.DeepClone()) });
        Assert.Equal((0, 1, 0), (result.Added, result.Changed, result.Unchanged));
        var stored = await QueryAsync(db => db.DirectoryServices.Include(s => s.Schedules).Include(s => s.Contacts).SingleAsync(s => s.Id == id));
        Assert.Equal(16, stored.MinimumAge);
        Assert.Empty(stored.Schedules);
        Assert.Single(stored.Contacts);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero), stored.LastModified);
    }

    [Fact]
    public async Task A_feed_with_invalid_records_imports_nothing_and_names_each_problem()
    {
        var good = FreshService("Good service");
        var broken = FreshService();
        broken.Remove("name");
        broken["status"] = "open";
        broken["minimum_age"] = "twelve";
        broken["email"] = "not an email";
        broken["schedules"]![0]!["opens_at"] = "10am";
        broken["service_at_locations"]![0]!["location"]!["id"] = "civic-centre";
        var orphan = FreshService("Orphan");
        orphan.Remove("organization");
        var unknownOrganisation = Guid.NewGuid();
        orphan["organization_id"] = unknownOrganisation.ToString();
        var twice = good.DeepClone();

        var result = await ImportAsync(new JsonObject { ["contents"] = new JsonArray(good.DeepClone(), broken.DeepClone(), orphan.DeepClone(), twice) });
        Assert.False(result.Succeeded);
        var lines = result.Problems.Select(p => p.ToString()).ToList();
        var brokenId = broken["id"]!.GetValue<string>();
        Assert.Contains($"service 2 (id {brokenId}): name: is missing", lines);
        Assert.Contains($"service 2 (id {brokenId}): status: must be one of \"active\", \"inactive\", \"defunct\", \"temporarily closed\", not \"open\"", lines);
        Assert.Contains($"service 2 (id {brokenId}): minimum_age: must be a whole number of years from 0 to 130, not \"twelve\"", lines);
        Assert.Contains($"service 2 (id {brokenId}): email: must be an email address, like name@example.org, not \"not an email\"", lines);
        Assert.Contains($"service 2 (id {brokenId}): schedules[0].opens_at: must be a time of day, like 09:30:00, not \"10am\"", lines);
        Assert.Contains($"service 2 (id {brokenId}): service_at_locations[0].location.id: must be a UUID, like 3f7b145d-84af-42d7-8fae-eaca714b02b2, not \"civic-centre\"", lines);
        Assert.Contains($"service 4 (id {good["id"]}): id: appears more than once in the feed", lines);
        Assert.Contains($"service 3 (id {orphan["id"]}): organization_id: names organisation {unknownOrganisation}, which is neither in the feed nor in the directory", lines);
        Assert.StartsWith("Nothing was imported", result.Summary, StringComparison.Ordinal);

        // All or nothing: not even the good record went in.
        var goodId = Guid.Parse(good["id"]!.GetValue<string>());
        Assert.False(await QueryAsync(db => db.DirectoryServices.AnyAsync(s => s.Id == goodId)));
    }

    [Fact]
    public async Task Something_that_is_not_a_feed_is_refused()
    {
        var notJson = Assert.Single(OpenReferralImport.ReadBytes("{\"contents\": [}"u8.ToArray()).Problems);
        Assert.Equal("the file", notJson.Record);
        Assert.StartsWith("is not valid JSON", notJson.Message, StringComparison.Ordinal);
        var text = await ImportAsync(JsonValue.Create("a list of services")!);
        Assert.Contains("is not an Open Referral feed", Assert.Single(text.Problems).Message, StringComparison.Ordinal);
        var notFeed = await ImportAsync(new JsonObject { ["services"] = 3 });
        Assert.Contains("is not an Open Referral feed", Assert.Single(notFeed.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feed_is_read_page_by_page_from_a_URL()
    {
        // This site's own API is an ORUK feed: read at seven a page, every service is already here, unchanged.
        using var http = new HttpClient();
        var feed = await OpenReferralImport.ReadUrlAsync(new Uri(site.Address, "/api/openreferral/services?per_page=7"), http);
        Assert.Empty(feed.Problems);
        var total = await QueryAsync(db => db.DirectoryServices.CountAsync(s => s.Status == Core.ServiceDirectory.ServiceStatus.Active));
        Assert.Equal(total, feed.Services.Count);
        await using var scope = site.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<OpenReferralImport>().ImportAsync(feed);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal((0, 0, total), (result.Added, result.Changed, result.Unchanged));

        var missing = await OpenReferralImport.ReadUrlAsync(new Uri(site.Address, "/api/openreferral/nothing-here"), http);
        Assert.Contains("answered 404", Assert.Single(missing.Problems).Message, StringComparison.Ordinal);
    }
}

public sealed class SqliteOpenReferralImportTests(SqliteDirectorySite site) : OpenReferralImportTests<SqliteDirectorySite>(site);

public sealed class PostgresOpenReferralImportTests(PostgresDirectorySite site) : OpenReferralImportTests<PostgresDirectorySite>(site);

/// <summary><c>earlyhelp directory import</c>, the real program, into a database of its own.</summary>
public sealed class DirectoryCommandTests
{
    private static async Task<(int Exit, string Out, string Error)> RunAsync(string database, params string[] args)
    {
        var run = await Host.RunOnDatabaseAsync($"Data Source={database}", args);
        return (run.ExitCode, run.Out, run.Error);
    }

    [Fact]
    public async Task Import_a_file_twice_then_a_broken_one()
    {
        var database = Path.Combine(Path.GetTempPath(), $"earlyhelp-directory-{Guid.NewGuid():N}.db");
        try
        {
            var example = Path.Combine(OpenReferralSchemas.Examples, "service_full.json");
            var first = await RunAsync(database, "directory", "import", example);
            Assert.True(first.Exit == 0, first.Error);
            Assert.Equal("1 services read: 1 added, 0 changed, 0 unchanged", first.Out.Trim());
            Assert.Contains("warning: service 1 (id ac148810-d857-441c-9679-408f346de14b): service_at_locations[0].location.latitude", first.Error, StringComparison.Ordinal);

            var second = await RunAsync(database, "directory", "import", example);
            Assert.Equal("1 services read: 0 added, 0 changed, 1 unchanged", second.Out.Trim());

            var broken = JsonNode.Parse(await File.ReadAllTextAsync(example))!;
            broken["maximum_age"] = 5;
            var file = Host.TempFile(broken.ToJsonString());
            var refused = await RunAsync(database, "directory", "import", file);
            Assert.Equal(2, refused.Exit);
            Assert.Contains("service 1 (id ac148810-d857-441c-9679-408f346de14b): maximum_age: must not be below minimum_age (5 is below 12)", refused.Error, StringComparison.Ordinal);
            Assert.Contains("Nothing was imported: the feed has 1 problem", refused.Error, StringComparison.Ordinal);

            var missing = await RunAsync(database, "directory", "import", "/no/such/feed.json");
            Assert.Equal(2, missing.Exit);
            Assert.Contains("/no/such/feed.json", missing.Error, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }
}
