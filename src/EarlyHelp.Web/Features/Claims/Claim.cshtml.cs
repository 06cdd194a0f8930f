using EarlyHelp.Core.Claims;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Claims;

/// <summary>One claim: its families, the audit sample and its checks, sending it for audit, submitting and exporting it.</summary>
[Authorize(Roles = $"{Roles.Analyst},{Roles.Auditor},{Roles.Manager}")]
public sealed class ClaimDetailModel(EarlyHelpDbContext db, ClaimDesk desk) : PageModel
{
    [FromRoute(Name = "claimId")]
    public Guid ClaimId { get; set; }

    public Claim Claim { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, string> Teams { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyList<ClaimLine> Standing => [.. Claim.Lines.Where(l => l.State != ClaimLineState.Rejected).OrderBy(l => l.FamilyReference, StringComparer.Ordinal)];

    public IReadOnlyList<ClaimLine> Rejected => [.. Claim.Lines.Where(l => l.State == ClaimLineState.Rejected).OrderBy(l => l.FamilyReference, StringComparer.Ordinal)];

    public IReadOnlyList<ClaimLine> Sample => [.. Claim.Lines.Where(l => l.Sampled).OrderBy(l => l.FamilyReference, StringComparer.Ordinal)];

    public decimal Amount => Standing.Sum(l => l.Payment);

    public FiscalValueEstimate FiscalValue => ClaimDesk.FiscalValueOf(Claim.Lines);

    public const string ThisClaim = "claim";

    public ClaimDesk Desk => desk;

    public bool IsAnalyst => User.IsInRole(Roles.Analyst);

    public bool IsAuditor => User.IsInRole(Roles.Auditor);

    public string? Problem { get; private set; }

    /// <summary>Evidence withdrawn as recorded in error since the claim was built, family by family.</summary>
    public IReadOnlyList<ClaimDesk.WithdrawnSinceClaimed> Withdrawn { get; private set; } = [];

    private async Task<bool> LoadAsync()
    {
        if (await desk.FindAsync(ClaimId) is not { } claim)
        {
            return false;
        }

        Claim = claim;
        Teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name);
        Withdrawn = await desk.WithdrawnSinceClaimedAsync(claim);
        return true;
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostSendForAuditAsync()
    {
        if (!IsAnalyst)
        {
            return Forbid();
        }

        if (!await LoadAsync())
        {
            return NotFound();
        }

        Problem = await desk.SendForAuditAsync(Claim);
        if (Problem is not null)
        {
            return Page();
        }

        var sampled = Sample.Count;
        TempData["Notice"] = $"Sent for audit: the auditor checks {sampled} {(sampled == 1 ? "family" : "families")}";
        return Redirect($"/claims/{ClaimId}");
    }

    public async Task<IActionResult> OnPostSubmitAsync()
    {
        if (!IsAnalyst)
        {
            return Forbid();
        }

        if (!await LoadAsync())
        {
            return NotFound();
        }

        Problem = await desk.SubmitAsync(Claim);
        if (Problem is not null)
        {
            return Page();
        }

        TempData["Notice"] = $"Claim submitted: {Standing.Count} {(Standing.Count == 1 ? "family" : "families")}, {HistoryModel.Amounts(Amount)}";
        return Redirect($"/claims/{ClaimId}");
    }

    public Task<IActionResult> OnGetCsvAsync() => ExportAsync("csv", "text/csv", ClaimExport.Csv);

    public Task<IActionResult> OnGetXlsxAsync() => ExportAsync("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ClaimExport.Xlsx);

    private async Task<IActionResult> ExportAsync(string extension, string contentType, Func<Claim, IReadOnlyDictionary<Guid, string>, byte[]> write)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (Claim.State != ClaimState.Submitted)
        {
            Problem = "Only a submitted claim can be exported";
            return Page();
        }

        return File(write(Claim, Teams), contentType, ClaimExport.FileName(Claim, extension));
    }
}
