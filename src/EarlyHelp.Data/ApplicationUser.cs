using Microsoft.AspNetCore.Identity;

namespace EarlyHelp.Data;

/// <summary>A person who signs in: a practitioner of any agency, a coordinator, an analyst, an auditor or an administrator.</summary>
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

    public static readonly IReadOnlyList<string> All = [Practitioner, Manager, Analyst, Auditor, Administrator];
}
