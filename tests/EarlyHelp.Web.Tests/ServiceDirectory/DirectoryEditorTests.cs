using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EarlyHelp.Data;
using EarlyHelp.Web.Tests.Casework;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.ServiceDirectory;

/// <summary>Directory editors keep the directory: organisations, places and services, and imports; on each database.</summary>
public abstract partial class DirectoryEditorTests<TSite>(TSite site) : IClassFixture<TSite>
    where TSite : CaseworkSite
{
    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private async Task<T> QueryAsync<T>(Func<EarlyHelpDbContext, Task<T>> query)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>());
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var (token, version) = await FormAsync(client, path);
        return await PostFromAsync(client, path, token, version, fields);
    }

    /// <summary>Opens a form: its anti-forgery token and the version of the record it shows, as a browser keeps them.</summary>
    private static async Task<(string Token, string Version)> FormAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(path);
        return (Token().Match(page).Groups[1].Value, Version().Match(page).Groups[1].Value);
    }

    private static Task<HttpResponseMessage> PostFromAsync(HttpClient client, string path, string token, string version, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostAsync(path, new FormUrlEncodedContent([.. fields, new("Input.Version", version), new("__RequestVerificationToken", token)]));

    [Fact]
    public async Task Of_two_editors_saving_a_service_at_once_the_second_is_told_keeps_what_they_typed_and_saves_again()
    {
        var first = await site.SignedInAsync("directory");
        var second = await site.SignedInAsync("directory");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var organisationId = await QueryAsync(db => db.DirectoryOrganisations.Select(o => o.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(first, "/directory/services/new",
            [new("Input.OrganisationId", organisationId.ToString()), new("Input.Name", $"Stay and play {suffix}"), new("Input.Description", "Play sessions."), new("Input.Status", "active")])).StatusCode);
        var id = await QueryAsync(db => db.DirectoryServices.Where(s => s.Name == $"Stay and play {suffix}").Select(s => s.Id).SingleAsync());
        var path = $"/directory/services/{id}";

        var (firstToken, firstVersion) = await FormAsync(first, path);
        var (secondToken, secondVersion) = await FormAsync(second, path);
        Assert.Equal(firstVersion, secondVersion);
        var saved = await PostFromAsync(first, path, firstToken, firstVersion,
            [new("Input.OrganisationId", organisationId.ToString()), new("Input.Name", $"Stay and play {suffix}"), new("Input.Description", "Play sessions for under-fives, run by Sure Start."), new("Input.Status", "active")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var secondFields = new KeyValuePair<string, string>[]
        {
            new("Input.OrganisationId", organisationId.ToString()), new("Input.Name", $"Stay and play {suffix}"), new("Input.Description", "Messy play on Fridays."),
            new("Input.Status", "active"), new("Input.Contacts[0].Name", "Priya Patel"), new("Input.Contacts[0].Phone", "01922 650 123"),
        };
        var refused = await PostFromAsync(second, path, secondToken, secondVersion, secondFields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await HtmlAsync(refused);
        Assert.Contains("<title>Error: Change Stay and play", html, StringComparison.Ordinal);
        Assert.Contains("Someone else changed this service while you were editing it", html, StringComparison.Ordinal);
        Assert.Contains("Play sessions for under-fives, run by Sure Start.", html, StringComparison.Ordinal);
        Assert.Contains("Messy play on Fridays.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"01922 650 123\"", html, StringComparison.Ordinal);
        var stored = await QueryAsync(db => db.DirectoryServices.Include(s => s.Contacts).SingleAsync(s => s.Id == id));
        Assert.Equal("Play sessions for under-fives, run by Sure Start.", stored.Description);
        Assert.Empty(stored.Contacts);

        // Saving again, from what the first editor saved, keeps the second editor's changes.
        var newer = Version().Match(html).Groups[1].Value;
        Assert.Equal(stored.Version.ToString(), newer);
        var again = await PostFromAsync(second, path, Token().Match(html).Groups[1].Value, newer, secondFields);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        stored = await QueryAsync(db => db.DirectoryServices.Include(s => s.Contacts).SingleAsync(s => s.Id == id));
        Assert.Equal("Messy play on Fridays.", stored.Description);
        Assert.Equal("01922 650 123", Assert.Single(stored.Contacts).Phone);

        // The first editor's old form is now out of date in turn.
        var stale = await HtmlAsync(await PostFromAsync(first, path, firstToken, firstVersion, secondFields));
        Assert.Contains("Someone else changed this service while you were editing it", stale, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_adds_and_removes_days_and_times_costs_and_contacts_without_javascript()
    {
        var editor = await site.SignedInAsync("directory");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var organisationId = await QueryAsync(db => db.DirectoryOrganisations.Select(o => o.Id).FirstAsync());
        var (token, version) = await FormAsync(editor, "/directory/services/new");
        var typed = new List<KeyValuePair<string, string>>
        {
            new("Input.OrganisationId", organisationId.ToString()), new("Input.Name", $"Baby massage {suffix}"), new("Input.Description", "Gentle massage for babies."),
            new("Input.Status", "active"), new("Input.Schedules[0].Days", "MO"), new("Input.Schedules[0].OpensAt", "10am"), new("Input.Schedules[0].ClosesAt", "11am"),
            new("Input.Costs[0].Amount", "0"), new("Input.Contacts[0].Name", "Ruth Okafor"), new("Input.Contacts[0].Phone", "01922 650 321"),
        };

        // "Add other days and times" redraws the form with a second set of fields and everything typed, saving nothing.
        var added = await HtmlAsync(await PostFromAsync(editor, "/directory/services/new", token, version, [.. typed, new("change", "add-schedule")]));
        Assert.Contains("name=\"Input.Schedules[1].OpensAt\"", added, StringComparison.Ordinal);
        Assert.Contains("value=\"01922 650 321\"", added, StringComparison.Ordinal);
        Assert.Contains("Remove<span class=\"govuk-visually-hidden\"> days and times 2</span>", added, StringComparison.Ordinal);
        Assert.False(await QueryAsync(db => db.DirectoryServices.AnyAsync(s => s.Name == $"Baby massage {suffix}")));

        // A mistake in the second entry of a list is named as such, and nothing is saved.
        typed.AddRange([new("Input.Schedules[1].Days", "TH"), new("Input.Schedules[1].OpensAt", "1pm"), new("Input.Schedules[1].ClosesAt", "noon"),
            new("Input.Costs[1].Amount", "3.50"), new("Input.Costs[1].Description", "for the oil"), new("Input.Contacts[1].Name", "Sam Lee"), new("Input.Contacts[1].Phone", "ring us")]);
        var refused = await HtmlAsync(await PostFromAsync(editor, "/directory/services/new", Token().Match(added).Groups[1].Value, "", typed));
        Assert.Contains("href=\"#Input-Schedules-1-ClosesAt\">Closing time (days and times 2) must be a time, like 9:30am or 14:00</a>", refused, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input-Contacts-1-Phone\">Enter a phone number, like 01632 960 001 or 07700 900 982 (contact 2)</a>", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"for the oil\"", refused, StringComparison.Ordinal);
        Assert.False(await QueryAsync(db => db.DirectoryServices.AnyAsync(s => s.Name == $"Baby massage {suffix}")));

        typed = [.. typed.Where(f => f.Key is not ("Input.Schedules[1].ClosesAt" or "Input.Contacts[1].Phone")), new("Input.Schedules[1].ClosesAt", "2:30pm"), new("Input.Contacts[1].Phone", "07700 900 982")];
        Assert.Equal(HttpStatusCode.Redirect, (await PostFromAsync(editor, "/directory/services/new", Token().Match(refused).Groups[1].Value, "", typed)).StatusCode);
        var id = await QueryAsync(db => db.DirectoryServices.Where(s => s.Name == $"Baby massage {suffix}").Select(s => s.Id).SingleAsync());
        using var family = site.Client();
        var shown = await family.GetAsync($"/services/{id}");
        var page = await HtmlAsync(shown);
        Assert.True(shown.StatusCode == HttpStatusCode.OK, $"{shown.StatusCode} {page}");
        Assert.Contains("Monday, 10am to 11am", page, StringComparison.Ordinal);
        Assert.Contains("Thursday, 1pm to 2:30pm", page, StringComparison.Ordinal);
        Assert.Contains("Phone: 01922 650 321", page, StringComparison.Ordinal);
        Assert.Contains("Phone: 07700 900 982", page, StringComparison.Ordinal);
        Assert.Contains("£3.50 (for the oil)", page, StringComparison.Ordinal);
        var api = JsonNode.Parse(await family.GetStringAsync($"/api/openreferral/services/{id}"))!;
        Assert.Equal(2, api["schedules"]!.AsArray().Count);
        Assert.Equal(2, api["cost_options"]!.AsArray().Count);
        Assert.Equal(2, api["contacts"]!.AsArray().Count);

        // The form shows every entry; removing the first cost and contact keeps the others, with their ids.
        var path = $"/directory/services/{id}";
        var form = await HtmlAsync(await editor.GetAsync(path));
        Assert.Contains("value=\"Sam Lee\"", form, StringComparison.Ordinal);
        var stored = await QueryAsync(db => db.DirectoryServices.Include(s => s.CostOptions).Include(s => s.Contacts).SingleAsync(s => s.Id == id));
        var keptCost = stored.CostOptions.Single(c => c.Amount == 3.50m);
        var keptContact = stored.Contacts.Single(c => c.Name == "Sam Lee");
        var schedules = await QueryAsync(db => db.Set<EarlyHelp.Core.ServiceDirectory.ServiceSchedule>().Where(x => x.ServiceId == id).OrderBy(x => x.Id).ToListAsync());
        var costs = stored.CostOptions.OrderBy(c => c.Id).ToList();
        var contacts = stored.Contacts.OrderBy(c => c.Id).ToList();
        List<KeyValuePair<string, string>> Edit(IEnumerable<EarlyHelp.Core.ServiceDirectory.ServiceCostOption> withCosts, IEnumerable<EarlyHelp.Core.ServiceDirectory.ServiceContact> withContacts) =>
        [
            new("Input.OrganisationId", organisationId.ToString()), new("Input.Name", $"Baby massage {suffix}"), new("Input.Description", "Gentle massage for babies."), new("Input.Status", "active"),
            .. schedules.SelectMany((x, i) => new KeyValuePair<string, string>[] { new($"Input.Schedules[{i}].Id", x.Id.ToString()), new($"Input.Schedules[{i}].Days", x.ByDay!), new($"Input.Schedules[{i}].OpensAt", $"{x.OpensAt:HH:mm}"), new($"Input.Schedules[{i}].ClosesAt", $"{x.ClosesAt:HH:mm}") }),
            .. withCosts.SelectMany((x, i) => new KeyValuePair<string, string>[] { new($"Input.Costs[{i}].Id", x.Id.ToString()), new($"Input.Costs[{i}].Amount", $"{x.Amount}"), new($"Input.Costs[{i}].Description", x.AmountDescription ?? "") }),
            .. withContacts.SelectMany((x, i) => new KeyValuePair<string, string>[] { new($"Input.Contacts[{i}].Id", x.Id.ToString()), new($"Input.Contacts[{i}].Name", x.Name!), new($"Input.Contacts[{i}].Phone", x.Phone!) }),
        ];
        var removeCost = await HtmlAsync(await PostFromAsync(editor, path, Token().Match(form).Groups[1].Value, Version().Match(form).Groups[1].Value,
            [.. Edit(costs, contacts), new("change", $"remove-cost-{costs.IndexOf(costs.Single(c => c != keptCost))}")]));
        Assert.DoesNotContain("name=\"Input.Costs[1].Amount\"", removeCost, StringComparison.Ordinal);
        Assert.Contains($"name=\"Input.Costs[0].Id\" value=\"{keptCost.Id}\"", removeCost, StringComparison.Ordinal);
        Assert.Contains("value=\"Sam Lee\"", removeCost, StringComparison.Ordinal);
        Assert.Equal(2, await QueryAsync(db => db.Set<EarlyHelp.Core.ServiceDirectory.ServiceCostOption>().CountAsync(x => x.ServiceId == id)));
        Assert.Equal(HttpStatusCode.Redirect, (await PostFromAsync(editor, path, Token().Match(removeCost).Groups[1].Value, Version().Match(removeCost).Groups[1].Value, Edit([keptCost], [keptContact]))).StatusCode);
        stored = await QueryAsync(db => db.DirectoryServices.Include(s => s.Schedules).Include(s => s.CostOptions).Include(s => s.Contacts).SingleAsync(s => s.Id == id));
        Assert.Equal(keptCost.Id, Assert.Single(stored.CostOptions).Id);
        Assert.Equal(keptContact.Id, Assert.Single(stored.Contacts).Id);
        Assert.Equal(2, stored.Schedules.Count);
    }

    [Fact]
    public async Task Renaming_an_organisation_does_not_make_an_open_form_for_one_of_its_services_stale()
    {
        var editor = await site.SignedInAsync("directory");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(editor, "/directory/organisations/new", [new("Input.Name", $"Elm Trust {suffix}"), new("Input.Description", "A charity.")])).StatusCode);
        var organisationId = await QueryAsync(db => db.DirectoryOrganisations.Where(o => o.Name == $"Elm Trust {suffix}").Select(o => o.Id).SingleAsync());
        KeyValuePair<string, string>[] Service(string description) =>
            [new("Input.OrganisationId", organisationId.ToString()), new("Input.Name", $"Baby massage {suffix}"), new("Input.Description", description), new("Input.Status", "active")];
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(editor, "/directory/services/new", Service("Sessions for parents and babies."))).StatusCode);
        var serviceId = await QueryAsync(db => db.DirectoryServices.Where(s => s.Name == $"Baby massage {suffix}").Select(s => s.Id).SingleAsync());
        var service = $"/directory/services/{serviceId}";
        var (serviceToken, serviceVersion) = await FormAsync(editor, service);

        // The organisation is renamed, which rewrites its services' search text: not an edit of the service.
        var organisation = $"/directory/organisations/{organisationId}";
        var (token, version) = await FormAsync(editor, organisation);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFromAsync(editor, organisation, token, version, [new("Input.Name", $"Elm Family Trust {suffix}"), new("Input.Description", "A charity.")])).StatusCode);
        Assert.Contains("elm family trust", await QueryAsync(db => db.DirectoryServices.Where(s => s.Id == serviceId).Select(s => s.SearchText).SingleAsync()), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PostFromAsync(editor, service, serviceToken, serviceVersion, Service("Sessions for parents and babies under one."))).StatusCode);
        Assert.Equal("Sessions for parents and babies under one.", await QueryAsync(db => db.DirectoryServices.Where(s => s.Id == serviceId).Select(s => s.Description).SingleAsync()));
    }

    [Fact]
    public async Task Of_two_editors_saving_an_organisation_or_a_place_at_once_the_second_is_told()
    {
        var first = await site.SignedInAsync("directory");
        var second = await site.SignedInAsync("directory");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(first, "/directory/organisations/new", [new("Input.Name", $"Oak Trust {suffix}"), new("Input.Description", "A charity.")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(first, "/directory/locations/new",
            [new("Input.Name", $"Oak Centre {suffix}"), new("Input.IsFamilyHub", "no"), new("Input.AddressLine1", "2 Oak Lane"), new("Input.Town", "Walsall"), new("Input.Postcode", "WS2 8AA")])).StatusCode);
        var (organisationId, locationId) = await QueryAsync(async db => (
            (await db.DirectoryOrganisations.SingleAsync(o => o.Name == $"Oak Trust {suffix}")).Id,
            (await db.DirectoryLocations.SingleAsync(l => l.Name == $"Oak Centre {suffix}")).Id));

        var organisation = $"/directory/organisations/{organisationId}";
        var (t1, v1) = await FormAsync(first, organisation);
        var (t2, v2) = await FormAsync(second, organisation);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFromAsync(first, organisation, t1, v1, [new("Input.Name", $"Oak Trust {suffix}"), new("Input.Description", "A charity for young carers.")])).StatusCode);
        var html = await HtmlAsync(await PostFromAsync(second, organisation, t2, v2, [new("Input.Name", $"Oak Trust {suffix}"), new("Input.Description", "A charity for families."), new("Input.Email", "help@oak.example.org")]));
        Assert.Contains("Someone else changed this organisation while you were editing it", html, StringComparison.Ordinal);
        Assert.Contains("A charity for young carers.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"help@oak.example.org\"", html, StringComparison.Ordinal);
        Assert.Equal("A charity for young carers.", await QueryAsync(db => db.DirectoryOrganisations.Where(o => o.Id == organisationId).Select(o => o.Description).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await PostFromAsync(second, organisation, Token().Match(html).Groups[1].Value, Version().Match(html).Groups[1].Value,
            [new("Input.Name", $"Oak Trust {suffix}"), new("Input.Description", "A charity for families.")])).StatusCode);
        Assert.Equal("A charity for families.", await QueryAsync(db => db.DirectoryOrganisations.Where(o => o.Id == organisationId).Select(o => o.Description).SingleAsync()));

        var place = $"/directory/locations/{locationId}";
        (t1, v1) = await FormAsync(first, place);
        (t2, v2) = await FormAsync(second, place);
        KeyValuePair<string, string>[] Place(string line1) =>
            [new("Input.Name", $"Oak Centre {suffix}"), new("Input.IsFamilyHub", "no"), new("Input.AddressLine1", line1), new("Input.Town", "Walsall"), new("Input.Postcode", "WS2 8AA")];
        Assert.Equal(HttpStatusCode.Redirect, (await PostFromAsync(first, place, t1, v1, Place("4 Oak Lane"))).StatusCode);
        html = await HtmlAsync(await PostFromAsync(second, place, t2, v2, Place("6 Oak Lane")));
        Assert.Contains("Someone else changed this place while you were editing it", html, StringComparison.Ordinal);
        Assert.Contains("4 Oak Lane, Walsall, WS2 8AA", html, StringComparison.Ordinal);
        Assert.Contains("value=\"6 Oak Lane\"", html, StringComparison.Ordinal);
        Assert.Equal("4 Oak Lane", await QueryAsync(db => db.DirectoryLocations.Where(l => l.Id == locationId).Select(l => l.AddressLine1).SingleAsync()));

        // A form without the version it was opened on is refused rather than saved blindly.
        var blind = await first.PostAsync(place, new FormUrlEncodedContent([.. Place("8 Oak Lane"), new("__RequestVerificationToken", (await FormAsync(first, place)).Token)]));
        Assert.Contains("The form is out of date: open the place again", await HtmlAsync(blind), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_directory_editors_may_edit()
    {
        var practitioner = await site.SignedInAsync("north.practitioner");
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync("/directory")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync("/directory/services/new")).StatusCode);
        using var anonymous = site.Client();
        var response = await anonymous.GetAsync("/directory/import");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);

        var editor = await site.SignedInAsync("directory");
        var home = await HtmlAsync(await editor.GetAsync("/directory"));
        Assert.True(int.Parse(Regex.Match(home, "Services \\(([0-9]+)\\)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 60, home);
        Assert.Contains("Walsall Central Family Hub</a> (family hub)", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_adds_an_organisation_a_place_and_a_service_that_families_then_find()
    {
        var editor = await site.SignedInAsync("directory");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var organisation = await PostAsync(editor, "/directory/organisations/new", [new("Input.Name", $"Riverside Trust {suffix}"), new("Input.Description", "A local charity."), new("Input.Website", "https://riverside.example.org.uk")]);
        Assert.Equal(HttpStatusCode.Redirect, organisation.StatusCode);
        var place = await PostAsync(editor, "/directory/locations/new", [new("Input.Name", $"Pelsall Family Hub {suffix}"), new("Input.IsFamilyHub", "yes"), new("Input.AddressLine1", "1 Norton Road"), new("Input.Town", "Walsall"), new("Input.Postcode", "ws3 4aa")]);
        Assert.Equal(HttpStatusCode.Redirect, place.StatusCode);
        var (organisationId, locationId, latitude) = await QueryAsync(async db => (
            (await db.DirectoryOrganisations.SingleAsync(o => o.Name == $"Riverside Trust {suffix}")).Id,
            (await db.DirectoryLocations.SingleAsync(l => l.Name == $"Pelsall Family Hub {suffix}")).Id,
            (await db.DirectoryLocations.SingleAsync(l => l.Name == $"Pelsall Family Hub {suffix}")).Latitude));
        Assert.NotNull(latitude);

        var saved = await PostAsync(editor, "/directory/services/new",
        [
            new("Input.OrganisationId", organisationId.ToString()), new("Input.Name", $"Kinship carers group {suffix}"), new("Input.Description", "A monthly group for grandparents and other kinship carers."),
            new("Input.Status", "active"), new("Input.MinimumAge", "18"), new("Input.Needs", "REL-CARER"), new("Input.Needs", "REL-PARENTING"),
            new("Input.LocationIds", locationId.ToString()), new("Input.Schedules[0].Days", "WE"), new("Input.Schedules[0].OpensAt", "10am"), new("Input.Schedules[0].ClosesAt", "12:30"),
            new("Input.Costs[0].Amount", "0"), new("Input.Costs[0].Description", "Free"), new("Input.Contacts[0].Name", "Amira Shah"), new("Input.Contacts[0].Phone", "01922 650 000"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var family = site.Client();
        var found = await HtmlAsync(await family.GetAsync($"/services?need=REL-CARER&q={suffix}&postcode=WS3"));
        Assert.Contains($"Kinship carers group {suffix}", found, StringComparison.Ordinal);
        Assert.Contains("Family hub", found, StringComparison.Ordinal);
        var id = await QueryAsync(db => db.DirectoryServices.Where(s => s.Name == $"Kinship carers group {suffix}").Select(s => s.Id).SingleAsync());
        var page = await HtmlAsync(await family.GetAsync($"/services/{id}"));
        Assert.Contains("Wednesday, 10am to 12:30pm", page, StringComparison.Ordinal);
        Assert.Contains("Phone: 01922 650 000", page, StringComparison.Ordinal);
        var api = await family.GetStringAsync($"/api/openreferral/services/{id}");
        Assert.Empty(await OpenReferralSchemas.ProblemsAsync("/services/{id}", api));
        Assert.Equal("10:00:00", JsonNode.Parse(api)!["schedules"]![0]!["opens_at"]!.GetValue<string>());

        // Not running: hidden from families' search, still the editor's to change.
        var form = await HtmlAsync(await editor.GetAsync($"/directory/services/{id}"));
        Assert.Contains("value=\"REL-CARER\" checked=\"checked\"", form, StringComparison.Ordinal);
        var paused = await PostAsync(editor, $"/directory/services/{id}",
        [
            new("Input.OrganisationId", organisationId.ToString()), new("Input.Name", $"Kinship carers group {suffix}"), new("Input.Description", "Paused for the summer."),
            new("Input.Status", "inactive"), new("Input.Needs", "REL-CARER"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, paused.StatusCode);
        Assert.DoesNotContain($"Kinship carers group {suffix}", await HtmlAsync(await family.GetAsync($"/services?q={suffix}")), StringComparison.Ordinal);
        var stored = await QueryAsync(db => db.DirectoryServices.Include(s => s.Schedules).Include(s => s.Locations).SingleAsync(s => s.Id == id));
        Assert.Empty(stored.Schedules);
        Assert.Empty(stored.Locations);
    }

    [Fact]
    public async Task A_service_with_mistakes_is_refused_saying_what_is_wrong_and_keeping_what_was_typed()
    {
        var editor = await site.SignedInAsync("directory");
        var response = await PostAsync(editor, "/directory/services/new",
        [
            new("Input.Name", ""), new("Input.Description", "Drop in for a chat."), new("Input.MinimumAge", "twelve"), new("Input.MaximumAge", "3"),
            new("Input.Schedules[0].OpensAt", "noonish"), new("Input.Schedules[0].ClosesAt", "9am"), new("Input.Costs[0].Amount", "a fiver"), new("Input.Url", "www.example"),
            new("Input.Email", "someone@"), new("Input.Contacts[0].Phone", "call us"), new("Input.Needs", "NOT-A-NEED"),
        ]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await HtmlAsync(response);
        Assert.Contains("<title>Error: Add a service", html, StringComparison.Ordinal);
        string[] messages =
        [
            "Select the organisation that provides the service", "Enter the service's name", "Select whether the service is running",
            "Youngest age must be a whole number of years, like 5", "Select needs from the list", "Opening time must be a time, like 9:30am or 14:00",
            "Select the days the service runs, or leave the times blank", "Cost must be an amount in pounds, like 0, 5 or 2.50",
            "Website must be a full web address, like https://www.example.org.uk", "Enter an email address in the correct format, like name@example.org.uk",
            "Enter a phone number, like 01632 960 001 or 07700 900 982",
        ];
        foreach (var message in messages)
        {
            Assert.Contains($"\">{message}</a>", html, StringComparison.Ordinal);
        }

        Assert.Contains("value=\"twelve\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"noonish\"", html, StringComparison.Ordinal);
        Assert.Contains("Drop in for a chat.", html, StringComparison.Ordinal);
        Assert.False(await QueryAsync(db => db.DirectoryServices.AnyAsync(s => s.Description == "Drop in for a chat.")));

        var times = await HtmlAsync(await PostAsync(editor, "/directory/services/new", [new("Input.Schedules[0].Days", "MO"), new("Input.Schedules[0].OpensAt", "2pm"), new("Input.Schedules[0].ClosesAt", "9am"), new("Input.MinimumAge", "10"), new("Input.MaximumAge", "3")]));
        Assert.Contains("Closing time must be after the opening time", times, StringComparison.Ordinal);
        Assert.Contains("Oldest age must be the same as or more than the youngest age", times, StringComparison.Ordinal);

        var place = await HtmlAsync(await PostAsync(editor, "/directory/locations/new", [new("Input.Postcode", "ZZ99 9ZZ")]));
        Assert.Contains("Enter the name of the place", place, StringComparison.Ordinal);
        Assert.Contains("Select yes if the place is a family hub", place, StringComparison.Ordinal);
        Assert.Contains("We do not know where postcode district ZZ99 is: check the postcode", place, StringComparison.Ordinal);
        var organisation = await HtmlAsync(await PostAsync(editor, "/directory/organisations/new", [new("Input.Name", "Walsall Council"), new("Input.Email", "nobody")]));
        Assert.Contains("There is already an organisation called Walsall Council", organisation, StringComparison.Ordinal);
        Assert.Contains("Enter what the organisation does", organisation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_uploads_a_feed_and_sees_every_problem_of_a_broken_one()
    {
        var editor = await site.SignedInAsync("directory");
        async Task<string> UploadAsync(string json)
        {
            var page = await editor.GetStringAsync("/directory/import");
            using var form = new MultipartFormDataContent
            {
                { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" },
                { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(json)), "Feed", "feed.json" },
            };
            return await HtmlAsync(await editor.PostAsync("/directory/import", form));
        }

        var example = await File.ReadAllTextAsync(Path.Combine(OpenReferralSchemas.Examples, "service_list.json"));
        var text = example.Replace("ac148810-d857-441c-9679-408f346de14b", Guid.NewGuid().ToString(), StringComparison.Ordinal);
        Assert.Contains("feed.json imported. 1 services read: 1 added, 0 changed, 0 unchanged", await UploadAsync(text), StringComparison.Ordinal);
        Assert.Contains("1 services read: 0 added, 0 changed, 1 unchanged", await UploadAsync(text), StringComparison.Ordinal);

        var broken = JsonNode.Parse(text)!;
        broken["contents"]![0]!["url"] = "example dot com";
        var refused = await UploadAsync(broken.ToJsonString());
        Assert.Contains("The selected file has a problem: nothing was imported", refused, StringComparison.Ordinal);
        Assert.Contains("url: must be a web address starting http:// or https://, not \"example dot com\"", refused, StringComparison.Ordinal);
        Assert.Contains("Select an Open Referral UK feed (a .json file) to import", await UploadAsync(""), StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"Input.Version\" value=\"([^\"]*)\"")]
    private static partial Regex Version();

}

public sealed class SqliteDirectoryEditorTests(SqliteDirectorySite site) : DirectoryEditorTests<SqliteDirectorySite>(site);

public sealed class PostgresDirectoryEditorTests(PostgresDirectorySite site) : DirectoryEditorTests<PostgresDirectorySite>(site);
