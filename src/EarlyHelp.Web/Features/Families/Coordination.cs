using System.Security.Claims;
using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Mvc;

namespace EarlyHelp.Web.Features.Families;

/// <summary>
/// The lead practitioner coordinates the family's support (seed 003: "co-ordinate the delivery of the actions
/// agreed by the practitioners involved"). They, or a manager, decide who sits on the Team Around the Family
/// and close the episode; the other members of the team add to the record.
/// </summary>
public static class Coordination
{
    public static bool Coordinates(ClaimsPrincipal user, Episode episode) =>
        CaseAccess.MayChange(user) && (user.IsInRole(Roles.Manager) || episode.LeadPractitionerId == CaseAccess.UserId(user));

    /// <summary>Refuses someone who may see the family but not coordinate it, and says so in the audit log.</summary>
    public static async Task<IActionResult> RefuseAsync(FamilyPage page)
    {
        await page.HttpContext.RequestServices.GetRequiredService<AuditLog>().WriteAsync(page.HttpContext, page.FamilyId, "refused");
        return page.Forbid();
    }
}
