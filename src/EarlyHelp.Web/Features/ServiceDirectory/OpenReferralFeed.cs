using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using System.Text.Json.Nodes;
using EarlyHelp.Core.ServiceDirectory;

namespace EarlyHelp.Web.Features.ServiceDirectory;

/// <summary>A problem with one record of a feed: which record, which field, and why.</summary>
public sealed record FeedProblem(string Record, string Field, string Message)
{
    public override string ToString() => Field.Length == 0 ? $"{Record}: {Message}" : $"{Record}: {Field}: {Message}";
}

/// <summary>What a feed holds once read: services with their organisations, locations and taxonomy terms.</summary>
public sealed class FeedContents
{
    public List<DirectoryService> Services { get; } = [];

    /// <summary>The child lists each service's record gave (a list left out of a record leaves the stored one as it is).</summary>
    public Dictionary<Guid, HashSet<string>> ListsGiven { get; } = [];

    public Dictionary<Guid, DirectoryOrganisation> Organisations { get; } = [];

    public Dictionary<Guid, DirectoryLocation> Locations { get; } = [];

    public Dictionary<Guid, DirectoryTaxonomyTerm> Terms { get; } = [];

    /// <summary>Ids the feed refers to without describing: they must already be in the directory.</summary>
    public List<(string Record, string Field, string Kind, Guid Id)> References { get; } = [];

    public List<FeedProblem> Problems { get; } = [];

    public List<FeedProblem> Warnings { get; } = [];
}

/// <summary>
/// Reads another publisher's Open Referral UK feed: a page of services (<c>{"contents": [...]}</c>), one service,
/// or a JSON array of them, in the list or the fully nested form. Every problem is collected, each naming the
/// record (its position and id), the field (as a JSON path inside the record) and what is wrong.
/// </summary>
public static class OpenReferralFeed
{
    public static IReadOnlyList<JsonObject> Records(JsonNode? root, out string? problem)
    {
        problem = null;
        switch (root)
        {
            case JsonObject page when page["contents"] is JsonArray contents:
                return [.. contents.Select(x => x as JsonObject ?? [])];
            case JsonObject single when single.ContainsKey("id"):
                return [single];
            case JsonArray array:
                return [.. array.Select(x => x as JsonObject ?? [])];
            default:
                problem = "the file is not an Open Referral feed: expected a page of services (an object with \"contents\"), a service, or an array of services";
                return [];
        }
    }

    public static void Read(IReadOnlyList<JsonObject> records, FeedContents into, int startAt = 1)
    {
        var seen = into.Services.ToDictionary(s => s.Id, s => s.Name);
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var label = $"service {startAt + i}" + (record["id"] is JsonValue v && v.TryGetValue<string>(out var rid) ? $" (id {rid})" : "");
            var reader = new RecordReader(label, into);
            var service = reader.Service(record);
            if (service is null)
            {
                continue;
            }

            if (!seen.TryAdd(service.Id, service.Name))
            {
                into.Problems.Add(new(label, "id", "appears more than once in the feed"));
                continue;
            }

            into.Services.Add(service);
        }
    }

    private sealed class RecordReader(string label, FeedContents feed)
    {
        private int problems;

        private void Problem(string field, string message)
        {
            problems++;
            feed.Problems.Add(new(label, field, message));
        }

        public DirectoryService? Service(JsonObject o)
        {
            var before = problems;
            var id = Id(o, "id", required: true);
            var name = Text(o, "name", 200, required: true);
            var status = Text(o, "status", 20, required: true);
            if (status is not null && !ServiceStatus.All.Contains(status))
            {
                Problem("status", $"must be one of {string.Join(", ", ServiceStatus.All.Select(s => $"\"{s}\""))}, not \"{status}\"");
            }

            var service = new DirectoryService
            {
                Name = name ?? "",
                Status = status ?? ServiceStatus.Active,
                Description = Text(o, "description", 4000),
                Url = Uri(o, "url"),
                Email = Email(o, "email"),
                Fees = Text(o, "fees", 1000),
                MinimumAge = Age(o, "minimum_age"),
                MaximumAge = Age(o, "maximum_age"),
            };
            if (service.MinimumAge is { } min && service.MaximumAge is { } max && min > max)
            {
                Problem("maximum_age", $"must not be below minimum_age ({max} is below {min})");
            }

            if (Text(o, "last_modified", 40) is { } modified)
            {
                if (DateTimeOffset.TryParse(modified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                {
                    service.LastModified = at.ToUniversalTime();
                }
                else
                {
                    Problem("last_modified", $"must be a date and time, like 2025-03-15T10:30:00Z, not \"{modified}\"");
                }
            }

            var organisationId = Id(o, "organization_id");
            if (o["organization"] is JsonObject organisation)
            {
                if (Organisation(organisation) is { } org)
                {
                    if (organisationId is { } stated && stated != org.Id)
                    {
                        Problem("organization_id", $"is {stated} but organization.id is {org.Id}");
                    }

                    organisationId = org.Id;
                }
            }
            else if (organisationId is { } reference)
            {
                if (!feed.Organisations.ContainsKey(reference))
                {
                    feed.References.Add((label, "organization_id", "organisation", reference));
                }
            }
            else
            {
                Problem("organization_id", "is missing: each service must name the organisation that provides it (organization or organization_id)");
            }

            service.OrganisationId = organisationId ?? Guid.Empty;
            var given = new HashSet<string>();
            Each(o, "schedules", given, (x, path) =>
            {
                var schedule = new ServiceSchedule { Id = Id(x, "id", required: true, path) ?? Guid.Empty, Description = Text(x, "description", 1000, path: path) };
                if (Text(x, "byday", 40, path: path) is { } byday)
                {
                    var days = byday.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(d => d.ToUpperInvariant()).ToList();
                    var wrong = days.Where(d => !OpenReferralApi.Days.Any(k => k.Code == d)).ToList();
                    if (wrong.Count > 0)
                    {
                        Problem($"{path}.byday", $"must be days as MO, TU, WE, TH, FR, SA, SU separated by commas, not \"{byday}\"");
                    }

                    schedule.ByDay = string.Join(",", days);
                }

                schedule.OpensAt = Time(x, "opens_at", path);
                schedule.ClosesAt = Time(x, "closes_at", path);
                service.Schedules.Add(schedule);
            });
            Each(o, "service_at_locations", given, (x, path) =>
            {
                var link = new ServiceAtLocation { Id = Id(x, "id", required: true, path) ?? Guid.Empty };
                if (x["location"] is JsonObject location)
                {
                    if (Location(location, $"{path}.location") is { } place)
                    {
                        link.LocationId = place.Id;
                    }
                }
                else if (Id(x, "location_id", required: true, path) is { } locationId)
                {
                    link.LocationId = locationId;
                    if (!feed.Locations.ContainsKey(locationId))
                    {
                        feed.References.Add((label, $"{path}.location_id", "location", locationId));
                    }
                }

                service.Locations.Add(link);
            });
            Each(o, "cost_options", given, (x, path) =>
            {
                var cost = new ServiceCostOption { Id = Id(x, "id", required: true, path) ?? Guid.Empty, Option = Text(x, "option", 500, path: path), AmountDescription = Text(x, "amount_description", 500, path: path) };
                if (x["amount"] is { } amount)
                {
                    if (amount is JsonValue value && value.TryGetValue<decimal>(out var pounds) && pounds >= 0 && pounds < 100_000_000)
                    {
                        cost.Amount = pounds;
                    }
                    else
                    {
                        Problem($"{path}.amount", $"must be an amount, 0 or more, not {amount.ToJsonString()}");
                    }
                }

                service.CostOptions.Add(cost);
            });
            Each(o, "contacts", given, (x, path) =>
            {
                var contact = new ServiceContact { Id = Id(x, "id", required: true, path) ?? Guid.Empty, Name = Text(x, "name", 200, path: path), Title = Text(x, "title", 200, path: path), Email = Email(x, "email", path) };
                if (x["phones"] is JsonArray { Count: > 0 } phones && phones[0] is JsonObject phone)
                {
                    contact.Phone = Text(phone, "number", 40, path: $"{path}.phones[0]");
                }

                service.Contacts.Add(contact);
            });
            Each(o, "attributes", given, (x, path) =>
            {
                Guid? termId;
                if (x["taxonomy_term"] is JsonObject term)
                {
                    termId = Term(term, $"{path}.taxonomy_term")?.Id;
                }
                else
                {
                    termId = Id(x, "taxonomy_term_id", required: true, path);
                    if (termId is { } reference && !feed.Terms.ContainsKey(reference))
                    {
                        feed.References.Add((label, $"{path}.taxonomy_term_id", "taxonomy term", reference));
                    }
                }

                if (termId is { } t && service.Terms.All(existing => existing.TaxonomyTermId != t))
                {
                    service.Terms.Add(new ServiceTaxonomyTerm { Id = Id(x, "id", required: true, path) ?? Guid.Empty, TaxonomyTermId = t });
                }
            });

            if (problems > before || id is null)
            {
                return null;
            }

            service.Id = id.Value;
            foreach (var child in service.Schedules.Cast<object>().Concat(service.Locations).Concat(service.CostOptions).Concat(service.Contacts).Concat(service.Terms))
            {
                switch (child)
                {
                    case ServiceSchedule s: s.ServiceId = service.Id; break;
                    case ServiceAtLocation l: l.ServiceId = service.Id; break;
                    case ServiceCostOption c: c.ServiceId = service.Id; break;
                    case ServiceContact c: c.ServiceId = service.Id; break;
                    case ServiceTaxonomyTerm t: t.ServiceId = service.Id; break;
                }
            }

            feed.ListsGiven[service.Id] = given;
            return service;
        }

        private DirectoryOrganisation? Organisation(JsonObject o)
        {
            const string path = "organization";
            var id = Id(o, "id", required: true, path);
            var organisation = new DirectoryOrganisation
            {
                Name = Text(o, "name", 200, required: true, path) ?? "",
                Description = Text(o, "description", 4000, required: true, path) ?? "",
                Email = Email(o, "email", path),
                Website = Uri(o, "website", path),
            };
            if (id is not { } known)
            {
                return null;
            }

            organisation.Id = known;
            feed.Organisations.TryAdd(known, organisation);
            return organisation;
        }

        private DirectoryLocation? Location(JsonObject o, string path)
        {
            var id = Id(o, "id", required: true, path);
            var location = new DirectoryLocation
            {
                Name = Text(o, "name", 200, path: path) ?? "",
                Description = Text(o, "description", 4000, path: path),
                LocationType = Text(o, "location_type", 20, required: true, path) ?? "physical",
            };
            if (o["addresses"] is JsonArray { Count: > 0 } addresses && addresses[0] is JsonObject address)
            {
                location.AddressLine1 = Text(address, "address_1", 200, path: $"{path}.addresses[0]");
                location.Town = Text(address, "city", 100, path: $"{path}.addresses[0]");
                location.Postcode = Text(address, "postal_code", 10, path: $"{path}.addresses[0]");
            }

            if (location.Name.Length == 0)
            {
                location.Name = location.AddressLine1 ?? "Unnamed location";
            }

            location.IsFamilyHub = location.Name.Contains("family hub", StringComparison.OrdinalIgnoreCase);
            var latitude = Number(o, "latitude", path);
            var longitude = Number(o, "longitude", path);
            if (latitude is { } lat && longitude is { } lon)
            {
                if (lat is < -90 or > 90 || lon is < -180 or > 180)
                {
                    feed.Warnings.Add(new(label, $"{path}.latitude", $"({lat}, {lon}) is not a place on the earth: the location is kept without coordinates"));
                }
                else
                {
                    (location.Latitude, location.Longitude) = (lat, lon);
                }
            }

            // No usable coordinates but a UK postcode: its district's centroid places it near enough for "near you".
            if (location.Latitude is null && PostcodeDistricts.TryLocate(location.Postcode, out _, out var centroid, out _))
            {
                (location.Latitude, location.Longitude) = (centroid.Latitude, centroid.Longitude);
            }

            if (id is not { } known)
            {
                return null;
            }

            location.Id = known;
            feed.Locations.TryAdd(known, location);
            return location;
        }

        private DirectoryTaxonomyTerm? Term(JsonObject o, string path)
        {
            var id = Id(o, "id", required: true, path);
            var name = Text(o, "name", 300, required: true, path);
            var term = new DirectoryTaxonomyTerm
            {
                Name = name ?? "",
                Description = Text(o, "description", 4000, path: path) ?? name ?? "",
                Code = Text(o, "term", 100, path: path) ?? Truncate(name ?? "", 100),
                ParentId = Id(o, "parent_id", path: path),
                TaxonomyId = Id(o, "taxonomy_id", path: path),
            };
            if (id is not { } known)
            {
                return null;
            }

            term.Id = known;
            feed.Terms.TryAdd(known, term);
            return term;
        }

        private void Each(JsonObject o, string name, HashSet<string> given, Action<JsonObject, string> read)
        {
            switch (o[name])
            {
                case null:
                    return;
                case JsonArray array:
                    given.Add(name);
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (array[i] is JsonObject item)
                        {
                            read(item, $"{name}[{i}]");
                        }
                        else
                        {
                            Problem($"{name}[{i}]", "must be an object");
                        }
                    }

                    return;
                default:
                    Problem(name, "must be a list (a JSON array)");
                    return;
            }
        }

        private string? Text(JsonObject o, string name, int maxLength, bool required = false, string? path = null)
        {
            var field = path is null ? name : $"{path}.{name}";
            switch (o[name])
            {
                case null:
                    if (required)
                    {
                        Problem(field, "is missing");
                    }

                    return null;
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    var text = value.GetValue<string>().Trim();
                    if (text.Length == 0)
                    {
                        if (required)
                        {
                            Problem(field, "is empty");
                        }

                        return null;
                    }

                    if (text.Length > maxLength)
                    {
                        Problem(field, $"must be {maxLength:N0} characters or fewer (it has {text.Length:N0})");
                        return null;
                    }

                    return text;
                case var other:
                    Problem(field, $"must be text, not {other.ToJsonString()}");
                    return null;
            }
        }

        private Guid? Id(JsonObject o, string name, bool required = false, string? path = null)
        {
            var field = path is null ? name : $"{path}.{name}";
            var text = Text(o, name, 100, required, path);
            if (text is null)
            {
                return null;
            }

            if (Guid.TryParseExact(text, "D", out var id))
            {
                return id;
            }

            Problem(field, $"must be a UUID, like 3f7b145d-84af-42d7-8fae-eaca714b02b2, not \"{text}\"");
            return null;
        }

        private string? Uri(JsonObject o, string name, string? path = null)
        {
            var text = Text(o, name, 500, path: path);
            if (text is not null && !(System.Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                Problem(path is null ? name : $"{path}.{name}", $"must be a web address starting http:// or https://, not \"{text}\"");
                return null;
            }

            return text;
        }

        private string? Email(JsonObject o, string name, string? path = null)
        {
            var text = Text(o, name, 200, path: path);
            if (text is not null && !(MailAddress.TryCreate(text, out var address) && address.Address == text))
            {
                Problem(path is null ? name : $"{path}.{name}", $"must be an email address, like name@example.org, not \"{text}\"");
                return null;
            }

            return text;
        }

        private double? Number(JsonObject o, string name, string path)
        {
            switch (o[name])
            {
                case null:
                    return null;
                case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                    return value.GetValue<double>();
                case var other:
                    Problem($"{path}.{name}", $"must be a number, not {other.ToJsonString()}");
                    return null;
            }
        }

        private int? Age(JsonObject o, string name)
        {
            switch (o[name])
            {
                case null:
                    return null;
                case JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.GetValue<double>() is var years && years >= 0 && years <= 130 && years == Math.Floor(years):
                    return (int)years;
                case var other:
                    Problem(name, $"must be a whole number of years from 0 to 130, not {other.ToJsonString()}");
                    return null;
            }
        }

        private TimeOnly? Time(JsonObject o, string name, string path)
        {
            var text = Text(o, name, 20, path: path);
            if (text is null)
            {
                return null;
            }

            if (TimeOnly.TryParseExact(text, ["HH:mm:ss", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                return time;
            }

            Problem($"{path}.{name}", $"must be a time of day, like 09:30:00, not \"{text}\"");
            return null;
        }

        private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
    }
}
