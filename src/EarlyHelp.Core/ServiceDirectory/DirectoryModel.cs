using EarlyHelp.Core.Casework;

namespace EarlyHelp.Core.ServiceDirectory;

// The Families Information Service directory. Names follow Open Referral UK (HSDS 3.0, UK profile) so that the
// API maps each record to its ORUK object field by field; ids are the records' ORUK ids (UUIDs), so an imported
// feed keeps its publisher's ids and a second import of it finds the same records.

/// <summary>An organisation that provides services (HSDS organization).</summary>
public sealed class DirectoryOrganisation : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Changes with every save, so that of two editors saving at once the second is told.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public required string Name { get; set; }

    public required string Description { get; set; }

    public string? Email { get; set; }

    public string? Website { get; set; }

    public List<DirectoryService> Services { get; set; } = [];
}

/// <summary>The ORUK service statuses, as the standard spells them.</summary>
public static class ServiceStatus
{
    public const string Active = "active";
    public const string Inactive = "inactive";
    public const string Defunct = "defunct";
    public const string TemporarilyClosed = "temporarily closed";

    public static readonly IReadOnlyList<string> All = [Active, Inactive, Defunct, TemporarilyClosed];
}

/// <summary>A service an organisation provides to families (HSDS service).</summary>
public sealed class DirectoryService : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Changes with every save, so that of two editors saving at once the second is told.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public Guid OrganisationId { get; set; }

    public DirectoryOrganisation? Organisation { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public string? Url { get; set; }

    public string? Email { get; set; }

    /// <summary>One of <see cref="ServiceStatus.All"/>.</summary>
    public string Status { get; set; } = ServiceStatus.Active;

    /// <summary>A free-text description of any charges (HSDS fees); <see cref="CostOptions"/> hold amounts.</summary>
    public string? Fees { get; set; }

    /// <summary>Youngest age served, in years; none for no lower limit.</summary>
    public int? MinimumAge { get; set; }

    /// <summary>Oldest age served, in years; none for no upper limit.</summary>
    public int? MaximumAge { get; set; }

    public DateTimeOffset LastModified { get; set; }

    /// <summary>Name, description and organisation in lower case, so free-text search is one indexed-free LIKE on both databases.</summary>
    public string SearchText { get; set; } = "";

    public List<ServiceAtLocation> Locations { get; set; } = [];

    public List<ServiceSchedule> Schedules { get; set; } = [];

    public List<ServiceCostOption> CostOptions { get; set; } = [];

    public List<ServiceContact> Contacts { get; set; } = [];

    public List<ServiceTaxonomyTerm> Terms { get; set; } = [];

    public void RefreshSearchText(string organisationName) =>
        SearchText = $"{Name} {Description} {organisationName}".ToLowerInvariant();
}

/// <summary>A place where services are delivered (HSDS location); family hubs among them.</summary>
public sealed class DirectoryLocation : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Changes with every save, so that of two editors saving at once the second is told.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>"physical", "postal" or "virtual", as ORUK has it.</summary>
    public string LocationType { get; set; } = "physical";

    /// <summary>A family hub: the council's one-stop place for families (seed 003).</summary>
    public bool IsFamilyHub { get; set; }

    public string? AddressLine1 { get; set; }

    public string? Town { get; set; }

    public string? Postcode { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }
}

/// <summary>A service delivered at a location (HSDS service_at_location).</summary>
public sealed class ServiceAtLocation
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ServiceId { get; set; }

    public DirectoryService? Service { get; set; }

    public Guid LocationId { get; set; }

    public DirectoryLocation? Location { get; set; }
}

/// <summary>When a service runs (HSDS schedule, a weekly iCalendar-style rule).</summary>
public sealed class ServiceSchedule
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ServiceId { get; set; }

    /// <summary>Days as iCalendar two-letter codes, comma-separated: "MO,WE".</summary>
    public string? ByDay { get; set; }

    public TimeOnly? OpensAt { get; set; }

    public TimeOnly? ClosesAt { get; set; }

    public string? Description { get; set; }
}

/// <summary>What a service costs (HSDS cost_option).</summary>
public sealed class ServiceCostOption
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ServiceId { get; set; }

    public string? Option { get; set; }

    public decimal? Amount { get; set; }

    public string? AmountDescription { get; set; }
}

/// <summary>Someone to contact about a service (HSDS contact).</summary>
public sealed class ServiceContact
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ServiceId { get; set; }

    public string? Name { get; set; }

    public string? Title { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }
}

/// <summary>A taxonomy (HSDS taxonomy): each outcome framework is one, and an imported feed may bring its own.</summary>
public sealed class DirectoryTaxonomy
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public required string Description { get; set; }

    public string? Uri { get; set; }

    public string? Version { get; set; }
}

/// <summary>A term of a taxonomy (HSDS taxonomy_term): a framework's headline outcome or need, or an imported term.</summary>
public sealed class DirectoryTaxonomyTerm
{
    public Guid Id { get; set; }

    public Guid? TaxonomyId { get; set; }

    /// <summary>The term's code: a framework's headline outcome or need code ("education", "EDU-ATTEND-90").</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string Description { get; set; }

    public Guid? ParentId { get; set; }
}

/// <summary>A service classified by a taxonomy term (HSDS attribute linking a service to a term).</summary>
public sealed class ServiceTaxonomyTerm
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ServiceId { get; set; }

    public Guid TaxonomyTermId { get; set; }

    public DirectoryTaxonomyTerm? Term { get; set; }
}

/// <summary>A family referred to a directory service from its Family Plan; the referral is also a plan action.</summary>
public sealed class ServiceReferral
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid EpisodeId { get; set; }

    public Guid PlanActionId { get; set; }

    public Guid ServiceId { get; set; }

    /// <summary>The service's name when referred, so the record reads true if the directory changes.</summary>
    public required string ServiceName { get; set; }

    public required string OrganisationName { get; set; }

    public string? NeedCode { get; set; }

    public DateOnly ReferredOn { get; set; }

    public DateTimeOffset At { get; set; }

    public required string ReferredById { get; set; }
}
