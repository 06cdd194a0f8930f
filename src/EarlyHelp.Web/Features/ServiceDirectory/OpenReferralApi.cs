using System.Globalization;
using System.Text.Json.Nodes;
using EarlyHelp.Core.ServiceDirectory;
using EarlyHelp.Data;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.ServiceDirectory;

/// <summary>
/// The directory as an Open Referral UK API (the GET endpoints of the UK profile's openapi.json), under
/// <c>/api/openreferral</c>: open without a key, <c>Access-Control-Allow-Origin: *</c> on every response, paged
/// with <c>page</c> and <c>per_page</c>. A parameter that cannot be read is a 400 problem naming it.
/// </summary>
public static class OpenReferralApi
{
    public const string Root = "/api/openreferral";

    public const int DefaultPerPage = 50;

    public const int MaximumPerPage = 200;

    public static void MapOpenReferralApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Root).AllowAnonymous().WithTags("Open Referral UK");
        api.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.AccessControlAllowOrigin = "*";
            return await next(context);
        });

        api.MapGet("/", (HttpContext http) => Results.Json(new JsonObject
        {
            ["version"] = OpenReferralJson.Version,
            ["profile"] = OpenReferralJson.Profile,
            ["openapi_url"] = OpenReferralJson.OpenApiUrl,
        })).WithSummary("About this Open Referral UK API");

        api.MapGet("/services", async (HttpContext http, DirectorySearch search) =>
        {
            if (!TryRead(http, out var query, out var problem, allowPlace: true))
            {
                return problem!;
            }

            var results = await search.SearchAsync(query, http.RequestAborted);
            return Results.Json(OpenReferralJson.Page(results.Hits.Select(h => (JsonNode)OpenReferralJson.ServiceSummary(h.Service)), results.Total, results.Page, results.PerPage));
        }).WithSummary("Services, paged, with search, taxonomy, age and schedule filters");

        api.MapGet("/services/{id}", async (string id, DirectorySearch search, HttpContext http) =>
        {
            if (!Guid.TryParse(id, out var guid))
            {
                return NotFound("service", id);
            }

            var found = await search.LoadAsync([guid], http.RequestAborted);
            return found.TryGetValue(guid, out var service) ? Results.Json(OpenReferralJson.ServiceFull(service)) : NotFound("service", id);
        }).WithSummary("A service with everything about it");

        api.MapGet("/service_at_locations", async (HttpContext http, EarlyHelpDbContext db, DirectorySearch search) =>
        {
            if (!TryRead(http, out var query, out var problem, allowPlace: true))
            {
                return problem!;
            }

            var serviceIds = search.Filter(query with { Near = null, WithinKilometres = null }).Select(s => s.Id);
            var rows = db.ServiceAtLocations.AsNoTracking().Where(x => serviceIds.Contains(x.ServiceId));
            IOrderedQueryable<ServiceAtLocation> ordered;
            if (query.Near is { } near)
            {
                var lat = near.Latitude;
                var lon = near.Longitude;
                var scale = Distance.LongitudeScale(lat);
                rows = rows.Where(x => x.Location!.Latitude != null && x.Location.Longitude != null);
                if (query.WithinKilometres is { } within)
                {
                    var limit = Distance.SquaredDegrees(within);
                    rows = rows.Where(x => ((x.Location!.Latitude!.Value - lat) * (x.Location.Latitude.Value - lat))
                        + ((x.Location.Longitude!.Value - lon) * scale * (x.Location.Longitude.Value - lon) * scale) <= limit);
                }

                ordered = rows.OrderBy(x => ((x.Location!.Latitude!.Value - lat) * (x.Location.Latitude.Value - lat))
                    + ((x.Location.Longitude!.Value - lon) * scale * (x.Location.Longitude.Value - lon) * scale));
            }
            else
            {
                ordered = rows.OrderBy(x => x.Service!.Name);
            }

            var total = await rows.CountAsync(http.RequestAborted);
            var page = await ordered.ThenBy(x => x.Id)
                .Skip((query.Page - 1) * query.PerPage).Take(query.PerPage)
                .Include(x => x.Location).Include(x => x.Service).ThenInclude(s => s!.Organisation)
                .ToListAsync(http.RequestAborted);
            return Results.Json(OpenReferralJson.Page(page.Select(x => (JsonNode)OpenReferralJson.ServiceAtLocationSummary(x)), total, query.Page, query.PerPage));
        }).WithSummary("Services at locations, paged, with the services' filters and distance from a postcode (postcode, proximity in metres)");

        api.MapGet("/service_at_locations/{id}", async (string id, EarlyHelpDbContext db, DirectorySearch search, HttpContext http) =>
        {
            // The UK profile answers with the service, fully nested, of the service at location.
            var serviceId = Guid.TryParse(id, out var guid)
                ? await db.ServiceAtLocations.Where(x => x.Id == guid).Select(x => (Guid?)x.ServiceId).SingleOrDefaultAsync(http.RequestAborted)
                : null;
            var found = serviceId is { } sid ? await search.LoadAsync([sid], http.RequestAborted) : [];
            return serviceId is { } s && found.TryGetValue(s, out var service) && service.Status == ServiceStatus.Active
                ? Results.Json(OpenReferralJson.ServiceFull(service))
                : NotFound("service at location", id);
        }).WithSummary("The service at a location, fully nested");

        api.MapGet("/taxonomies", async (HttpContext http, EarlyHelpDbContext db) =>
        {
            if (!TryPaging(http, out var page, out var perPage, out var problem))
            {
                return problem!;
            }

            var total = await db.DirectoryTaxonomies.CountAsync(http.RequestAborted);
            var rows = await db.DirectoryTaxonomies.AsNoTracking().OrderBy(t => t.Name).ThenBy(t => t.Id).Skip((page - 1) * perPage).Take(perPage).ToListAsync(http.RequestAborted);
            return Results.Json(OpenReferralJson.Page(rows.Select(t => (JsonNode)OpenReferralJson.Taxonomy(t)), total, page, perPage));
        }).WithSummary("Taxonomies: each outcome framework, and any an imported feed brought");

        api.MapGet("/taxonomies/{id}", async (string id, EarlyHelpDbContext db, HttpContext http) =>
            Guid.TryParse(id, out var guid) && await db.DirectoryTaxonomies.AsNoTracking().SingleOrDefaultAsync(t => t.Id == guid, http.RequestAborted) is { } taxonomy
                ? Results.Json(OpenReferralJson.Taxonomy(taxonomy))
                : NotFound("taxonomy", id)).WithSummary("A taxonomy");

        api.MapGet("/taxonomy_terms", async (HttpContext http, EarlyHelpDbContext db) =>
        {
            if (!TryPaging(http, out var page, out var perPage, out var problem))
            {
                return problem!;
            }

            var total = await db.DirectoryTaxonomyTerms.CountAsync(http.RequestAborted);
            var rows = await db.DirectoryTaxonomyTerms.AsNoTracking().OrderBy(t => t.TaxonomyId).ThenBy(t => t.Code).ThenBy(t => t.Id).Skip((page - 1) * perPage).Take(perPage).ToListAsync(http.RequestAborted);
            return Results.Json(OpenReferralJson.Page(rows.Select(t => (JsonNode)OpenReferralJson.Term(t)), total, page, perPage));
        }).WithSummary("Taxonomy terms: the frameworks' headline outcomes and needs");

        api.MapGet("/taxonomy_terms/{id}", async (string id, EarlyHelpDbContext db, HttpContext http) =>
            Guid.TryParse(id, out var guid) && await db.DirectoryTaxonomyTerms.AsNoTracking().SingleOrDefaultAsync(t => t.Id == guid, http.RequestAborted) is { } term
                ? Results.Json(OpenReferralJson.Term(term))
                : NotFound("taxonomy term", id)).WithSummary("A taxonomy term");
    }

    private static IResult NotFound(string what, string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no {what} with the id {id}");

    private static IResult BadParameter(string name, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [name] = [message] }, title: $"The parameter {name} is not right");

    private static bool TryPaging(HttpContext http, out int page, out int perPage, out IResult? problem)
    {
        page = 1;
        perPage = DefaultPerPage;
        problem = null;
        var q = http.Request.Query;
        if (q.TryGetValue("page", out var p) && (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            problem = BadParameter("page", $"page must be a whole number, 1 or more, not \"{p}\"");
            return false;
        }

        if (q.TryGetValue("per_page", out var pp) && (!int.TryParse(pp, NumberStyles.None, CultureInfo.InvariantCulture, out perPage) || perPage < 1 || perPage > MaximumPerPage))
        {
            problem = BadParameter("per_page", $"per_page must be a whole number from 1 to {MaximumPerPage}, not \"{pp}\"");
            return false;
        }

        return true;
    }

    /// <summary>Reads the ORUK filter parameters into a query, or says which one is wrong and why.</summary>
    private static bool TryRead(HttpContext http, out DirectoryQuery query, out IResult? problem, bool allowPlace)
    {
        query = new DirectoryQuery();
        if (!TryPaging(http, out var page, out var perPage, out problem))
        {
            return false;
        }

        var q = http.Request.Query;
        query = query with { Page = page, PerPage = perPage, Text = q["search"].ToString() };
        foreach (var name in new[] { "taxonomy_term_id", "taxonomy_id" })
        {
            if (q.TryGetValue(name, out var value) && value.ToString() is { Length: > 0 } text)
            {
                if (!Guid.TryParse(text, out var id))
                {
                    problem = BadParameter(name, $"{name} must be a UUID, not \"{text}\"");
                    return false;
                }

                query = name == "taxonomy_id" ? query with { TaxonomyId = id } : query with { TaxonomyTermId = id };
            }
        }

        foreach (var name in new[] { "minimum_age", "maximum_age" })
        {
            if (q.TryGetValue(name, out var value) && value.ToString() is { Length: > 0 } text)
            {
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var age) || age < 0 || age > 200)
                {
                    problem = BadParameter(name, $"{name} must be an age in years, not \"{text}\"");
                    return false;
                }

                query = name == "minimum_age" ? query with { MinimumAgeAtLeast = (int)Math.Ceiling(age) } : query with { MaximumAgeAtMost = (int)Math.Floor(age) };
            }
        }

        if (q.TryGetValue("day", out var dayValue) && dayValue.ToString() is { Length: > 0 } day)
        {
            var code = day.Trim().ToUpperInvariant();
            if (code.Length > 2 && Days.FirstOrDefault(d => d.Name.StartsWith(code, StringComparison.OrdinalIgnoreCase)) is { Code: { } c })
            {
                code = c;
            }

            if (!Days.Any(d => d.Code == code))
            {
                problem = BadParameter("day", $"day must be a day of the week, as MO, TU, WE, TH, FR, SA or SU, not \"{day}\"");
                return false;
            }

            query = query with { Day = code };
        }

        foreach (var name in new[] { "start_time", "end_time" })
        {
            if (q.TryGetValue(name, out var value) && value.ToString() is { Length: > 0 } text)
            {
                if (!TimeOnly.TryParse(text, CultureInfo.InvariantCulture, out var time))
                {
                    problem = BadParameter(name, $"{name} must be a time of day, like 09:30, not \"{text}\"");
                    return false;
                }

                query = name == "start_time" ? query with { OpensAtOrAfter = time } : query with { ClosesAtOrBefore = time };
            }
        }

        if (allowPlace && q.TryGetValue("postcode", out var postcodeValue) && postcodeValue.ToString() is { Length: > 0 } postcode)
        {
            if (!PostcodeDistricts.TryLocate(postcode, out _, out var centroid, out var why))
            {
                problem = BadParameter("postcode", why!);
                return false;
            }

            query = query with { Near = centroid };
            if (q.TryGetValue("proximity", out var proximityValue) && proximityValue.ToString() is { Length: > 0 } proximity)
            {
                if (!double.TryParse(proximity, NumberStyles.Float, CultureInfo.InvariantCulture, out var metres) || metres <= 0)
                {
                    problem = BadParameter("proximity", $"proximity must be a distance in metres, more than 0, not \"{proximity}\"");
                    return false;
                }

                query = query with { WithinKilometres = metres / 1000 };
            }
        }
        else if (allowPlace && q.ContainsKey("proximity"))
        {
            problem = BadParameter("proximity", "proximity needs a postcode to measure from");
            return false;
        }

        return true;
    }

    public static readonly IReadOnlyList<(string Code, string Name)> Days =
        [("MO", "Monday"), ("TU", "Tuesday"), ("WE", "Wednesday"), ("TH", "Thursday"), ("FR", "Friday"), ("SA", "Saturday"), ("SU", "Sunday")];
}
