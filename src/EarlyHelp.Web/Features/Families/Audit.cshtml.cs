using EarlyHelp.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Families;

/// <summary>"Who has seen this family": the audit log of a family's record, newest first, for managers and auditors.</summary>
[Authorize(Roles = $"{Roles.Manager},{Roles.Auditor}")]
public sealed class AuditModel(EarlyHelpDbContext db, CaseAccess access, TimeProvider clock) : FamilyPage(db, access, clock)
{
    public const int PageSize = 50;

    public override string Section => "overview";

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public sealed record Row(DateTimeOffset At, string Who, string Action, string What, string? From);

    /// <summary>Someone who is not a user: a family member reading their plan by a shared link.</summary>
    private static string Other(string id) =>
        id.StartsWith(YourPlan.PlanSharing.AuditPrefix, StringComparison.Ordinal) ? "A family member, by a shared plan link" : "Unknown user";

    public async Task OnGetAsync()
    {
        var entries = Db.Audit.AsNoTracking().Where(a => a.FamilyId == FamilyId);
        Total = await entries.CountAsync();
        PageNumber = Math.Max(1, PageNumber);
        var page = await entries
            .OrderByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(a => new { a.At, a.UserId, a.Action, a.What, a.From })
            .ToListAsync();
        var ids = page.Select(a => a.UserId).Distinct().ToList();
        var names = await Db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => $"{u.DisplayName} ({u.Agency})");
        Rows = [.. page.Select(a => new Row(a.At, names.GetValueOrDefault(a.UserId) ?? Other(a.UserId), a.Action, a.What, a.From))];
    }
}
