using System.ComponentModel.DataAnnotations;
using EarlyHelp.Core.Claims;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Claims;

/// <summary>Every claim with its state, the totals per window, the fiscal value estimate, and building a new claim.</summary>
[Authorize(Roles = $"{Roles.Analyst},{Roles.Auditor},{Roles.Manager}")]
public sealed class HistoryModel(EarlyHelpDbContext db, ClaimDesk desk) : PageModel
{
    [BindProperty]
    [Display(Name = "Which claim window is this claim for?")]
    [Required(ErrorMessage = "Select a claim window")]
    public string? Window { get; set; }

    public sealed record ClaimRow(Guid Id, string Programme, string Window, ClaimState State, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, int Families, decimal Amount);

    public IReadOnlyList<ClaimRow> Claims { get; private set; } = [];

    public sealed record WindowTotal(string Programme, string Window, int Families, decimal Amount);

    /// <summary>Submitted claims only: what has been claimed, per window.</summary>
    public IReadOnlyList<WindowTotal> Totals { get; private set; } = [];

    public FiscalValueEstimate? FiscalValue { get; private set; }

    public IEnumerable<SelectListItem> OpenWindows => desk.OpenWindows.Select(w => new SelectListItem(
        $"{w.Name} ({w.Programme})", w.Name) { Group = new SelectListGroup { Name = $"Open {CaseworkText.Date(w.Opens)} to {CaseworkText.Date(w.Closes)}, {Amounts(w.PaymentPerFamily)} a family" } });

    public bool MayBuild => User.IsInRole(Roles.Analyst);

    public ClaimDesk Desk => desk;

    public const string SubmittedClaims = "submitted claims";

    public static string Amounts(decimal amount) => Core.Value.Amounts.Pounds(amount);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!MayBuild)
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            var built = await desk.BuildAsync(Window!, CaseAccess.UserId(User)!);
            if (built.Claim is { } claim)
            {
                TempData["Notice"] = $"Claim built for {claim.WindowName}: {claim.Lines.Count} {(claim.Lines.Count == 1 ? "family" : "families")}";
                return Redirect($"/claims/{claim.Id}");
            }

            ModelState.AddModelError(nameof(Window), built.Error!);
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        // Summed here rather than in SQL: SQLite keeps decimals as text and cannot add them up exactly.
        var claims = await db.Claims.AsNoTracking().ToListAsync();
        var lines = await db.ClaimLines.AsNoTracking().Where(l => l.State != ClaimLineState.Rejected).Select(l => new { l.ClaimId, l.Payment }).ToListAsync();
        var byClaim = lines.GroupBy(l => l.ClaimId).ToDictionary(g => g.Key, g => (Families: g.Count(), Amount: g.Sum(l => l.Payment)));
        Claims = [.. claims
            .Select(c => new ClaimRow(c.Id, c.Programme, c.WindowName, c.State, c.CreatedAt, c.SubmittedAt, byClaim.GetValueOrDefault(c.Id).Families, byClaim.GetValueOrDefault(c.Id).Amount))
            .OrderByDescending(c => c.CreatedAt)];
        Totals = [.. Claims.Where(c => c.State == ClaimState.Submitted)
            .GroupBy(c => (c.Programme, c.Window))
            .Select(g => new WindowTotal(g.Key.Programme, g.Key.Window, g.Sum(c => c.Families), g.Sum(c => c.Amount)))
            .OrderBy(t => t.Programme, StringComparer.Ordinal).ThenBy(t => t.Window, StringComparer.Ordinal)];
        var submitted = await db.ClaimLines.AsNoTracking().Where(l => l.State == ClaimLineState.Submitted).ToListAsync();
        FiscalValue = submitted.Count > 0 ? ClaimDesk.FiscalValueOf(submitted) : null;
    }
}
