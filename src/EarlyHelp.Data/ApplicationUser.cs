using Microsoft.AspNetCore.Identity;

namespace EarlyHelp.Data;

/// <summary>A person who signs in: a practitioner of any agency, a coordinator, an analyst, an auditor, a strategic lead, a directory editor or an administrator.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>The agency the person works for, e.g. "Early Help", "Oakfield Primary School", "Police".</summary>
    public required string Agency { get; set; }

    public Guid? TeamId { get; set; }
}

public static class Roles
{
    public const string Practitioner = "practitioner";
    public const string Manager = "manager";
    public const string Analyst = "analyst";
    public const string Auditor = "auditor";
    public const string Administrator = "administrator";

    /// <summary>Sees the service's performance and value in aggregate, not family records.</summary>
    public const string StrategicLead = "strategic-lead";

    /// <summary>Keeps the Families Information Service directory (organisations, services, locations).</summary>
    public const string DirectoryEditor = "directory-editor";

    public static readonly IReadOnlyList<string> All = [Practitioner, Manager, Analyst, Auditor, Administrator, StrategicLead, DirectoryEditor];
}
