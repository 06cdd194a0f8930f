using EarlyHelp.Core.Casework;
using EarlyHelp.Core.Claims;
using EarlyHelp.Core.Outcomes;
using Episode = EarlyHelp.Core.Casework.Episode;
using EarlyHelp.Core.Value;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EarlyHelp.Web.Features.Claims;

/// <summary>The claim windows and audit sample share, from EarlyHelp:Claims.</summary>
public sealed class ClaimsOptions
{
    public List<ClaimWindow> Windows { get; set; } = [];

    /// <summary>The share of a claim's families the auditor checks before it is submitted: 0.1 is 10%.</summary>
    public decimal AuditShare { get; set; } = AuditSample.DefaultShare;
}

/// <summary>
/// Building a claim from the families claimable now, sending it for audit with a drawn sample, recording the
/// auditor's checks and submitting it: the rules the claims pages share.
/// </summary>
public sealed class ClaimDesk(EarlyHelpDbContext db, Engine engine, TimeProvider clock, IOptions<ClaimsOptions> options)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public IReadOnlyList<ClaimWindow> Windows => options.Value.Windows;

    public decimal AuditShare => options.Value.AuditShare;

    public IReadOnlyList<ClaimWindow> OpenWindows => [.. Windows.Where(w => w.IsOpenOn(Today))];

    /// <summary>Episodes whose stored claim status makes them claimable today: claimable, or pending with its date come.</summary>
    public static IQueryable<Episode> ClaimableNow(IQueryable<Episode> episodes, DateOnly today) =>
        episodes.Where(e => e.ClaimStatus == ClaimStatus.Claimable || (e.ClaimStatus == ClaimStatus.Pending && e.ClaimableOn != null && e.ClaimableOn <= today));

    /// <summary>The families claimed for, or in a claim being made, and not rejected.</summary>
    public IQueryable<Guid> ClaimedFamilies(string? programme = null) =>
        db.ClaimLines.Where(l => l.State != ClaimLineState.Rejected && (programme == null || l.Programme == programme)).Select(l => l.FamilyId);

    public sealed record BuildResult(Claim? Claim, string? Error);

    /// <summary>
    /// A new draft claim for the window: every family claimable today by the engine and not claimed before under
    /// the window's programme, each with its case file, verdict and framework definition frozen.
    /// </summary>
    public async Task<BuildResult> BuildAsync(string windowName, string userId)
    {
        var window = Windows.FirstOrDefault(w => w.Name == windowName);
        if (window is null)
        {
            return new(null, "Select a claim window");
        }

        var today = Today;
        if (!window.IsOpenOn(today))
        {
            return new(null, $"The {window.Name} window is open from {CaseworkText.Date(window.Opens)} to {CaseworkText.Date(window.Closes)}: a claim can only be built while it is open");
        }

        if (await db.Claims.AnyAsync(c => c.Programme == window.Programme && c.WindowName == window.Name && c.State != ClaimState.Submitted))
        {
            return new(null, $"There is already a claim for {window.Name} that has not been submitted: finish it first");
        }

        var claimed = ClaimedFamilies(window.Programme);
        var candidates = await ClaimableNow(db.Episodes.Where(e => e.Stage == EpisodeStage.Closed), today)
            .Where(e => !claimed.Contains(e.FamilyId))
            .Select(e => new { e.Id, e.FamilyId, e.Number })
            .ToListAsync();
        var episodeIds = candidates.GroupBy(c => c.FamilyId).Select(g => g.MaxBy(c => c.Number)!.Id).ToList();

        var now = clock.GetUtcNow();
        var claim = new Claim
        {
            WindowName = window.Name,
            Programme = window.Programme,
            WindowOpens = window.Opens,
            WindowCloses = window.Closes,
            PaymentPerFamily = window.PaymentPerFamily,
            State = ClaimState.Draft,
            CreatedAt = now,
            CreatedById = userId,
            SampleShare = AuditShare,
        };
        var versions = new Dictionary<string, FrameworkVersion>(StringComparer.Ordinal);
        foreach (var chunk in episodeIds.Chunk(200))
        {
            var episodes = await db.Episodes.Where(e => chunk.Contains(e.Id)).Include(e => e.Needs).Include(e => e.Evidence).AsSplitQuery().AsNoTracking().ToListAsync();
            var familyIds = episodes.Select(e => e.FamilyId).ToList();
            var families = await db.Families.Where(f => familyIds.Contains(f.Id)).Include(f => f.Members).AsNoTracking().ToDictionaryAsync(f => f.Id);
            var leadIds = episodes.Select(e => e.LeadPractitionerId).OfType<string>().Distinct().ToList();
            var leads = await db.Users.Where(u => leadIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
            foreach (var episode in episodes.OrderBy(e => families[e.FamilyId].Reference, StringComparer.Ordinal))
            {
                if (!engine.Frameworks.TryGet(episode.FrameworkId, out _))
                {
                    continue;
                }

                var family = families[episode.FamilyId];
                var lead = episode.LeadPractitionerId is { } id ? leads.GetValueOrDefault(id) : null;
                var (file, _) = EpisodeCaseFile.Build(family, episode, lead, today);
                var verdict = engine.Evaluator.Evaluate(file);
                if (verdict.Claim.Status != ClaimStatus.Claimable)
                {
                    continue; // the stored status was out of date: the engine, judging now, has the last word
                }

                if (!versions.TryGetValue(episode.FrameworkId, out var version))
                {
                    version = FrameworkSnapshot.Capture(engine.Frameworks, episode.FrameworkId, now);
                    versions[episode.FrameworkId] = version;
                }

                claim.Lines.Add(new ClaimLine
                {
                    FamilyId = family.Id,
                    EpisodeId = episode.Id,
                    TeamId = episode.TeamId,
                    FamilyReference = family.Reference,
                    WindowName = window.Name,
                    Programme = window.Programme,
                    ClaimedOn = today,
                    State = ClaimLineState.Draft,
                    Payment = window.PaymentPerFamily,
                    CaseFile = CaseFileJson.ToJson(file),
                    Verdict = VerdictJson.ToJson(verdict),
                    FrameworkHash = version.Hash,
                    HeadlineOutcomesMet = string.Join(",", verdict.Needs.Where(n => n.Status == OutcomeStatus.Met).Select(n => n.Headline).Distinct().Order(StringComparer.Ordinal)),
                    JudgementOnly = AuditSample.RestsOnJudgementOnly(file),
                });
            }
        }

        if (claim.Lines.Count == 0)
        {
            return new(null, "No family is claimable now that has not been claimed for under " + window.Programme);
        }

        foreach (var version in versions.Values)
        {
            if (!await db.FrameworkVersions.AnyAsync(v => v.Hash == version.Hash))
            {
                db.FrameworkVersions.Add(version);
            }
        }

        db.Claims.Add(claim);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The database refuses a second claim for a family under the same programme, e.g. from a build at the same moment.
            db.ChangeTracker.Clear();
            return new(null, "Some of these families were claimed for by someone else at the same time: build the claim again");
        }

        return new(claim, null);
    }

    /// <summary>Draws the audit sample and moves the claim from draft to in audit.</summary>
    public async Task<string?> SendForAuditAsync(Claim claim)
    {
        if (claim.State != ClaimState.Draft)
        {
            return "Only a draft claim can be sent for audit";
        }

        var lines = claim.Lines.Where(l => l.State != ClaimLineState.Rejected).ToList();
        claim.SampleSeed = claim.Id.ToString("N");
        var sample = AuditSample.Choose(lines.Select(l => new AuditSample.Candidate(l.FamilyReference, l.JudgementOnly)), claim.SampleShare, claim.SampleSeed).ToHashSet(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            line.Sampled = sample.Contains(line.FamilyReference);
            line.State = ClaimLineState.InAudit;
        }

        claim.State = ClaimState.InAudit;
        claim.SentForAuditAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        return null;
    }

    /// <summary>The auditor's check of one family: a rejected family leaves the claim.</summary>
    public async Task RecordCheckAsync(Claim claim, ClaimLine line, AuditResult result, string? reason, string auditorId)
    {
        line.AuditResult = result;
        line.AuditReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        line.AuditedById = auditorId;
        line.AuditedAt = clock.GetUtcNow();
        line.State = result == AuditResult.Rejected ? ClaimLineState.Rejected : LineStateFor(claim.State);
        await db.SaveChangesAsync();
    }

    /// <summary>The sampled families not yet checked, by reference; a claim is submitted only when there are none.</summary>
    public static IReadOnlyList<string> Unchecked(Claim claim) =>
        [.. claim.Lines.Where(l => l.Sampled && l.AuditResult is null).Select(l => l.FamilyReference).Order(StringComparer.Ordinal)];

    /// <summary>
    /// A piece of evidence withdrawn as recorded in error after the claim was built: the case file the line froze may
    /// no longer stand, so the auditor checks the family again before the claim is submitted.
    /// </summary>
    public sealed record WithdrawnSinceClaimed(ClaimLine Line, string NeedCode, DateOnly EvidenceOf, DateTimeOffset At, string Reason)
    {
        /// <summary>The family is still in the claim and the auditor has not checked it since the withdrawal.</summary>
        public bool AwaitsCheck => Line.State != ClaimLineState.Rejected && (Line.AuditedAt is not { } checkedAt || checkedAt < At);
    }

    public async Task<IReadOnlyList<WithdrawnSinceClaimed>> WithdrawnSinceClaimedAsync(Claim claim)
    {
        // An episode may have more than one line in a claim: one the auditor rejected, and one added since.
        var lines = claim.Lines.ToLookup(l => l.EpisodeId);
        var episodes = lines.Select(g => g.Key).ToList();
        var withdrawn = await db.Evidence.AsNoTracking()
            .Where(v => episodes.Contains(v.EpisodeId) && v.Withdrawal != null)
            .ToListAsync();
        // Compared here: SQLite stores the times as text, which EF cannot compare in SQL. Evidence dated after the
        // family was claimed cannot be in the case file the claim froze.
        return [.. withdrawn
            .SelectMany(v => lines[v.EpisodeId], (v, line) => (Evidence: v, Line: line))
            .Where(x => x.Evidence.Withdrawal!.At > claim.CreatedAt && x.Evidence.RecordedOn <= x.Line.ClaimedOn)
            .OrderBy(x => x.Line.FamilyReference, StringComparer.Ordinal).ThenBy(x => x.Evidence.Withdrawal!.At)
            .Select(x => new WithdrawnSinceClaimed(x.Line, x.Evidence.NeedCode, x.Evidence.RecordedOn, x.Evidence.Withdrawal!.At, x.Evidence.Withdrawal.Reason))];
    }

    public async Task<string?> SubmitAsync(Claim claim)
    {
        if (claim.State != Core.Claims.ClaimState.InAudit)
        {
            return claim.State == Core.Claims.ClaimState.Draft ? "Send the claim for audit before submitting it" : "The claim has already been submitted";
        }

        var waiting = Unchecked(claim);
        if (waiting.Count > 0)
        {
            return $"The auditor has not checked {waiting.Count} sampled {(waiting.Count == 1 ? "family" : "families")} yet: {string.Join(", ", waiting)}";
        }

        var changed = (await WithdrawnSinceClaimedAsync(claim)).Where(w => w.AwaitsCheck).Select(w => w.Line.FamilyReference).Distinct().ToList();
        if (changed.Count > 0)
        {
            return $"Evidence was withdrawn after the claim was built: the auditor must check {(changed.Count == 1 ? "this family" : "these families")} again first: {string.Join(", ", changed)}";
        }

        claim.State = Core.Claims.ClaimState.Submitted;
        claim.SubmittedAt = clock.GetUtcNow();
        foreach (var line in claim.Lines.Where(l => l.State != ClaimLineState.Rejected))
        {
            line.State = ClaimLineState.Submitted;
        }

        await db.SaveChangesAsync();
        return null;
    }

    private static ClaimLineState LineStateFor(ClaimState state) => state switch
    {
        Core.Claims.ClaimState.Draft => ClaimLineState.Draft,
        Core.Claims.ClaimState.InAudit => ClaimLineState.InAudit,
        _ => ClaimLineState.Submitted,
    };

    public Task<Claim?> FindAsync(Guid id) => db.Claims.Include(c => c.Lines).SingleOrDefaultAsync(c => c.Id == id);

    /// <summary>The estimated fiscal value of the outcomes achieved by the families in these lines, by headline outcome.</summary>
    public static FiscalValueEstimate FiscalValueOf(IEnumerable<ClaimLine> lines)
    {
        var byHeadline = lines
            .Where(l => l.State != ClaimLineState.Rejected)
            .SelectMany(l => l.HeadlineOutcomesMet.Split(',', StringSplitOptions.RemoveEmptyEntries))
            .GroupBy(h => h, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return FiscalValue.Estimate(UnitCostTables.Doncaster, FiscalValue.DoncasterMapping, byHeadline);
    }

    /// <summary>The framework whose headline outcomes the fiscal value mapping names.</summary>
    public const string NationalFramework = "national-2022";

    /// <summary>A headline outcome's name: the national framework's where it has the code, as local frameworks may share codes.</summary>
    public string HeadlineName(string code) =>
        engine.Frameworks.All.OrderBy(f => f.Id != NationalFramework).Select(f => f.HeadlinesByCode.GetValueOrDefault(code)).FirstOrDefault(h => h is not null)?.Name ?? code;
}
