using System.ComponentModel.DataAnnotations;
using EarlyHelp.Core.Casework;
using EarlyHelp.Core.Frameworks;
using EarlyHelp.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Families.Assessment;

/// <summary>
/// One headline outcome of the assessment: strengths, what needs to change, the family's voice, and the needs
/// themselves by the framework's codes (for the family, or for the members a need is about).
/// </summary>
public sealed class SectionModel(EarlyHelpDbContext db, CaseAccess access, TimeProvider clock, Engine engine, FamilyVerdicts verdicts)
    : AssessmentPage(db, access, clock, engine, verdicts)
{
    [FromRoute(Name = "headline")]
    public string HeadlineCode { get; set; } = "";

    public HeadlineOutcome Headline { get; private set; } = null!;

    [BindProperty]
    public SectionInput Input { get; set; } = new();

    /// <summary>Someone else saved the section after this editor opened it.</summary>
    public bool Conflict { get; private set; }

    public sealed class SectionInput
    {
        [Display(Name = "What is going well")]
        [StringLength(4000, ErrorMessage = "What is going well must be 4,000 characters or fewer")]
        public string? Strengths { get; set; }

        [Display(Name = "What needs to change")]
        [StringLength(4000, ErrorMessage = "What needs to change must be 4,000 characters or fewer")]
        public string? Needs { get; set; }

        [Display(Name = "What the family says")]
        [StringLength(4000, ErrorMessage = "What the family says must be 4,000 characters or fewer")]
        public string? FamilyVoice { get; set; }

        /// <summary>Ticked needs: a code for a family need, "code|member id" for a member's.</summary>
        public List<string> Recorded { get; set; } = [];

        [Display(Name = "Have you completed this section?")]
        [Required(ErrorMessage = "Select yes if you have completed this section")]
        public bool? Completed { get; set; }

        public Guid? Version { get; set; }
    }

    public static IReadOnlyList<SelectListItem> YesNo { get; } = [new("Yes", "true"), new("No, I'll come back to it later", "false")];

    protected override async Task<IActionResult?> PrepareAsync()
    {
        if (await base.PrepareAsync() is { } result)
        {
            return result;
        }

        var headline = Framework.HeadlineOutcomes.FirstOrDefault(h => string.Equals(h.Code, HeadlineCode, StringComparison.OrdinalIgnoreCase));
        if (headline is null)
        {
            return NotFound();
        }

        Headline = headline;
        return null;
    }

    public void OnGet()
    {
        var section = SectionFor(Headline.Code);
        Input = new SectionInput
        {
            Strengths = section?.Strengths,
            Needs = section?.Needs,
            FamilyVoice = section?.FamilyVoice,
            Completed = section?.Completed,
            Version = section?.Version,
            Recorded = [.. NeedsUnder(Headline).Select(Key)],
        };
    }

    /// <summary>The members a person's need may be about, by the framework's age rules where it has them.</summary>
    public IEnumerable<FamilyMember> MembersFor(NeedDefinition need) => need.AppliesTo switch
    {
        AppliesTo.Adult => Family.Members.Where(m => m.DateOfBirth is not { } born || born.AddYears(16) <= Today),
        AppliesTo.Child => Family.Members.Where(m => m.DateOfBirth is not { } born || born.AddYears(18) > Today),
        _ => Family.Members,
    };

    /// <summary>
    /// The boxes a need offers: the family, or each member it may be about. A person's need recorded for the whole
    /// family at the front door (before anyone knew who) keeps a box of its own, so saving never drops it.
    /// </summary>
    public IReadOnlyList<(string Key, string Label)> OptionsFor(NeedDefinition need)
    {
        if (need.AppliesTo == AppliesTo.Family)
        {
            return [(Key(need.Code, null), "The family")];
        }

        var unassigned = Assessed.Needs.Any(n => n.Code == need.Code && n.MemberId is null)
            ? new[] { (Key(need.Code, null), "The family (recorded at the enquiry: untick it once you have chosen who)") }
            : [];
        return [.. unassigned, .. MembersFor(need).Select(m => (Key(need.Code, m.Id), m.FullName))];
    }

    public static string Key(EpisodeNeed need) => Key(need.Code, need.MemberId);

    public static string Key(string code, Guid? member) => member is { } id ? $"{code}|{id}" : code;

    public async Task<IActionResult> OnPostAsync()
    {
        var wanted = new HashSet<string>(Input.Recorded);
        var current = NeedsUnder(Headline).ToList();
        foreach (var need in current.Where(n => !wanted.Contains(Key(n))))
        {
            if (Assessed.EvidenceInForce.Any(e => e.NeedCode == need.Code && e.MemberId == need.MemberId))
            {
                ModelState.AddModelError("Input.Recorded", $"You cannot remove ‘{NeedText(need)}’: evidence has been recorded for it");
            }
        }

        var valid = Headline.Needs.SelectMany(n => OptionsFor(n).Select(o => o.Key)).ToHashSet();
        if (wanted.Any(w => !valid.Contains(w)))
        {
            ModelState.AddModelError("Input.Recorded", "Select needs from the list");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var section = SectionFor(Headline.Code);
        if (section is null)
        {
            section = new AssessmentSection { EpisodeId = Assessed.Id, HeadlineCode = Headline.Code };
            Db.AssessmentSections.Add(section);
        }

        section.Strengths = Clean(Input.Strengths);
        section.Needs = Clean(Input.Needs);
        section.FamilyVoice = Clean(Input.FamilyVoice);
        section.Completed = Input.Completed == true;
        Db.Needs.RemoveRange(current.Where(n => !wanted.Contains(Key(n))));
        foreach (var key in wanted.Where(k => !current.Any(n => Key(n) == k)))
        {
            var parts = key.Split('|');
            Db.Needs.Add(new EpisodeNeed { EpisodeId = Assessed.Id, Code = parts[0], MemberId = parts.Length > 1 ? Guid.Parse(parts[1]) : null, IdentifiedOn = Today });
        }

        StartIfNeeded();
        await Verdicts.RefreshAsync(Family, Assessed);
        var saved = Input.Version is { } version
            ? await Db.TrySaveFromAsync(section, version)
            : await TrySaveNewAsync();
        if (!saved)
        {
            // Keep this editor's answers on the form, and show what the other person saved.
            Conflict = true;
            Db.ChangeTracker.Clear();
            var theirs = await Db.AssessmentSections.AsNoTracking().SingleAsync(s => s.EpisodeId == Assessed.Id && s.HeadlineCode == Headline.Code);
            Theirs = theirs;
            Input.Version = theirs.Version;
            ModelState.Remove("Input.Version");
            return Page();
        }

        TempData["Notice"] = $"{Headline.Name}: saved";
        return Redirect(AssessmentPath);
    }

    /// <summary>What the other editor saved, when there was a conflict.</summary>
    public AssessmentSection? Theirs { get; private set; }

    private async Task<bool> TrySaveNewAsync()
    {
        try
        {
            await Db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            // Two people started the same section at once: the unique index keeps the first.
            return false;
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
