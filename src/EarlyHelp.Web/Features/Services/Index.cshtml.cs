using System.Globalization;
using EarlyHelp.Core.Frameworks;
using EarlyHelp.Core.ServiceDirectory;
using EarlyHelp.Web.Features.ServiceDirectory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Web.Features.Services;

/// <summary>
/// The public, needs-led search of the Families Information Service (seed 003): what a family needs help with,
/// for what age, words, and how near a postcode. Open to everyone without signing in; a GET form, so it works
/// without JavaScript and every search has an address that can be shared.
/// </summary>
public sealed class IndexModel(DirectorySearch search, Engine engine, IConfiguration configuration) : PageModel
{
    public const int PerPage = 10;

    [BindProperty(SupportsGet = true, Name = "need")]
    public string? Need { get; set; }

    [BindProperty(SupportsGet = true, Name = "age")]
    public string? Age { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Words { get; set; }

    [BindProperty(SupportsGet = true, Name = "postcode")]
    public string? Postcode { get; set; }

    [BindProperty(SupportsGet = true, Name = "within")]
    public string? Within { get; set; }

    /// <summary>From the query's "page", read by hand: model binding would take Razor Pages' own "page" route value.</summary>
    public int PageNumber { get; private set; } = 1;

    public Framework Framework { get; private set; } = null!;

    public DirectoryResults? Results { get; private set; }

    public string? District { get; private set; }

    public bool Searched { get; private set; }

    public static IReadOnlyList<(string Value, string Text)> Distances { get; } =
        [("", "Any distance"), ("1", "Within 1 mile"), ("3", "Within 3 miles"), ("5", "Within 5 miles"), ("10", "Within 10 miles"), ("20", "Within 20 miles")];

    public async Task OnGetAsync()
    {
        Framework = DirectoryFramework(engine, configuration);
        Searched = Request.Query.Count > 0;
        PageNumber = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : 1;
        var query = new DirectoryQuery { Text = Words, Page = Math.Max(1, PageNumber), PerPage = PerPage };
        if (!string.IsNullOrEmpty(Need))
        {
            if (Framework.HeadlinesByCode.TryGetValue(Need, out var headline))
            {
                query = query with { TermCodes = [headline.Code, .. headline.Needs.Select(n => n.Code)] };
            }
            else if (Framework.Needs.ContainsKey(Need))
            {
                query = query with { TermCodes = [Need] };
            }
            else
            {
                ModelState.AddModelError("need", "Select what you need help with from the list");
            }
        }

        if (!string.IsNullOrWhiteSpace(Age))
        {
            if (int.TryParse(Age.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years <= 120)
            {
                query = query with { YoungestAge = years, OldestAge = years };
            }
            else
            {
                ModelState.AddModelError("age", "Age must be a whole number of years, like 7");
            }
        }

        if (!string.IsNullOrWhiteSpace(Postcode))
        {
            if (PostcodeDistricts.TryLocate(Postcode, out var district, out var centroid, out var problem))
            {
                District = district;
                query = query with { Near = centroid };
            }
            else
            {
                ModelState.AddModelError("postcode", problem!);
            }
        }

        if (!string.IsNullOrEmpty(Within))
        {
            if (!Distances.Any(d => d.Value == Within))
            {
                ModelState.AddModelError("within", "Select a distance from the list");
            }
            else if (string.IsNullOrWhiteSpace(Postcode))
            {
                ModelState.AddModelError("postcode", "Enter a postcode to search within a distance of it");
            }
            else if (query.Near is not null)
            {
                query = query with { WithinKilometres = double.Parse(Within, CultureInfo.InvariantCulture) * Distance.MetresPerMile / 1000 };
            }
        }

        if (ModelState.IsValid)
        {
            Results = await search.SearchAsync(query, HttpContext.RequestAborted);
        }
    }

    /// <summary>The framework whose headline outcomes and needs the directory is searched by (EarlyHelp:Directory:Framework).</summary>
    public static Framework DirectoryFramework(Engine engine, IConfiguration configuration) =>
        engine.Frameworks.TryGet(configuration["EarlyHelp:Directory:Framework"] ?? "national-2022", out var chosen) ? chosen : engine.Frameworks.All[0];

    /// <summary>This search's address with another page number, for the pagination links.</summary>
    public string PageLink(int page)
    {
        var parts = Request.Query.Where(q => q.Key != "page").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}").ToList();
        parts.Add($"page={page}");
        return "/services?" + string.Join("&", parts);
    }

    public string? ErrorFor(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
