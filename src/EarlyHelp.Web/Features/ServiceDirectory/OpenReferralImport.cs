using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EarlyHelp.Core.ServiceDirectory;
using EarlyHelp.Data;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.ServiceDirectory;

/// <summary>What an import did, or why it did nothing.</summary>
public sealed record ImportResult(int Added, int Changed, int Unchanged, IReadOnlyList<FeedProblem> Problems, IReadOnlyList<FeedProblem> Warnings)
{
    public bool Succeeded => Problems.Count == 0;

    public string Summary => Succeeded
        ? $"{Added + Changed + Unchanged} services read: {Added} added, {Changed} changed, {Unchanged} unchanged"
        : $"Nothing was imported: the feed has {Problems.Count} {(Problems.Count == 1 ? "problem" : "problems")}";
}

/// <summary>
/// Imports another publisher's Open Referral UK feed into the directory, all or nothing: a feed with any invalid
/// record changes nothing, and every problem is reported at once so the publisher can fix them together. Records
/// are keyed by their ORUK ids, so importing the same feed again changes nothing; a record that changed is
/// updated in place, and a list a record leaves out (a list-form service has no schedules) keeps what is stored.
/// </summary>
public sealed class OpenReferralImport(EarlyHelpDbContext db, TimeProvider clock)
{
    /// <summary>At most this many pages are followed from a URL, so a feed that never ends cannot run forever.</summary>
    public const int MaximumPages = 500;

    public static FeedContents ReadBytes(byte[] json)
    {
        var feed = new FeedContents();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            feed.Problems.Add(new("the file", "", $"is not valid JSON: {e.Message}"));
            return feed;
        }

        var records = OpenReferralFeed.Records(root, out var problem);
        if (problem is not null)
        {
            feed.Problems.Add(new("the file", "", problem));
            return feed;
        }

        OpenReferralFeed.Read(records, feed);
        return feed;
    }

    /// <summary>A feed from a URL, following its pages (page=2, 3 ...) while the feed says there are more.</summary>
    public static async Task<FeedContents> ReadUrlAsync(Uri url, HttpClient http, CancellationToken cancel = default)
    {
        var feed = new FeedContents();
        var read = 0;
        for (var page = 1; page <= MaximumPages; page++)
        {
            var address = page == 1 ? url : new UriBuilder(url) { Query = Query(url, page) }.Uri;
            JsonNode? root;
            try
            {
                using var response = await http.GetAsync(address, cancel);
                if (!response.IsSuccessStatusCode)
                {
                    feed.Problems.Add(new(address.ToString(), "", $"answered {(int)response.StatusCode} {response.ReasonPhrase}"));
                    return feed;
                }

                root = JsonNode.Parse(await response.Content.ReadAsByteArrayAsync(cancel));
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException)
            {
                feed.Problems.Add(new(address.ToString(), "", $"could not be read: {e.Message}"));
                return feed;
            }

            var records = OpenReferralFeed.Records(root, out var problem);
            if (problem is not null)
            {
                feed.Problems.Add(new(address.ToString(), "", problem));
                return feed;
            }

            OpenReferralFeed.Read(records, feed, read + 1);
            read += records.Count;
            if (root is not JsonObject paged || paged["contents"] is null || paged["last_page"]?.GetValueKind() == JsonValueKind.True
                || records.Count == 0 || (paged["total_pages"] is JsonValue pages && pages.TryGetValue<int>(out var total) && page >= total))
            {
                break;
            }
        }

        return feed;
    }

    private static string Query(Uri url, int page)
    {
        var parts = url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("page=", StringComparison.Ordinal)).ToList();
        parts.Add($"page={page}");
        return string.Join("&", parts);
    }

    public async Task<ImportResult> ImportAsync(FeedContents feed, CancellationToken cancel = default)
    {
        var problems = new List<FeedProblem>(feed.Problems);
        foreach (var (record, field, kind, id) in feed.References)
        {
            var known = kind switch
            {
                "organisation" => feed.Organisations.ContainsKey(id) || await db.DirectoryOrganisations.AnyAsync(o => o.Id == id, cancel),
                "location" => feed.Locations.ContainsKey(id) || await db.DirectoryLocations.AnyAsync(l => l.Id == id, cancel),
                _ => feed.Terms.ContainsKey(id) || await db.DirectoryTaxonomyTerms.AnyAsync(t => t.Id == id, cancel),
            };
            if (!known)
            {
                problems.Add(new(record, field, $"names {kind} {id}, which is neither in the feed nor in the directory"));
            }
        }

        if (problems.Count > 0)
        {
            return new(0, 0, 0, problems, feed.Warnings);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        await UpsertAsync(db.DirectoryTaxonomyTerms, feed.Terms.Values, (a, b) => a.Name == b.Name && a.Description == b.Description && a.Code == b.Code && a.ParentId == b.ParentId && a.TaxonomyId == b.TaxonomyId, cancel);
        await UpsertAsync(db.DirectoryOrganisations, feed.Organisations.Values, (a, b) => a.Name == b.Name && a.Description == b.Description && a.Email == b.Email && a.Website == b.Website, cancel);
        await UpsertAsync(db.DirectoryLocations, feed.Locations.Values, (a, b) => a.Name == b.Name && a.Description == b.Description && a.LocationType == b.LocationType
            && a.AddressLine1 == b.AddressLine1 && a.Town == b.Town && a.Postcode == b.Postcode && a.Latitude == b.Latitude && a.Longitude == b.Longitude, cancel);
        await db.SaveChangesAsync(cancel);

        var organisationNames = await db.DirectoryOrganisations.AsNoTracking().Where(o => feed.Services.Select(s => s.OrganisationId).Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancel);
        int added = 0, changed = 0, unchanged = 0;
        foreach (var incoming in feed.Services)
        {
            var lists = feed.ListsGiven[incoming.Id];
            incoming.RefreshSearchText(organisationNames.GetValueOrDefault(incoming.OrganisationId, ""));
            var stored = await db.DirectoryServices
                .Include(s => s.Schedules).Include(s => s.Locations).Include(s => s.CostOptions).Include(s => s.Contacts).Include(s => s.Terms)
                .AsSplitQuery()
                .SingleOrDefaultAsync(s => s.Id == incoming.Id, cancel);
            var modifiedGiven = incoming.LastModified != default;
            if (stored is null)
            {
                incoming.LastModified = modifiedGiven ? incoming.LastModified : now;
                db.DirectoryServices.Add(incoming);
                added++;
                continue;
            }

            if (!modifiedGiven)
            {
                incoming.LastModified = stored.LastModified;
            }

            if (Fingerprint(stored, lists) == Fingerprint(incoming, lists))
            {
                unchanged++;
                continue;
            }

            changed++;
            stored.OrganisationId = incoming.OrganisationId;
            stored.Name = incoming.Name;
            stored.Description = incoming.Description;
            stored.Url = incoming.Url;
            stored.Email = incoming.Email;
            stored.Status = incoming.Status;
            stored.Fees = incoming.Fees;
            stored.MinimumAge = incoming.MinimumAge;
            stored.MaximumAge = incoming.MaximumAge;
            stored.SearchText = incoming.SearchText;
            stored.LastModified = modifiedGiven ? incoming.LastModified : now;
            if (lists.Contains("schedules"))
            {
                Sync(stored.Schedules, incoming.Schedules, x => x.Id);
            }

            if (lists.Contains("service_at_locations"))
            {
                Sync(stored.Locations, incoming.Locations, x => x.Id);
            }

            if (lists.Contains("cost_options"))
            {
                Sync(stored.CostOptions, incoming.CostOptions, x => x.Id);
            }

            if (lists.Contains("contacts"))
            {
                Sync(stored.Contacts, incoming.Contacts, x => x.Id);
            }

            if (lists.Contains("attributes"))
            {
                Sync(stored.Terms, incoming.Terms, x => x.Id);
            }
        }

        await db.SaveChangesAsync(cancel);
        await transaction.CommitAsync(cancel);
        db.ChangeTracker.Clear();
        return new(added, changed, unchanged, [], feed.Warnings);
    }

    private void Sync<T>(List<T> stored, List<T> incoming, Func<T, Guid> key)
        where T : class
    {
        var wanted = incoming.ToDictionary(key);
        foreach (var old in stored.ToList())
        {
            if (wanted.Remove(key(old), out var replacement))
            {
                db.Entry(old).CurrentValues.SetValues(replacement);
            }
            else
            {
                stored.Remove(old);
                db.Remove(old);
            }
        }

        stored.AddRange(wanted.Values);
    }

    private static async Task UpsertAsync<T>(DbSet<T> set, IEnumerable<T> records, Func<T, T, bool> same, CancellationToken cancel)
        where T : class
    {
        foreach (var record in records)
        {
            var id = (Guid)set.Entry(record).Property("Id").CurrentValue!;
            var stored = await set.FindAsync([id], cancel);
            if (stored is null)
            {
                set.Add(record);
            }
            else if (!same(stored, record))
            {
                // Keep what the feed cannot say: whether a location is one of the council's family hubs.
                var hub = stored is DirectoryLocation { IsFamilyHub: true };
                set.Entry(stored).CurrentValues.SetValues(record);
                if (hub && stored is DirectoryLocation location)
                {
                    location.IsFamilyHub = true;
                }
            }
        }
    }

    /// <summary>A service's fields and the given lists' records in a canonical order, to tell whether an import changes it.</summary>
    private static string Fingerprint(DirectoryService s, HashSet<string> lists)
    {
        var text = new StringBuilder();
        void Add(params object?[] values)
        {
            foreach (var v in values)
            {
                text.Append(v switch { double d => d.ToString("R", CultureInfo.InvariantCulture), decimal m => m.ToString("0.00", CultureInfo.InvariantCulture), IFormattable f => f.ToString(null, CultureInfo.InvariantCulture), _ => v }).Append('\u001f');
            }

            text.Append('\u001e');
        }

        Add(s.OrganisationId, s.Name, s.Description, s.Url, s.Email, s.Status, s.Fees, s.MinimumAge, s.MaximumAge, s.LastModified.ToUniversalTime().ToUnixTimeSeconds());
        if (lists.Contains("schedules"))
        {
            s.Schedules.OrderBy(x => x.Id).ToList().ForEach(x => Add("schedule", x.Id, x.ByDay, x.OpensAt, x.ClosesAt, x.Description));
        }

        if (lists.Contains("service_at_locations"))
        {
            s.Locations.OrderBy(x => x.Id).ToList().ForEach(x => Add("at", x.Id, x.LocationId));
        }

        if (lists.Contains("cost_options"))
        {
            s.CostOptions.OrderBy(x => x.Id).ToList().ForEach(x => Add("cost", x.Id, x.Option, x.Amount, x.AmountDescription));
        }

        if (lists.Contains("contacts"))
        {
            s.Contacts.OrderBy(x => x.Id).ToList().ForEach(x => Add("contact", x.Id, x.Name, x.Title, x.Email, x.Phone));
        }

        if (lists.Contains("attributes"))
        {
            s.Terms.OrderBy(x => x.Id).ToList().ForEach(x => Add("term", x.Id, x.TaxonomyTermId));
        }

        return text.ToString();
    }
}
