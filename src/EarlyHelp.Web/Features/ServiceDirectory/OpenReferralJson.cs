using System.Globalization;
using System.Text.Json.Nodes;
using EarlyHelp.Core.ServiceDirectory;

namespace EarlyHelp.Web.Features.ServiceDirectory;

/// <summary>
/// The directory's records as Open Referral UK (HSDS 3.0, UK profile) JSON, field by field; a field the record
/// does not have is left out rather than sent empty, as the schemas' formats (uuid, uri, email) allow no "".
/// </summary>
public static class OpenReferralJson
{
    public const string Version = "3.0";

    public const string Profile = "https://github.com/openreferral/uk-profile";

    public const string OpenApiUrl = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json";

    public static JsonObject Page(IEnumerable<JsonNode> contents, int total, int page, int perPage)
    {
        var items = new JsonArray([.. contents]);
        var pages = Math.Max(1, (total + perPage - 1) / perPage);
        return new JsonObject
        {
            ["total_items"] = total,
            ["total_pages"] = pages,
            ["page_number"] = page,
            ["size"] = items.Count,
            ["first_page"] = page == 1,
            ["last_page"] = page >= pages,
            ["empty"] = total == 0,
            ["contents"] = items,
        };
    }

    /// <summary>A service with its one-to-one fields and organisation (service_list.json).</summary>
    public static JsonObject ServiceSummary(DirectoryService s)
    {
        var json = new JsonObject
        {
            ["id"] = Id(s.Id),
            ["organization_id"] = Id(s.OrganisationId),
            ["name"] = s.Name,
        };
        Add(json, "description", s.Description);
        Add(json, "url", s.Url);
        Add(json, "email", s.Email);
        json["status"] = s.Status;
        Add(json, "fees", s.Fees);
        if (s.MinimumAge is { } min)
        {
            json["minimum_age"] = min;
        }

        if (s.MaximumAge is { } max)
        {
            json["maximum_age"] = max;
        }

        json["last_modified"] = s.LastModified.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        if (s.Organisation is { } organisation)
        {
            json["organization"] = Organisation(organisation);
        }

        return json;
    }

    /// <summary>A service with everything about it (compiled/service.json).</summary>
    public static JsonObject ServiceFull(DirectoryService s)
    {
        var json = ServiceSummary(s);
        json["schedules"] = new JsonArray([.. s.Schedules.OrderBy(x => x.Id).Select(x => (JsonNode)Schedule(x))]);
        json["service_at_locations"] = new JsonArray([.. s.Locations.OrderBy(x => x.Id).Select(x => (JsonNode)new JsonObject
        {
            ["id"] = Id(x.Id),
            ["service_id"] = Id(x.ServiceId),
            ["location_id"] = Id(x.LocationId),
            ["location"] = Location(x.Location!, full: true),
        })]);
        json["cost_options"] = new JsonArray([.. s.CostOptions.OrderBy(x => x.Id).Select(x => (JsonNode)CostOption(x))]);
        json["contacts"] = new JsonArray([.. s.Contacts.OrderBy(x => x.Id).Select(x => (JsonNode)Contact(x))]);
        json["attributes"] = new JsonArray([.. s.Terms.Where(t => t.Term is not null).OrderBy(x => x.Id).Select(x => (JsonNode)new JsonObject
        {
            ["id"] = Id(x.Id),
            ["link_id"] = Id(x.ServiceId),
            ["taxonomy_term_id"] = Id(x.TaxonomyTermId),
            ["link_type"] = "service",
            ["taxonomy_term"] = Term(x.Term!),
        })]);
        return json;
    }

    /// <summary>A service at a location, one-to-one fields (compiled/service_at_location_list.json).</summary>
    public static JsonObject ServiceAtLocationSummary(ServiceAtLocation x) => new()
    {
        ["id"] = Id(x.Id),
        ["service_id"] = Id(x.ServiceId),
        ["location_id"] = Id(x.LocationId),
        ["location"] = Location(x.Location!, full: false),
        ["service"] = ServiceSummary(x.Service!),
    };

    public static JsonObject Organisation(DirectoryOrganisation o)
    {
        var json = new JsonObject { ["id"] = Id(o.Id), ["name"] = o.Name, ["description"] = o.Description };
        Add(json, "email", o.Email);
        Add(json, "website", o.Website);
        return json;
    }

    public static JsonObject Location(DirectoryLocation l, bool full)
    {
        var json = new JsonObject { ["id"] = Id(l.Id), ["location_type"] = l.LocationType, ["name"] = l.Name };
        Add(json, "description", l.Description);
        if (l.Latitude is { } latitude && l.Longitude is { } longitude)
        {
            json["latitude"] = latitude;
            json["longitude"] = longitude;
        }

        if (full && l.AddressLine1 is not null && l.Town is not null && l.Postcode is not null)
        {
            json["addresses"] = new JsonArray(new JsonObject
            {
                // The address is part of the location here, so it shares the location's id.
                ["id"] = Id(l.Id),
                ["location_id"] = Id(l.Id),
                ["address_1"] = l.AddressLine1,
                ["city"] = l.Town,
                ["state_province"] = "England",
                ["postal_code"] = l.Postcode,
                ["country"] = "GB",
                ["address_type"] = "physical",
            });
        }

        return json;
    }

    public static JsonObject Schedule(ServiceSchedule x)
    {
        var json = new JsonObject { ["id"] = Id(x.Id), ["service_id"] = Id(x.ServiceId), ["freq"] = "WEEKLY", ["interval"] = 1 };
        Add(json, "byday", x.ByDay);
        Add(json, "opens_at", x.OpensAt?.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
        Add(json, "closes_at", x.ClosesAt?.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
        Add(json, "description", x.Description);
        return json;
    }

    public static JsonObject CostOption(ServiceCostOption x)
    {
        var json = new JsonObject { ["id"] = Id(x.Id), ["service_id"] = Id(x.ServiceId) };
        Add(json, "option", x.Option);
        if (x.Amount is { } amount)
        {
            json["amount"] = amount;
        }

        Add(json, "amount_description", x.AmountDescription);
        return json;
    }

    public static JsonObject Contact(ServiceContact x)
    {
        var json = new JsonObject { ["id"] = Id(x.Id), ["service_id"] = Id(x.ServiceId) };
        Add(json, "name", x.Name);
        Add(json, "title", x.Title);
        if (!string.IsNullOrWhiteSpace(x.Phone))
        {
            // HSDS 3.0 nests a contact's phones in it (the UK profile's phone.json links each to its contact_id);
            // the contact has one number here, so the phone shares the contact's id.
            json["phones"] = new JsonArray(new JsonObject
            {
                ["id"] = Id(x.Id),
                ["contact_id"] = Id(x.Id),
                ["number"] = x.Phone,
            });
        }

        return json;
    }

    public static JsonObject Taxonomy(DirectoryTaxonomy t)
    {
        var json = new JsonObject { ["id"] = Id(t.Id), ["name"] = t.Name, ["description"] = t.Description };
        Add(json, "uri", t.Uri);
        Add(json, "version", t.Version);
        return json;
    }

    public static JsonObject Term(DirectoryTaxonomyTerm t)
    {
        var json = new JsonObject { ["id"] = Id(t.Id), ["name"] = t.Name, ["description"] = t.Description };
        if (t.ParentId is { } parent)
        {
            json["parent_id"] = Id(parent);
        }

        if (t.TaxonomyId is { } taxonomy)
        {
            json["taxonomy_id"] = Id(taxonomy);
        }

        json["term"] = t.Code;
        return json;
    }

    private static string Id(Guid id) => id.ToString("D");

    private static void Add(JsonObject json, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            json[name] = value;
        }
    }
}
