using EarlyHelp.Core.ServiceDirectory;
using EarlyHelp.Data;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.ServiceDirectory;

/// <summary>What a search of the directory asks for; every part is optional.</summary>
public sealed record DirectoryQuery
{
    /// <summary>Words that must all appear in the service's name, description or organisation.</summary>
    public string? Text { get; init; }

    /// <summary>Headline outcome or need codes: a service classified by any of them matches.</summary>
    public IReadOnlyCollection<string> TermCodes { get; init; } = [];

    public Guid? TaxonomyTermId { get; init; }

    public Guid? TaxonomyId { get; init; }

    /// <summary>Services for someone of these ages: the service's age range overlaps the youngest to the oldest.</summary>
    public int? YoungestAge { get; init; }

    public int? OldestAge { get; init; }

    /// <summary>ORUK's minimum_age: services whose minimum age is at least this.</summary>
    public int? MinimumAgeAtLeast { get; init; }

    /// <summary>ORUK's maximum_age: services whose maximum age is at most this.</summary>
    public int? MaximumAgeAtMost { get; init; }

    /// <summary>ORUK's day: a schedule on this iCalendar day ("MO").</summary>
    public string? Day { get; init; }

    public TimeOnly? OpensAtOrAfter { get; init; }

    public TimeOnly? ClosesAtOrBefore { get; init; }

    /// <summary>Order by distance from here, nearest location first; services with no location come last.</summary>
    public Point? Near { get; init; }

    /// <summary>Only services with a location within this distance of <see cref="Near"/>.</summary>
    public double? WithinKilometres { get; init; }

    public int Page { get; init; } = 1;

    public int PerPage { get; init; } = 10;
}

/// <summary>One service found, with its nearest location and how far it is when the search was near a place.</summary>
public sealed record DirectoryHit(DirectoryService Service, DirectoryLocation? NearestLocation, double? Kilometres);

public sealed record DirectoryResults(IReadOnlyList<DirectoryHit> Hits, int Total, int Page, int PerPage)
{
    public int Pages => Math.Max(1, (Total + PerPage - 1) / PerPage);
}

/// <summary>
/// Searches active services: the public search page, the Family Plan's suggestions, the Open Referral API and the
/// benchmark all use this one query. Filters and the distance order run in the database (plain arithmetic on
/// latitude and longitude, see <see cref="Distance"/>), so a page of results costs one query and one load.
/// </summary>
public sealed class DirectorySearch(EarlyHelpDbContext db)
{
    public IQueryable<DirectoryService> Filter(DirectoryQuery query)
    {
        var services = db.DirectoryServices.AsNoTracking().Where(s => s.Status == ServiceStatus.Active);
        foreach (var word in Words(query.Text))
        {
            services = services.Where(s => s.SearchText.Contains(word));
        }

        if (query.TermCodes.Count > 0)
        {
            // The terms' ids first (a handful, by the code index), so the (term, service) index finds the services.
            var codes = query.TermCodes.ToList();
            var termIds = db.DirectoryTaxonomyTerms.Where(t => codes.Contains(t.Code)).Select(t => t.Id);
            services = services.Where(s => s.Terms.Any(t => termIds.Contains(t.TaxonomyTermId)));
        }

        if (query.TaxonomyTermId is { } termId)
        {
            services = services.Where(s => s.Terms.Any(t => t.TaxonomyTermId == termId));
        }

        if (query.TaxonomyId is { } taxonomyId)
        {
            services = services.Where(s => s.Terms.Any(t => t.Term!.TaxonomyId == taxonomyId));
        }

        if (query.OldestAge is { } oldest)
        {
            services = services.Where(s => s.MinimumAge == null || s.MinimumAge <= oldest);
        }

        if (query.YoungestAge is { } youngest)
        {
            services = services.Where(s => s.MaximumAge == null || s.MaximumAge >= youngest);
        }

        if (query.MinimumAgeAtLeast is { } minimum)
        {
            services = services.Where(s => s.MinimumAge >= minimum);
        }

        if (query.MaximumAgeAtMost is { } maximum)
        {
            services = services.Where(s => s.MaximumAge <= maximum);
        }

        if (query.Day is { Length: > 0 } day)
        {
            services = services.Where(s => db.ServiceSchedules.Any(x => x.ServiceId == s.Id && x.ByDay != null && x.ByDay.Contains(day)));
        }

        if (query.OpensAtOrAfter is { } opens)
        {
            services = services.Where(s => db.ServiceSchedules.Any(x => x.ServiceId == s.Id && x.OpensAt >= opens));
        }

        if (query.ClosesAtOrBefore is { } closes)
        {
            services = services.Where(s => db.ServiceSchedules.Any(x => x.ServiceId == s.Id && x.ClosesAt <= closes));
        }

        return services;
    }

    public async Task<DirectoryResults> SearchAsync(DirectoryQuery query, CancellationToken cancel = default)
    {
        var perPage = Math.Clamp(query.PerPage, 1, 200);
        var page = Math.Max(1, query.Page);
        var services = Filter(query);
        List<(Guid Id, double? SquaredDegrees)> ids;
        int total;
        if (query.Near is { } near)
        {
            total = query.WithinKilometres is { } within ? await Within(services, near, within).CountAsync(cancel) : await services.CountAsync(cancel);

            // Nearest first without measuring every service: look in widening circles (using the locations'
            // latitude index) until one holds this page, since every service outside a circle is further than every
            // service inside it. A circle holds the page when the page comes back full, or reaches the last result.
            // Only the last, widest step measures them all.
            ids = [];
            var skip = (page - 1) * perPage;
            foreach (var radius in Radii.Append(double.PositiveInfinity))
            {
                var bounded = query.WithinKilometres is { } limit && radius >= limit;
                var candidates = bounded ? Within(services, near, query.WithinKilometres!.Value)
                    : double.IsPositiveInfinity(radius) ? services
                    : Within(services, near, radius);
                ids = await NearestAsync(candidates, near, skip, perPage, cancel);
                if (bounded || double.IsPositiveInfinity(radius) || ids.Count == perPage || skip + ids.Count >= total)
                {
                    break;
                }
            }
        }
        else
        {
            total = await services.CountAsync(cancel);
            var rows = await services.OrderBy(s => s.Name).ThenBy(s => s.Id).Skip((page - 1) * perPage).Take(perPage).Select(s => s.Id).ToListAsync(cancel);
            ids = [.. rows.Select(id => (id, (double?)null))];
        }

        var loaded = await LoadAsync([.. ids.Select(i => i.Id)], everything: false, cancel);
        var hits = ids.Where(i => loaded.ContainsKey(i.Id)).Select(i =>
        {
            var service = loaded[i.Id];
            if (query.Near is not { } near)
            {
                return new DirectoryHit(service, service.Locations.Select(l => l.Location).FirstOrDefault(l => l?.IsFamilyHub == true) ?? service.Locations.Select(l => l.Location).FirstOrDefault(), null);
            }

            var nearest = service.Locations
                .Select(l => l.Location!)
                .Where(l => l.Latitude is not null && l.Longitude is not null)
                .Select(l => (Location: l, Kilometres: Distance.Kilometres(near, new Point(l.Latitude!.Value, l.Longitude!.Value))))
                .OrderBy(l => l.Kilometres)
                .FirstOrDefault();
            return new DirectoryHit(service, nearest.Location, nearest.Location is null ? null : nearest.Kilometres);
        }).ToList();
        return new DirectoryResults(hits, total, page, perPage);
    }

    /// <summary>A page of services by the distance of their nearest location, with its squared distance in degrees.</summary>
    private static async Task<List<(Guid Id, double? SquaredDegrees)>> NearestAsync(IQueryable<DirectoryService> candidates, Point near, int skip, int take, CancellationToken cancel)
    {
        var lat = near.Latitude;
        var lon = near.Longitude;
        var scale = Distance.LongitudeScale(lat);
        var rows = await candidates
            .Select(s => new
            {
                s.Id,
                s.Name,

                // dx² + dy² in degrees, longitude scaled at the search point's latitude: plain arithmetic both
                // databases run; the nearest of a service's locations decides its place.
                Squared = s.Locations
                    .Where(l => l.Location!.Latitude != null && l.Location.Longitude != null)
                    .Min(l => (double?)(((l.Location!.Latitude!.Value - lat) * (l.Location.Latitude.Value - lat))
                        + ((l.Location.Longitude!.Value - lon) * scale * (l.Location.Longitude.Value - lon) * scale))),
            })
            .OrderBy(m => m.Squared == null)
            .ThenBy(m => m.Squared)
            .ThenBy(m => m.Name)
            .ThenBy(m => m.Id)
            .Skip(skip)
            .Take(take)
            .ToListAsync(cancel);
        return [.. rows.Select(r => (r.Id, r.Squared))];
    }

    /// <summary>The widening circles a nearest-first search looks in, in kilometres.</summary>
    private static readonly double[] Radii = [3, 12, 50, 200];

    /// <summary>Services with a location within a distance: a latitude and longitude box the index can find, then the circle.</summary>
    private static IQueryable<DirectoryService> Within(IQueryable<DirectoryService> services, Point near, double kilometres)
    {
        var lat = near.Latitude;
        var lon = near.Longitude;
        var scale = Distance.LongitudeScale(lat);
        var dLat = kilometres / Distance.KilometresPerDegree;
        var dLon = dLat / Math.Max(scale, 0.01);
        var (south, north, west, east) = (lat - dLat, lat + dLat, lon - dLon, lon + dLon);
        var limit = Distance.SquaredDegrees(kilometres);
        return services.Where(s => s.Locations.Any(l =>
            l.Location!.Latitude >= south && l.Location.Latitude <= north && l.Location.Longitude >= west && l.Location.Longitude <= east
            && ((l.Location.Latitude!.Value - lat) * (l.Location.Latitude.Value - lat)) + ((l.Location.Longitude!.Value - lon) * scale * (l.Location.Longitude.Value - lon) * scale) <= limit));
    }

    /// <summary>Services with everything a results page or an API response shows of them, by id.</summary>
    public Task<Dictionary<Guid, DirectoryService>> LoadAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancel = default) =>
        LoadAsync(ids, everything: true, cancel);

    /// <param name="everything">Schedules, costs and contacts too, as a service's page and the API's full service show; a list of results needs only the organisation, places and terms.</param>
    public async Task<Dictionary<Guid, DirectoryService>> LoadAsync(IReadOnlyCollection<Guid> ids, bool everything, CancellationToken cancel = default)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var list = ids.ToList();
        var services = db.DirectoryServices.AsNoTracking()
            .Where(s => list.Contains(s.Id))
            .Include(s => s.Organisation)
            .Include(s => s.Locations).ThenInclude(l => l.Location)
            .Include(s => s.Terms).ThenInclude(t => t.Term);
        var loaded = everything
            ? await services.Include(s => s.Schedules).Include(s => s.CostOptions).Include(s => s.Contacts).AsSplitQuery().ToListAsync(cancel)
            : await services.AsSingleQuery().ToListAsync(cancel); // a page of results has a place or two and a few terms each: one round trip
        return loaded.ToDictionary(s => s.Id);
    }

    public static IReadOnlyList<string> Words(string? text) =>
        [.. (text ?? "").ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(w => w.Length > 0).Distinct().Take(10)];
}
