using EarlyHelp.Core.Scorecard;
using EarlyHelp.Core.SelfAssessment;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Scorecard;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.Scorecard;

/// <summary>The demonstration's quality records, and the scorecard over the whole demonstration caseload.</summary>
public sealed class ScorecardDemoTests
{
    [Fact]
    public async Task The_demonstration_has_audits_and_two_self_assessments_and_a_full_scorecard()
    {
        var file = Path.Combine(Path.GetTempPath(), $"earlyhelp-demo-{Guid.NewGuid():N}.db");
        try
        {
            await using var app = WebHost.Build(["--urls", "http://127.0.0.1:0"], Engine.Load(Path.Combine(AppContext.BaseDirectory, "frameworks")), b =>
            {
                b.Configuration["ConnectionStrings:EarlyHelp"] = $"Data Source={file}";
                b.Configuration["EarlyHelp:Demo"] = "true";
                b.Configuration["EarlyHelp:DemoPassword"] = "demo-password-for-this-test";
            });
            await WebHost.PrepareDatabaseAsync(app);

            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
            var today = DateOnly.FromDateTime(DateTime.Now);
            var audits = await db.CaseFileAudits.AsNoTracking().ToListAsync();
            Assert.InRange(audits.Count, 5, 100);
            Assert.All(audits, a => Assert.True(a.AuditedOn <= today));
            Assert.Contains(audits, a => CaseFileAudit.GoodOrBetter(a.Grade));
            Assert.Contains(audits, a => !CaseFileAudit.GoodOrBetter(a.Grade));
            var assessments = await db.JtaiSelfAssessments.AsNoTracking().Include(a => a.Criteria).OrderBy(a => a.AssessedOn).ToListAsync();
            Assert.Equal(2, assessments.Count);
            Assert.All(assessments, a => Assert.Equal(JtaiCriteria.All.Select(c => c.Code).Order(), a.Criteria.Select(c => c.CriterionCode).Order()));

            // Over the demonstration's last year every timeliness measure has a figure, from the episodes' real dates.
            var data = await ScorecardFacts.LoadAsync(db, app.Services.GetRequiredService<Engine>(), 64_000);
            var rows = ScorecardCalculator.Compute(data, new Period(today.AddYears(-1), today), null);
            Assert.All(rows.Where(r => r.Measure.Group == MeasureGroup.Process), r => Assert.NotNull(r.Result.Value));
            Assert.NotNull(rows.Single(r => r.Measure.Code == "4.5").Result.Value);
            Assert.NotNull(rows.Single(r => r.Measure.Code == "2.1").Result.Value);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
