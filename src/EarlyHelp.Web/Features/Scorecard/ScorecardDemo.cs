using EarlyHelp.Core.Casework;
using EarlyHelp.Core.Scorecard;
using EarlyHelp.Core.SelfAssessment;
using EarlyHelp.Data;
using EarlyHelp.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.Scorecard;

/// <summary>
/// The demonstration's quality records: a multi-agency case file audit of about one closed episode in five, spread
/// over their closures, and two JTAI self-assessments six months apart, so the scorecard and the comparison have
/// something to show. Synthetic, like the rest of the demonstration.
/// </summary>
public static class ScorecardDemo
{
    private static readonly AuditGrade[] GradeMix =
        [AuditGrade.Outstanding, AuditGrade.Good, AuditGrade.Good, AuditGrade.Good, AuditGrade.Good, AuditGrade.RequiresImprovement, AuditGrade.RequiresImprovement, AuditGrade.Inadequate];

    public static async Task SeedAsync(EarlyHelpDbContext db, DateOnly today)
    {
        var random = new Random(2017);
        var auditorEmail = $"auditor@{DemoAccounts.Domain}";
        var recorder = await db.Users.AsNoTracking().Where(u => u.Email == auditorEmail).Select(u => new { u.Id, u.DisplayName }).SingleAsync();
        var managerEmail = $"manager@{DemoAccounts.Domain}";
        var manager = await db.Users.AsNoTracking().Where(u => u.Email == managerEmail).Select(u => u.Id).SingleAsync();
        var closed = await db.Episodes.AsNoTracking()
            .Where(e => e.ClosedOn != null && e.AllocatedOn != null)
            .Select(e => new { e.Id, e.FamilyId, ClosedOn = e.ClosedOn!.Value })
            .ToListAsync();
        foreach (var episode in closed.Where(_ => random.Next(5) == 0))
        {
            var on = episode.ClosedOn.AddDays(random.Next(7, 60));
            if (on > today)
            {
                continue;
            }

            var grade = GradeMix[random.Next(GradeMix.Length)];
            db.CaseFileAudits.Add(new CaseFileAudit
            {
                FamilyId = episode.FamilyId,
                EpisodeId = episode.Id,
                RecordedById = recorder.Id,
                Auditor = recorder.DisplayName,
                AuditedOn = on,
                AgenciesInvolved = "School, health visiting, housing",
                Grade = grade,
                AssessmentFindings = "The assessment covers each member of the family and the family's own view of what needs to change.",
                FamilyPlanFindings = "Each need has an action; the children's wishes are recorded in their own words.",
                MultiAgencyFindings = grade <= AuditGrade.Good ? "Partners attended the Team Around the Family meetings and did what they agreed." : "Health did not attend two of three meetings and actions drifted.",
                OutcomesFindings = grade <= AuditGrade.Good ? "Outcomes achieved and evidenced at closure." : "Outcomes are asserted rather than evidenced.",
                Actions = grade <= AuditGrade.Good ? "None" : "Coordinator to discuss attendance with the health partner lead within a month.",
                RecordedAt = DateTimeOffset.UtcNow,
            });
        }

        foreach (var (on, better) in new[] { (today.AddMonths(-7), false), (today.AddMonths(-1), true) })
        {
            db.JtaiSelfAssessments.Add(new JtaiSelfAssessment
            {
                AssessedOn = on,
                RecordedById = manager,
                RecordedAt = DateTimeOffset.UtcNow,
                Criteria = [.. JtaiCriteria.All.Select(c => new JtaiCriterionAssessment
                {
                    CriterionCode = c.Code,
                    Rating = (c.Number % 4, better) switch
                    {
                        (0, false) => SelfAssessmentRating.RequiresImprovement,
                        (1, false) => SelfAssessmentRating.RequiresImprovement,
                        (0, true) => SelfAssessmentRating.Good,
                        (3, true) when c.Number > 10 => SelfAssessmentRating.RequiresImprovement,
                        _ => SelfAssessmentRating.Good,
                    },
                    Evidence = $"Case file audits and the partnership's performance scorecard, reviewed for {c.Code}.",
                    Actions = better ? null : "Review at the next quarterly Performance and Practice Group.",
                })],
            });
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}
