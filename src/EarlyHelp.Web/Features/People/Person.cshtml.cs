using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.People;

/// <summary>
/// Adding a person, or changing one: name, email, agency, team and roles; a set-password link to send them; and
/// stopping a leaver's access. An administrator cannot take away their own administrator role or access, so that
/// the service always has one.
/// </summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class PersonModel(UserManager<ApplicationUser> users, EarlyHelpDbContext db, PeopleDesk desk, AuditLog audit) : PageModel
{
    /// <summary>"new", or the id of the person to change.</summary>
    [FromRoute(Name = "personId")]
    public string PersonRoute { get; set; } = "";

    [BindProperty]
    public PersonInput Input { get; set; } = new();

    public ApplicationUser? Existing { get; private set; }

    public PeopleDesk.Status Status { get; private set; }

    /// <summary>A set-password link just made: shown on this response only.</summary>
    public string? SetPasswordLink { get; private set; }

    public IReadOnlyList<SelectListItem> Teams { get; private set; } = [];

    public bool IsMe => Existing?.Id == CaseAccess.UserId(User);

    /// <summary>A change to the account, newest first: when, by whom, what.</summary>
    public sealed record Change(DateTimeOffset At, string By, string What);

    public IReadOnlyList<Change> History { get; private set; } = [];

    private string PersonPath => $"/people/{Existing!.Id}";

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        if (PersonRoute != "new")
        {
            Existing = await users.FindByIdAsync(PersonRoute);
            if (Existing is null)
            {
                context.Result = NotFound();
                return;
            }

            Status = desk.StatusOf(Existing, (await users.GetLoginsAsync(Existing)).Count > 0);
            var changes = await db.Audit.AsNoTracking().Where(a => a.PersonId == Existing.Id).OrderByDescending(a => a.Id).Take(50).ToListAsync();
            var people = await CaseworkText.PeopleAsync(db, changes.Select(c => c.UserId));
            History = [.. changes.Select(c => new Change(c.At, c.UserId == AuditLog.CommandLine ? "the command line" : people.GetValueOrDefault(c.UserId) ?? "a former user", c.What))];
        }

        Teams =
        [
            new SelectListItem("No team", ""),
            .. (await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync()).Select(t => new SelectListItem(t.Name, t.Id.ToString())),
        ];
        await next();
    }

    public async Task OnGetAsync()
    {
        Input = Existing is null ? new PersonInput() : PersonInput.From(Existing, await users.GetRolesAsync(Existing));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Guid? team = null;
        if (!string.IsNullOrEmpty(Input.Team))
        {
            if (Guid.TryParse(Input.Team, out var id) && Teams.Any(t => t.Value == Input.Team))
            {
                team = id;
            }
            else
            {
                ModelState.AddModelError("Input.Team", "Select a team from the list, or no team");
            }
        }

        if (IsMe && !Input.Roles.Contains(Roles.Administrator))
        {
            ModelState.AddModelError("Input.Roles", "You cannot take away your own administrator role: ask another administrator");
        }

        var email = Input.Email?.Trim();
        if (email is not null && await users.FindByEmailAsync(email) is { } other && other.Id != Existing?.Id)
        {
            ModelState.AddModelError("Input.Email", "Someone already signs in with this email address");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var before = Existing is null ? null : PersonInput.From(Existing, await users.GetRolesAsync(Existing));
        var person = Existing ?? new ApplicationUser { DisplayName = "", Agency = "", EmailConfirmed = true, LockoutEnabled = true };
        (person.DisplayName, person.Agency, person.TeamId) = (Input.Name!.Trim(), Input.Agency!.Trim(), team);
        person.Email = person.UserName = email;
        var saved = Existing is null ? await users.CreateAsync(person) : await users.UpdateAsync(person);
        if (!saved.Succeeded)
        {
            foreach (var error in saved.Errors)
            {
                ModelState.AddModelError("Input.Email", error.Description);
            }

            return Page();
        }

        await desk.SetRolesAsync(person, Input.Roles);
        await audit.WriteAccountAsync(HttpContext, person.Id, Shortened(before is null ? $"Added: {Describe(Input)}" : $"Changed: {Changes(before, Input)}"));
        if (Existing is null)
        {
            Existing = person;
            Status = PeopleDesk.Status.NoPasswordYet;
            SetPasswordLink = await desk.SetPasswordLinkAsync(person, Request);
            Response.Headers.CacheControl = "no-store";
            ModelState.Clear();
            return Page();
        }

        TempData["Notice"] = $"{person.DisplayName}'s details saved";
        return Redirect(PersonPath);
    }

    public async Task<IActionResult> OnPostSetPasswordLinkAsync()
    {
        if (Existing is null)
        {
            return NotFound();
        }

        Input = PersonInput.From(Existing, await users.GetRolesAsync(Existing));
        SetPasswordLink = await desk.SetPasswordLinkAsync(Existing, Request);
        await audit.WriteAccountAsync(HttpContext, Existing.Id, "Set-password link made");
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostStopAsync()
    {
        if (Existing is null)
        {
            return NotFound();
        }

        if (IsMe)
        {
            Input = PersonInput.From(Existing, await users.GetRolesAsync(Existing));
            ModelState.AddModelError("Input", "You cannot stop your own access: ask another administrator");
            return Page();
        }

        await desk.StopAccessAsync(Existing, CaseAccess.UserId(User)!);
        await audit.WriteAccountAsync(HttpContext, Existing.Id, "Access stopped, API tokens revoked");
        TempData["Notice"] = $"{Existing.DisplayName}'s access stopped: they cannot sign in, and their API tokens are revoked";
        return Redirect(PersonPath);
    }

    public async Task<IActionResult> OnPostRestoreAsync()
    {
        if (Existing is null)
        {
            return NotFound();
        }

        await desk.RestoreAccessAsync(Existing);
        await audit.WriteAccountAsync(HttpContext, Existing.Id, "Access restored");
        TempData["Notice"] = $"{Existing.DisplayName} can sign in again";
        return Redirect(PersonPath);
    }

    private string TeamName(string? team) => string.IsNullOrEmpty(team) ? "no team" : Teams.FirstOrDefault(t => t.Value == team)?.Text ?? "a former team";

    private static string RoleNames(IEnumerable<string> roles) => string.Join(", ", roles.Order(StringComparer.Ordinal).Select(PersonInput.RoleName));

    private string Describe(PersonInput p) => $"{p.Name}, {p.Email}, {p.Agency}, {TeamName(p.Team)}; roles: {RoleNames(p.Roles)}";

    /// <summary>What the save changed, field by field, for the account's history.</summary>
    private string Changes(PersonInput was, PersonInput now)
    {
        var changes = new List<string>();
        void Compare(string what, string? before, string? after)
        {
            if (!string.Equals(before?.Trim(), after?.Trim(), StringComparison.Ordinal))
            {
                changes.Add($"{what} {before} → {after}");
            }
        }

        Compare("name", was.Name, now.Name);
        Compare("email", was.Email, now.Email);
        Compare("agency", was.Agency, now.Agency);
        Compare("team", TeamName(was.Team), TeamName(now.Team));
        Compare("roles", RoleNames(was.Roles), RoleNames(now.Roles));
        return changes.Count == 0 ? "saved with no change" : string.Join("; ", changes);
    }

    /// <summary>The audit log keeps 400 characters of what happened.</summary>
    private static string Shortened(string text) => text.Length <= 400 ? text : text[..399] + "…";
}
