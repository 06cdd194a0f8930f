using EarlyHelp.Core.Casework;
using EarlyHelp.Core.Outcomes;
using EarlyHelp.Core.Outcomes.Measures;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families.Inputs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace EarlyHelp.Web.Features.Families;

/// <summary>
/// The outcomes engine's verdict on the current episode in full (each need met, pending or not met, why, and
/// when), the evidence recorded for each need, and recording more. The stored claim status is refreshed with
/// every new piece of evidence, so that caseloads filtered by it stay right.
/// </summary>
public sealed class OutcomesModel(EarlyHelpDbContext db, CaseAccess access, TimeProvider clock, Engine engine, FamilyVerdicts verdicts, InstrumentCatalog instruments)
    : FamilyPage(db, access, clock)
{
    public override string Section => "outcomes";

    [BindProperty]
    public EvidenceInput Input { get; set; } = new();

    /// <summary>One of the episode's needs, the engine's verdict on it and the evidence recorded for it.</summary>
    public sealed record NeedRow(EpisodeNeed Need, string Summary, string? Member, NeedVerdict? Verdict, IReadOnlyList<EvidenceRow> Evidence);

    /// <param name="WithdrawnBy">Who withdrew it, when it was withdrawn as recorded in error.</param>
    public sealed record EvidenceRow(EvidenceEntry Entry, string RecordedBy, string? WithdrawnBy, bool MayWithdraw);

    public Verdict? Verdict { get; private set; }

    public Core.Frameworks.Framework? Framework { get; private set; }

    public IReadOnlyList<NeedRow> Needs { get; private set; } = [];

    /// <summary>The claim in brief; the claim tab has the principles in full.</summary>
    public (string Tag, string Colour, string Detail) Claim => Verdict!.Claim switch
    {
        { Status: ClaimStatus.Claimable, EarliestDate: var on } => ("Claimable", "green", $"since {CaseworkText.Date(on)}"),
        { Status: ClaimStatus.Pending, EarliestDate: { } on } => ("Becomes claimable", "yellow", $"on {CaseworkText.Date(on)}, if nothing changes"),
        { Status: ClaimStatus.Pending } => ("Becomes claimable", "yellow", "on a date not yet known, if nothing changes"),
        _ => ("Not claimable yet", "red", ""),
    };

    public IReadOnlyList<SelectListItem> NeedChoices { get; private set; } = [];

    public IEnumerable<Instrument> Instruments => instruments.All.OrderBy(i => i.Code, StringComparer.Ordinal);

    /// <summary>Evidence may be recorded after closure too: outcomes are sustained, and evidenced, after it.</summary>
    public bool MayRecord => CanChange && Needs.Count > 0;

    public bool MayClose => CanChange && Episode is { Stage: not EpisodeStage.Closed } && Coordination.Coordinates(User, Episode);

    protected override async Task<IActionResult?> PrepareAsync()
    {
        if (Episode is null)
        {
            return NotFound();
        }

        await Db.Entry(Episode).Collection(e => e.Needs).LoadAsync();
        await Db.Entry(Episode).Collection(e => e.Evidence).LoadAsync();
        var (verdict, lead) = await verdicts.EvaluateAsync(Family, Episode);
        Verdict = verdict;
        Framework = engine.Frameworks.TryGet(Episode.FrameworkId, out var framework) ? framework : null;
        var (_, names) = EpisodeCaseFile.Build(Family, Episode, lead, Today);
        var members = Family.Members.ToDictionary(m => m.Id, m => m.FullName);
        var people = await CaseworkText.PeopleAsync(Db, Episode.Evidence.SelectMany(v => new[] { v.RecordedById, v.Withdrawal?.ById }));
        string Person(string id) => people.GetValueOrDefault(id) ?? "a former user";
        Needs = [.. Episode.Needs
            .OrderBy(n => Framework?.Needs.TryGetValue(n.Code, out var d) == true ? d.HeadlineCode : n.Code, StringComparer.Ordinal)
            .ThenBy(n => n.Code, StringComparer.Ordinal)
            .Select(n => new NeedRow(
                n,
                Framework?.SummaryOf(n.Code) ?? n.Code,
                n.MemberId is { } id ? members.GetValueOrDefault(id) : null,
                // The verdict names members as the case file does: match its need by code and that name.
                verdict?.Needs.FirstOrDefault(v => v.Code == n.Code && v.Member == (n.MemberId is { } m ? names.GetValueOrDefault(m) : null)),
                [.. Episode.Evidence
                    .Where(v => v.NeedCode == n.Code && v.MemberId == n.MemberId)
                    .OrderByDescending(v => v.RecordedOn)
                    .Select(v => new EvidenceRow(
                        v,
                        Person(v.RecordedById),
                        v.Withdrawal is { } withdrawal ? Person(withdrawal.ById) : null,
                        EvidenceWithdrawals.MayWithdraw(User, Episode, v)))]))];
        NeedChoices =
        [
            new SelectListItem("Choose a need", ""),
            .. Needs.Select(n => new SelectListItem($"{n.Summary}{(n.Member is { } member ? $" – {member}" : " – whole family")}", n.Need.Id.ToString())),
        ];
        return null;
    }

    public void OnGet()
    {
        Input.RecordedOn = Today;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        PageValidation.AddRules(ModelState, nameof(Input), Input, HttpContext.RequestServices);
        InputCheck.AddTo(ModelState, nameof(Input), Input.CheckAgainst(Episode!));
        foreach (var score in new[] { nameof(EvidenceInput.Before), nameof(EvidenceInput.After) })
        {
            // A score that is not a number gets the GOV.UK wording, not the model binder's.
            if (ModelState.TryGetValue($"{nameof(Input)}.{score}", out var entry) && entry.Errors.Count > 0
                && entry.AttemptedValue is { Length: > 0 } typed
                && !decimal.TryParse(typed, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                entry.Errors.Clear();
                entry.Errors.Add($"Score {(score == nameof(EvidenceInput.Before) ? "before" : "after")} must be a number, like 12 or 7.5");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Added to its set: the episode's list would take a new row with its key already set for an old one. The
        // refresh then finds it among the episode's evidence, as the change tracker puts it there.
        Db.Evidence.Add(Input.ToEntry(Episode!, CaseAccess.UserId(User)!));
        await verdicts.RefreshAsync(Family, Episode!);
        await Db.SaveChangesAsync();
        TempData["Notice"] = $"Evidence recorded for {Needs.First(n => n.Need.Id == Input.NeedId).Summary}";
        return Redirect($"/families/{FamilyId}/outcomes");
    }
}
