using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families.Inputs;
using Microsoft.AspNetCore.Mvc;

namespace EarlyHelp.Web.Features.Families;

/// <summary>
/// Closing the family's open episode (seed 003's pathway ends in closure, a step up to children's social care
/// or a step down to universal services). The form carries the episode's version: if someone else changed the
/// record meanwhile, nothing is saved, the user is told and keeps what they typed.
/// </summary>
public sealed class CloseModel(EarlyHelpDbContext db, CaseAccess access, TimeProvider clock, Engine engine, FamilyVerdicts verdicts)
    : FamilyPage(db, access, clock)
{
    public override string Section => "overview";

    [BindProperty]
    public ClosureInput Input { get; set; } = new();

    public sealed record NeedRow(string Summary, string? Member, int Evidence);

    public IReadOnlyList<NeedRow> Needs { get; private set; } = [];

    /// <summary>Someone else saved the episode between this user opening the form and saving it.</summary>
    public bool Conflict { get; private set; }

    protected override async Task<IActionResult?> PrepareAsync()
    {
        if (Episode is null)
        {
            return NotFound();
        }

        if (!Coordination.Coordinates(User, Episode))
        {
            return await Coordination.RefuseAsync(this);
        }

        await Db.Entry(Episode).Collection(e => e.Needs).LoadAsync();
        await Db.Entry(Episode).Collection(e => e.Evidence).LoadAsync();
        var framework = engine.Frameworks.TryGet(Episode.FrameworkId, out var f) ? f : null;
        var members = Family.Members.ToDictionary(m => m.Id, m => m.FullName);
        Needs = [.. Episode.Needs
            .OrderBy(n => n.Code, StringComparer.Ordinal)
            .Select(n => new NeedRow(
                framework?.SummaryOf(n.Code) ?? n.Code,
                n.MemberId is { } id ? members.GetValueOrDefault(id) : null,
                Episode.EvidenceInForce.Count(v => v.NeedCode == n.Code && v.MemberId == n.MemberId)))];
        return null;
    }

    public IActionResult OnGet()
    {
        if (Episode!.Stage == EpisodeStage.Closed)
        {
            return Redirect($"/families/{FamilyId}");
        }

        Input = new ClosureInput { ClosedOn = Today, SupportReceived = Episode.SupportReceived ? true : null, Version = Episode.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var episode = Episode!;
        if (episode.Stage == EpisodeStage.Closed)
        {
            // Closed by someone else since this user opened the form: keep their answers on screen, save nothing.
            Conflict = Input.Version != episode.Version;
            return Conflict ? Page() : Redirect($"/families/{FamilyId}");
        }

        PageValidation.AddRules(ModelState, nameof(Input), Input, HttpContext.RequestServices);
        InputCheck.AddTo(ModelState, nameof(Input), Input.CheckAgainst(episode));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Input.ApplyTo(episode);
        await verdicts.RefreshAsync(Family, episode);
        if (!await Db.TrySaveFromAsync(episode, Input.Version ?? Guid.Empty))
        {
            await Db.Entry(episode).ReloadAsync();
            Conflict = true;
            // Saving again is saving over what the user has now been shown.
            Input.Version = episode.Version;
            return Page();
        }

        TempData["Notice"] = $"Episode {episode.Number} closed: {CaseworkText.Closure(episode.ClosureReason!.Value).ToLowerInvariant()}";
        return Redirect($"/families/{FamilyId}");
    }
}
