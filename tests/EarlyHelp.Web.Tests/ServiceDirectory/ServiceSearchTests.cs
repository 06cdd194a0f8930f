using System.Net;
using System.Text.RegularExpressions;
using EarlyHelp.Web.Tests.Casework;

namespace EarlyHelp.Web.Tests.ServiceDirectory;

/// <summary>The public search page and a service's page over HTTP, without signing in, on each database.</summary>
public abstract partial class ServiceSearchTests<TSite>(TSite site) : IClassFixture<TSite>
    where TSite : CaseworkSite
{
    private async Task<(HttpStatusCode Status, string Html)> PageAsync(string path)
    {
        using var client = site.Client();
        var response = await client.GetAsync(path);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private static List<string> Names(string html) => [.. ResultName().Matches(html).Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task Anyone_can_search_by_need_and_age_without_signing_in()
    {
        var (status, html) = await PageAsync("/services?need=FIN-DEBT");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Find support for your family", html, StringComparison.Ordinal);
        var names = Names(html);
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.Matches("^(Debt and money advice|Family support drop-in)", n));

        // A headline outcome finds the services for any of its needs.
        (_, html) = await PageAsync("/services?need=early-years");
        Assert.Contains(Names(html), n => n.StartsWith("Stay and play", StringComparison.Ordinal));
        Assert.Contains(Names(html), n => n.StartsWith("Health visiting clinic", StringComparison.Ordinal));

        // Adults' talking therapies are not for a 7-year-old; a stay and play is not for a 12-year-old.
        (_, html) = await PageAsync("/services?need=HLT-ADULT-MH&age=7");
        Assert.Contains("0 services", html, StringComparison.Ordinal);
        (_, html) = await PageAsync("/services?need=HLT-ADULT-MH&age=30");
        Assert.NotEmpty(Names(html));
        (_, html) = await PageAsync("/services?q=stay+play&age=12");
        Assert.Contains("0 services", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Near_a_postcode_the_nearest_come_first_with_their_distance()
    {
        var (_, html) = await PageAsync("/services?postcode=ws1+1aa&within=3");
        Assert.Contains("near WS1", html, StringComparison.Ordinal);
        var miles = DistanceText().Matches(html).Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(miles);
        Assert.Equal(miles.Order(), miles);
        Assert.All(miles, m => Assert.True(m <= 3.05, $"{m} miles"));

        var (_, district) = await PageAsync("/services?postcode=WS1");
        Assert.Contains("60 services near WS1", district, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("WS9")]
    [InlineData("TR1")]
    public async Task Every_page_continues_nearest_first(string postcode)
    {
        // Near WS9 the first pages come from the small circles; from Truro every service is over 200 km away.
        var miles = new List<double>();
        for (var page = 1; page <= 6; page++)
        {
            var (_, html) = await PageAsync($"/services?postcode={postcode}&page={page}");
            miles.AddRange(DistanceText().Matches(html).Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal(60, miles.Count);
        Assert.Equal(miles.Order(), miles);
    }

    [Fact]
    public async Task Results_come_in_pages_that_keep_the_search()
    {
        var (_, first) = await PageAsync("/services?q=&postcode=WS3");
        Assert.Contains("60 services", first, StringComparison.Ordinal);
        Assert.Equal(10, Names(first).Count);
        Assert.Contains("href=\"/services?q=&postcode=WS3&page=2\"", first, StringComparison.Ordinal);
        var (_, second) = await PageAsync("/services?q=&postcode=WS3&page=2");
        Assert.Equal(10, Names(second).Count);
        Assert.Empty(Names(first).Intersect(Names(second)));
    }

    [Fact]
    public async Task Bad_filters_say_what_is_wrong_and_keep_what_was_typed()
    {
        var (status, html) = await PageAsync("/services?need=NOT-A-NEED&age=seven&postcode=XX99+9XX&q=debt");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<title>Error: Find support for your family", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#need\">Select what you need help with from the list</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#age\">Age must be a whole number of years, like 7</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#postcode\">We do not know where postcode district XX99 is: check the postcode</a>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"seven\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"debt\"", html, StringComparison.Ordinal);

        (_, html) = await PageAsync("/services?within=5");
        Assert.Contains("Enter a postcode to search within a distance of it", html, StringComparison.Ordinal);
        (_, html) = await PageAsync("/services?postcode=hello");
        Assert.Contains("Enter a real postcode, like WS1 1AA, or a postcode district, like WS1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_page_says_where_when_what_it_costs_and_whom_to_contact()
    {
        var (_, list) = await PageAsync("/services?q=debt+money");
        var link = ServiceLink().Match(list);
        Assert.True(link.Success);
        var (status, html) = await PageAsync(link.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Debt and money advice", html, StringComparison.Ordinal);
        Assert.Contains("Ages 18 and over", html, StringComparison.Ordinal);
        Assert.Matches("(Monday|Tuesday|Wednesday|Thursday|Friday), [0-9]+(am|pm) to [0-9]+pm", html);
        Assert.Contains("Free", html, StringComparison.Ordinal);
        Assert.Contains("Phone: 01922 ", html, StringComparison.Ordinal);
        Assert.Contains("Family requires support with finances and/or has unmanageable debt", html, StringComparison.Ordinal);

        var (missing, _) = await PageAsync($"/services/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [GeneratedRegex("<h3 class=\"govuk-heading-s govuk-!-margin-bottom-1\"><a class=\"govuk-link\" href=\"/services/[0-9a-f-]+\">([^<]+)</a>")]
    private static partial Regex ResultName();

    [GeneratedRegex("<span class=\"distance\">· ([0-9.]+) miles away</span>")]
    private static partial Regex DistanceText();

    [GeneratedRegex("href=\"(/services/[0-9a-f-]{36})\"")]
    private static partial Regex ServiceLink();
}

public sealed class SqliteServiceSearchTests(SqliteDirectorySite site) : ServiceSearchTests<SqliteDirectorySite>(site);

public sealed class PostgresServiceSearchTests(PostgresDirectorySite site) : ServiceSearchTests<PostgresDirectorySite>(site);
