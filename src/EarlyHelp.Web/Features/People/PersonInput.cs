using System.ComponentModel.DataAnnotations;
using EarlyHelp.Data;

namespace EarlyHelp.Web.Features.People;

/// <summary>A person who signs in: who they are, where they work, their team and their roles.</summary>
public sealed class PersonInput : IValidatableObject
{
    [Display(Name = "Full name")]
    [Required(ErrorMessage = "Enter the person's full name")]
    [StringLength(100, ErrorMessage = "Full name must be 100 characters or fewer")]
    public string? Name { get; set; }

    [Display(Name = "Email address")]
    [Required(ErrorMessage = "Enter the person's email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
    [StringLength(200, ErrorMessage = "Email address must be 200 characters or fewer")]
    public string? Email { get; set; }

    [Display(Name = "Agency")]
    [Required(ErrorMessage = "Enter the agency the person works for")]
    [StringLength(100, ErrorMessage = "Agency must be 100 characters or fewer")]
    public string? Agency { get; set; }

    /// <summary>A team's id, or empty for none.</summary>
    [Display(Name = "Team")]
    public string? Team { get; set; }

    [Display(Name = "Roles")]
    public List<string> Roles { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Roles.Count == 0)
        {
            yield return new("Select at least one role", [nameof(Roles)]);
        }
        else if (Roles.Any(r => !Data.Roles.All.Contains(r)))
        {
            yield return new("Select roles from the list", [nameof(Roles)]);
        }
    }

    public static PersonInput From(ApplicationUser user, IEnumerable<string> roles) => new()
    {
        Name = user.DisplayName,
        Email = user.Email,
        Agency = user.Agency,
        Team = user.TeamId?.ToString(),
        Roles = [.. roles],
    };

    /// <summary>Each role's name and what it may do, as the pages show them.</summary>
    public static readonly IReadOnlyDictionary<string, (string Name, string Hint)> RoleTexts = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        [Data.Roles.Practitioner] = ("Practitioner", "Works with families: their own, and those whose Team Around the Family they are on"),
        [Data.Roles.Manager] = ("Coordinator or team manager", "The front door, allocation and their team's families"),
        [Data.Roles.Analyst] = ("Supporting Families analyst", "Partner data, claims and the scorecard"),
        [Data.Roles.Auditor] = ("Auditor", "Checks claims and their evidence before they are submitted"),
        [Data.Roles.StrategicLead] = ("Strategic lead", "The scorecard and the cost of late intervention, not family records"),
        [Data.Roles.DirectoryEditor] = ("Directory editor", "Keeps the Families Information Service directory"),
        [Data.Roles.Administrator] = ("Administrator", "Manages people, their roles and teams"),
    };

    public static string RoleName(string role) => RoleTexts.TryGetValue(role, out var text) ? text.Name : role;
}
