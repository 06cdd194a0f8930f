using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Families;

/// <summary>
/// The base of every page of a family's record: it refuses anyone the case access rules do not allow, by
/// family id, and writes every read and change to the audit log before the page runs.
/// </summary>
public abstract class FamilyPage(EarlyHelpDbContext db, CaseAccess access, TimeProvider clock) : PageModel
{
    [FromRoute(Name = "id")]
    public Guid FamilyId { get; set; }

    public Family Family { get; private set; } = null!;

    public Episode? Episode { get; private set; }

    public bool CanChange { get; private set; }

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    protected DateTimeOffset Now => clock.GetUtcNow();

    protected EarlyHelpDbContext Db => db;

    /// <summary>The sub-navigation item this page is.</summary>
    public abstract string Section { get; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var reading = HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method);
        var canSee = await access.CanSeeAsync(User, FamilyId);
        CanChange = canSee && CaseAccess.MayChange(User);
        var allowed = reading ? canSee : CanChange;
        // One round trip rather than three: a family has a handful of members and episodes, so joining them is cheap.
        var family = allowed
            ? await db.Families.Include(f => f.Members).Include(f => f.Episodes).AsSingleQuery().SingleOrDefaultAsync(f => f.Id == FamilyId)
            : null;
        await AuditAsync(family is null ? "refused" : reading ? "read" : "change");
        if (family is null)
        {
            context.Result = Forbid();
            return;
        }

        Family = family;
        Episode = family.Episodes.MaxBy(e => e.Number);
        if (await PrepareAsync() is { } result)
        {
            context.Result = result;
            return;
        }

        await next();
    }

    /// <summary>
    /// Saves the episode from the version the form was opened at (its hidden field "Version"). On a conflict
    /// nothing is saved: the form says so against the field named, and the version now saved is returned for the
    /// form to carry, so that saving again is saving knowingly over what the other person did.
    /// </summary>
    protected async Task<Guid?> SaveEpisodeOrConflictAsync(Guid startedFrom, string field, string message)
    {
        if (await db.TrySaveFromAsync(Episode!, startedFrom))
        {
            return null;
        }

        ModelState.AddModelError(field, message);
        ModelState.Remove("Version");
        return await db.CurrentVersionAsync(Episode!);
    }

    /// <summary>Loads what a page needs once access is granted; a result (not found, forbidden) ends the request.</summary>
    protected virtual Task<IActionResult?> PrepareAsync() => Task.FromResult<IActionResult?>(null);

    private Task AuditAsync(string action) => HttpContext.RequestServices.GetRequiredService<AuditLog>().WriteAsync(HttpContext, FamilyId, action);
}
