using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families.Inputs;
using Microsoft.AspNetCore.Mvc;

namespace EarlyHelp.Web.Features.Families;

/// <summary>
/// Withdraws a piece of the current episode's evidence as recorded in error, saying why (<see cref="EvidenceWithdrawals"/>).
/// The verdict is refreshed at once; a claim holding the family is named, as it keeps the evidence it was judged on.
/// </summary>
public sealed class WithdrawEvidenceModel(EarlyHelpDbContext db, CaseAccess access, TimeProvider clock, Engine engine, FamilyVerdicts verdicts)
    : FamilyPage(db, access, clock)
{
    public override string Section => "outcomes";

    [FromRoute(Name = "evidenceId")]
    public Guid EvidenceId { get; set; }

    [BindProperty]
    public EvidenceWithdrawalInput Input { get; set; } = new();

    public EvidenceEntry Entry { get; private set; } = null!;

    /// <summary>The need the evidence is for, and the member when it is about one.</summary>
    public string NeedText { get; private set; } = "";

    public string RecordedBy { get; private set; } = "";

    public IReadOnlyList<EvidenceWithdrawals.HeldBy> Claims { get; private set; } = [];

    private string OutcomesPath => $"/families/{FamilyId}/outcomes";

    protected override async Task<IActionResult?> PrepareAsync()
    {
        if (Episode is null)
        {
            return NotFound();
        }

        await Db.Entry(Episode).Collection(e => e.Evidence).LoadAsync();
        if (Episode.Evidence.FirstOrDefault(v => v.Id == EvidenceId) is not { } entry)
        {
            return NotFound();
        }

        Entry = entry;
        if (entry.Withdrawal is not null)
        {
            TempData["Notice"] = "That evidence has already been withdrawn";
            return Redirect(OutcomesPath);
        }

        if (!EvidenceWithdrawals.MayWithdraw(User, Episode, entry))
        {
            return await Coordination.RefuseAsync(this);
        }

        var summary = engine.Frameworks.TryGet(Episode.FrameworkId, out var framework) ? framework.SummaryOf(entry.NeedCode) : entry.NeedCode;
        var member = entry.MemberId is { } id ? Family.Members.FirstOrDefault(m => m.Id == id)?.FullName : null;
        NeedText = member is null ? $"{summary} – whole family" : $"{summary} – {member}";
        RecordedBy = (await CaseworkText.PeopleAsync(Db, [entry.RecordedById])).GetValueOrDefault(entry.RecordedById) ?? "a former user";
        Claims = await EvidenceWithdrawals.ClaimsHoldingAsync(Db, Episode.Id);
        return null;
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        EvidenceWithdrawals.Withdraw(Entry, CaseAccess.UserId(User)!, Input.Reason!, Now);
        await verdicts.RefreshAsync(Family, Episode!);
        await Db.SaveChangesAsync();
        TempData["Notice"] = $"Evidence of {CaseworkText.Date(Entry.RecordedOn)} withdrawn for {NeedText}";
        return Redirect(OutcomesPath);
    }
}
