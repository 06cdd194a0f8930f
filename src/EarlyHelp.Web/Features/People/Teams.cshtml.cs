using System.ComponentModel.DataAnnotations;
using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.People;

/// <summary>The locality teams families are allocated to, with how many people are in each; adding one.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class TeamsModel(EarlyHelpDbContext db) : PageModel
{
    [BindProperty]
    [Display(Name = "Team name")]
    [Required(ErrorMessage = "Enter the team's name")]
    [StringLength(200, ErrorMessage = "Team name must be 200 characters or fewer")]
    public string? Name { get; set; }

    public IReadOnlyList<(string Name, int People)> Teams { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var name = Name?.Trim();
        if (name is not null && (await db.Teams.Select(t => t.Name).ToListAsync()).Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(Name), "There is already a team with this name");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        db.Teams.Add(new Team { Name = name! });
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Team {name} added";
        return Redirect("/people/teams");
    }

    private async Task LoadAsync()
    {
        var counts = (await db.Users.Where(u => u.TeamId != null).Select(u => u.TeamId!.Value).ToListAsync()).CountBy(id => id).ToDictionary();
        Teams = [.. (await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync()).Select(t => (t.Name, counts.GetValueOrDefault(t.Id)))];
    }
}
