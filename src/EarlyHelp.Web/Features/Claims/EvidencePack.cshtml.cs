using System.ComponentModel.DataAnnotations;
using EarlyHelp.Core.Claims;
using EarlyHelp.Core.Outcomes;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Claims;

/// <summary>
/// One claimed family's evidence on one page, as the claim froze it: every need, its outcome, the evidence and
/// data behind it, who recorded it and when; and the auditor's check. Reading it is a read of the family's
/// record, so it is checked and audited as the family pages are.
/// </summary>
[Authorize(Roles = $"{Roles.Analyst},{Roles.Auditor},{Roles.Manager}")]
public sealed class EvidencePackModel(EarlyHelpDbContext db, CaseAccess access, AuditLog audit, Engine engine, ClaimDesk desk) : PageModel
{
    [FromRoute(Name = "claimId")]
    public Guid ClaimId { get; set; }

    [FromRoute(Name = "lineId")]
    public Guid LineId { get; set; }

    public Claim Claim { get; private set; } = null!;

    public ClaimLine Line { get; private set; } = null!;

    /// <summary>The case file as frozen in the claim.</summary>
    public CaseFile? CaseFile { get; private set; }

    /// <summary>The verdict judged again now from the frozen case file and framework version.</summary>
    public Verdict? Verdict { get; private set; }

    /// <summary>Whether judging again gives exactly the verdict stored when the family was claimed.</summary>
    public bool SameVerdict { get; private set; }

    public IReadOnlyList<string> SnapshotErrors { get; private set; } = [];

    public sealed record RecordedEvidence(EvidenceRecord Evidence, string? RecordedBy);

    public IReadOnlyList<RecordedEvidence> Evidence { get; private set; } = [];

    /// <summary>The family's evidence withdrawn as recorded in error since the claim was built.</summary>
    public IReadOnlyList<ClaimDesk.WithdrawnSinceClaimed> Withdrawn { get; private set; } = [];

    public bool MayCheck => User.IsInRole(Roles.Auditor) && Claim.State == ClaimState.InAudit && Line.State != ClaimLineState.Rejected;

    [BindProperty]
    [Display(Name = "Does the evidence support the claim for this family?")]
    [Required(ErrorMessage = "Select whether the family passes or is rejected")]
    public AuditResult? Result { get; set; }

    [BindProperty]
    [Display(Name = "Reasons")]
    [StringLength(2000, ErrorMessage = "Reasons must be 2,000 characters or fewer")]
    public string? Reason { get; set; }

    public static IEnumerable<SelectListItem> Results =>
    [
        new("Pass: the evidence supports the claim", nameof(AuditResult.Passed)),
        new("Reject: the family leaves the claim", nameof(AuditResult.Rejected)),
    ];

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var claim = await desk.FindAsync(ClaimId);
        var line = claim?.Lines.SingleOrDefault(l => l.Id == LineId);
        if (claim is null || line is null)
        {
            context.Result = NotFound();
            return;
        }

        var allowed = await access.CanSeeAsync(User, line.FamilyId);
        await audit.WriteAsync(HttpContext, line.FamilyId, !allowed ? "refused" : HttpMethods.IsGet(Request.Method) ? "read" : "change");
        if (!allowed)
        {
            context.Result = Forbid();
            return;
        }

        Claim = claim;
        Line = line;
        await LoadAsync();
        await next();
    }

    private async Task LoadAsync()
    {
        var version = await db.FrameworkVersions.AsNoTracking().SingleAsync(v => v.Hash == Line.FrameworkHash);
        (Verdict, SnapshotErrors) = FrameworkSnapshot.Evaluate(version, Line.CaseFile);
        SameVerdict = Verdict is not null && VerdictJson.ToJson(Verdict) == Line.Verdict;
        (CaseFile, _) = engine.Reader.Read(Line.CaseFile);
        if (CaseFile is null)
        {
            // The framework may no longer be installed; the frozen version still reads the file.
            var (framework, _) = Core.Frameworks.FrameworkLoader.Load($"{version.FrameworkId}.yaml", version.Definition);
            if (framework is not null)
            {
                (CaseFile, _) = new CaseFileReader(new Core.Frameworks.FrameworkCatalog([framework], engine.Frameworks.Instruments)).Read(Line.CaseFile);
            }
        }

        Withdrawn = [.. (await desk.WithdrawnSinceClaimedAsync(Claim)).Where(w => w.Line.Id == Line.Id)];
        var recorded = await db.Evidence.AsNoTracking().Where(e => e.EpisodeId == Line.EpisodeId)
            .Join(db.Users, e => e.RecordedById, u => u.Id, (e, u) => new { e.NeedCode, e.RecordedOn, e.Kind, e.Note, u.DisplayName })
            .ToListAsync();
        Evidence = [.. (CaseFile?.Evidence ?? []).Select(e => new RecordedEvidence(e, recorded
            .FirstOrDefault(r => r.NeedCode == e.Need && r.RecordedOn == e.Date && r.Kind == CaseVocabulary.Name(e.Kind) && r.Note == e.Note)?.DisplayName))];
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!MayCheck)
        {
            return Forbid();
        }

        if (Result == AuditResult.Rejected && string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter the reasons for rejecting the family");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await desk.RecordCheckAsync(Claim, Line, Result!.Value, Reason, CaseAccess.UserId(User)!);
        TempData["Notice"] = Result == AuditResult.Passed ? $"{Line.FamilyReference} passed" : $"{Line.FamilyReference} rejected: the family has left the claim";
        return Redirect($"/claims/{ClaimId}");
    }

    public string NeedSummary(string code) =>
        engine.Frameworks.TryGet(Verdict?.Framework ?? "", out var framework) ? framework.SummaryOf(code) : code;

    public string HeadlineName(string code) => desk.HeadlineName(code);

    /// <summary>The measure's scores and what the evidence says of the outcome, e.g. ": SDQ 22 before, 14 after; outcome achieved".</summary>
    public static string WhatItSays(EvidenceRecord evidence)
    {
        string?[] parts =
        [
            evidence.Instrument is { } instrument ? $"{instrument} {evidence.Before} before, {evidence.After} after" : null,
            evidence.OutcomeAchieved switch { true => "outcome achieved", false => "outcome not achieved", _ => null },
        ];
        var said = parts.OfType<string>().ToList();
        return said.Count == 0 ? "" : ": " + string.Join("; ", said);
    }

    public static string Kind(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Data => "Data",
        EvidenceKind.ValidatedMeasure => "Validated measure",
        EvidenceKind.PractitionerAssessment => "Practitioner assessment",
        EvidenceKind.SelfAssessment => "Self-assessment",
        _ => "Supplementary",
    };
}
