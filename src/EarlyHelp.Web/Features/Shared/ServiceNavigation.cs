using System.Security.Claims;
using EarlyHelp.Data;

namespace EarlyHelp.Web.Features.Shared;

/// <summary>The service navigation: each area of the service and the roles it is shown to.</summary>
public static class ServiceNavigation
{
    public sealed record Item(string Href, string ActivePrefix, string Label, params string[] Roles)
    {
        /// <summary>An item with no roles is for everyone signed in.</summary>
        public bool IsFor(ClaimsPrincipal user) => Roles.Length == 0 || Roles.Any(user.IsInRole);

        public bool IsActive(string path) => path.StartsWith(ActivePrefix, StringComparison.OrdinalIgnoreCase);
    }

    public static readonly IReadOnlyList<Item> Items =
    [
        new("/caseload", "/caseload", "Caseload"),
        new("/enquiries/new", "/enquiries", "New enquiry", Roles.Practitioner, Roles.Manager),
        new("/partner-data", "/partner-data", "Partner data", Roles.Analyst, Roles.Manager),
        new("/claims", "/claims", "Claims", Roles.Analyst, Roles.Auditor, Roles.Manager),
        new("/scorecard", "/scorecard", "Scorecard", Roles.Manager, Roles.StrategicLead, Roles.Analyst),
        new("/self-assessment", "/self-assessment", "Self-assessment", Roles.Manager, Roles.StrategicLead),
        new("/value", "/value", "Cost of late intervention"),
        new("/services", "/services", "Find services"),
        new("/directory", "/directory", "Directory", Roles.DirectoryEditor),
        new("/people", "/people", "People", Roles.Administrator),
    ];
}
