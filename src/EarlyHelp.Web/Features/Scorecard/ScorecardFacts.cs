using EarlyHelp.Core.Calendar;
using EarlyHelp.Core.Casework;
using EarlyHelp.Core.Claims;
using EarlyHelp.Core.Scorecard;
using EarlyHelp.Data;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Scorecard;

/// <summary>
/// Reads what the scorecard's measures need from the database in a few narrow queries (dates, decisions, need
/// codes, birth dates, audit grades: no names or notes), and works out each episode's Supporting Families
/// eligibility by its framework's rule.
/// </summary>
public static class ScorecardFacts
{
    public static async Task<ScorecardData> LoadAsync(EarlyHelpDbContext db, Engine engine, int? childPopulation, CancellationToken cancellation = default)
    {
        var episodes = await db.Episodes.AsNoTracking()
            .Select(e => new
            {
                e.Id, e.FamilyId, e.TeamId, e.FrameworkId, e.ReceivedOn, e.Decision, e.AllocatedOn, e.AssessmentStartedOn, e.AssessmentCompletedOn,
                e.ClosedOn, e.ClosureReason, e.SteppedDownFromSocialCare, e.FamilyAgreesToEarlyHelp, e.LevelOfNeedAtStart, e.LevelOfNeedAtClosure,
            })
            .ToListAsync(cancellation);
        var meetings = (await db.Meetings.AsNoTracking().Where(m => m.Kind == MeetingKind.TeamAroundTheFamily).Select(m => new { m.EpisodeId, m.HeldOn }).ToListAsync(cancellation))
            .ToLookup(m => m.EpisodeId, m => m.HeldOn);
        var needs = (await db.Needs.AsNoTracking().Select(n => new { n.EpisodeId, n.Code }).ToListAsync(cancellation))
            .ToLookup(n => n.EpisodeId, n => n.Code);
        var births = (await db.Members.AsNoTracking().Where(m => m.DateOfBirth != null).Select(m => new { m.FamilyId, m.DateOfBirth }).ToListAsync(cancellation))
            .ToLookup(m => m.FamilyId, m => m.DateOfBirth!.Value);
        var audits = await db.CaseFileAudits.AsNoTracking()
            .Join(db.Episodes, a => a.EpisodeId, e => e.Id, (a, e) => new { a.EpisodeId, e.TeamId, a.AuditedOn, a.Grade })
            .ToListAsync(cancellation);
        var claims = await db.ClaimLines.AsNoTracking()
            .Where(l => l.State == ClaimLineState.Submitted)
            .Join(db.Claims, l => l.ClaimId, c => c.Id, (l, c) => new { l.FamilyId, l.TeamId, c.SubmittedAt })
            .ToListAsync(cancellation);

        bool Eligible(string frameworkId, IEnumerable<string> codes) =>
            engine.Frameworks.TryGet(frameworkId, out var framework)
            && codes.Select(code => framework.Needs.TryGetValue(code, out var need) ? need.HeadlineCode : null).OfType<string>().Distinct().Count() >= framework.MinimumHeadlineOutcomes;

        return new ScorecardData(
            [.. episodes.Select(e => new EpisodeFacts
            {
                EpisodeId = e.Id,
                FamilyId = e.FamilyId,
                TeamId = e.TeamId,
                ReceivedOn = e.ReceivedOn,
                Decision = e.Decision,
                AllocatedOn = e.AllocatedOn,
                AssessmentStartedOn = e.AssessmentStartedOn,
                AssessmentCompletedOn = e.AssessmentCompletedOn,
                TeamAroundTheFamilyMeetings = [.. meetings[e.Id]],
                ClosedOn = e.ClosedOn,
                ClosureReason = e.ClosureReason,
                SteppedDownFromSocialCare = e.SteppedDownFromSocialCare,
                FamilyAgreesToEarlyHelp = e.FamilyAgreesToEarlyHelp,
                LevelOfNeedAtStart = e.LevelOfNeedAtStart,
                LevelOfNeedAtClosure = e.LevelOfNeedAtClosure,
                EligibleForSupportingFamilies = Eligible(e.FrameworkId, needs[e.Id]),
                MemberBirthDates = [.. births[e.FamilyId]],
            })],
            [.. audits.Select(a => new AuditFacts(a.EpisodeId, a.TeamId, a.AuditedOn, a.Grade))],
            childPopulation,
            WorkingDays.EnglandAndWales,
            [.. claims.Where(c => c.SubmittedAt is not null).Select(c => new ClaimFacts(c.FamilyId, c.TeamId, LocalDay(c.SubmittedAt!.Value)))]);
    }

    /// <summary>The day a moment fell on in the server's time zone, as every "today" in the service is.</summary>
    private static DateOnly LocalDay(DateTimeOffset moment) => DateOnly.FromDateTime(moment.ToLocalTime().Date);
}
