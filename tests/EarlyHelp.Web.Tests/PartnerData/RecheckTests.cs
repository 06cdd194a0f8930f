using EarlyHelp.Core.Calendar;
using EarlyHelp.Core.Casework;
using EarlyHelp.Core.Frameworks;
using EarlyHelp.Core.Outcomes;
using EarlyHelp.Core.PartnerData;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families;
using EarlyHelp.Web.Features.PartnerData;
using EarlyHelp.Web.Tests.Casework;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.PartnerData;

/// <summary>
/// Re-checking families closed in the last six months when police or attendance data is imported: a new incident or an
/// attendance drop after closure makes the need no longer sustained, changes the verdict and claim status, and tells the
/// lead practitioner; data from before closure, after the six months, or about a family closed longer ago does not.
/// </summary>
public abstract class RecheckTests<TSite>(TSite site) : IClassFixture<TSite>, IDisposable
    where TSite : CaseworkSite
{
    private readonly string folder = Directory.CreateTempSubdirectory("earlyhelp-recheck-").FullName;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    public void Dispose()
    {
        Directory.Delete(folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private async Task<Guid> ClosedFamilyAsync(string prefix, DateOnly closedOn, params string[] needs)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
        var lead = await db.Users.SingleAsync(u => u.UserName == "north.practitioner@test.example");
        var family = new Family { Reference = $"{prefix}-FAM", PartnerFamilyId = $"{prefix}-F" };
        var parent = new FamilyMember { GivenName = "Ann", FamilyName = "Lee", Relationship = "Mother", DateOfBirth = new DateOnly(1984, 2, 1), PersonId = $"{prefix}-P1" };
        var child = new FamilyMember { GivenName = "Kit", FamilyName = "Lee", Relationship = "Son", DateOfBirth = Today.AddYears(-13), PersonId = $"{prefix}-P2" };
        family.Members.AddRange([parent, child]);
        var episode = new Core.Casework.Episode
        {
            Number = 1, Stage = EpisodeStage.Closed, FrameworkId = "national-2022", ReceivedOn = closedOn.AddMonths(-8), EnquirySource = "School",
            EnquiryReason = "Worries", FamilyAgreesToEarlyHelp = true, LeadPractitionerId = lead.Id, TeamId = lead.TeamId, AllocatedOn = closedOn.AddMonths(-8),
            AssessmentCompletedOn = closedOn.AddMonths(-7), FamilyPlanAgreedOn = closedOn.AddMonths(-7), SupportReceived = true, ClosedOn = closedOn,
            ClosureReason = ClosureReason.OutcomesAchieved,
        };
        foreach (var code in needs)
        {
            var about = code.StartsWith("EDU", StringComparison.Ordinal) || code.StartsWith("CRM-YP", StringComparison.Ordinal) ? child.Id : (Guid?)null;
            episode.Needs.Add(new EpisodeNeed { Code = code, MemberId = about, IdentifiedOn = closedOn.AddMonths(-8) });
            foreach (var kind in new[] { "practitioner-assessment", "self-assessment" })
            {
                episode.Evidence.Add(new EvidenceEntry { NeedCode = code, MemberId = about, RecordedOn = closedOn.AddDays(-7), Kind = kind, OutcomeAchieved = true, RecordedById = lead.Id });
            }
        }

        family.Episodes.Add(episode);
        db.Families.Add(family);
        await scope.ServiceProvider.GetRequiredService<FamilyVerdicts>().RefreshAsync(family, episode);
        await db.SaveChangesAsync();
        return family.Id;
    }

    private async Task<PartnerImport> ImportAsync(PartnerDataset dataset, string csv)
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv);
        await using var scope = site.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<PartnerDataImporter>();
        var record = await importer.RecordAsync(dataset, path, $"{dataset}.csv", "analyst-id", "Alex Analyst");
        var result = await importer.ImportAsync(record.Id, path);
        Assert.Equal(ImportStatus.Succeeded, result.Status);
        await ImportFollowUp.RunAsync(scope.ServiceProvider, result);
        return result;
    }

    private async Task<(Core.Casework.Episode Episode, Verdict Verdict, List<PartnerDataNotice> Notices)> StateAsync(Guid familyId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
        var family = await db.Families.Include(f => f.Members).Include(f => f.Episodes).ThenInclude(e => e.Needs)
            .Include(f => f.Episodes).ThenInclude(e => e.Evidence).SingleAsync(f => f.Id == familyId);
        var episode = family.Episodes.Single();
        var (verdict, _) = await scope.ServiceProvider.GetRequiredService<FamilyVerdicts>().EvaluateAsync(family, episode);
        var notices = await db.PartnerDataNotices.Where(n => n.FamilyId == familyId).ToListAsync();
        return (episode, verdict!, notices);
    }

    private static string People(string prefix) =>
        $"{prefix}-P1,{prefix}-F,1984-02-01,\n{prefix}-P2,{prefix}-F,{Today.AddYears(-13):yyyy-MM-dd},\n";

    [Fact]
    public async Task A_police_incident_after_closure_makes_the_need_no_longer_sustained_and_tells_the_lead_practitioner()
    {
        var closed = Today.AddMonths(-2);
        var recent = await ClosedFamilyAsync("RC1", closed, "CRM-YP-RISK", "FIN-DEBT", "HLT-ADULT-MH");
        var longAgo = await ClosedFamilyAsync("RC2", Today.AddMonths(-7), "CRM-YP-RISK", "FIN-DEBT", "HLT-ADULT-MH");
        var (_, before, _) = await StateAsync(recent);
        Assert.Equal(OutcomeStatus.Pending, before.Needs.Single(n => n.Code == "CRM-YP-RISK").Status);
        Assert.NotEqual(ClaimStatus.NotClaimable, before.Claim.Status);
        var longAgoBefore = (await StateAsync(longAgo)).Episode.ClaimStatus;

        await ImportAsync(PartnerDataset.People, "person_id,family_id,date_of_birth,expected_baby_due\n" + People("RC1") + People("RC2"));

        // Before closure, after the six months, and about a family closed seven months ago: none of these count.
        await ImportAsync(PartnerDataset.Police,
            "person_id,date,type,role,severe\n" +
            $"RC1-P2,{closed.AddDays(-10):yyyy-MM-dd},asb,subject,0\n" +
            $"RC1-P2,{closed.AddMonths(6).AddDays(3):yyyy-MM-dd},arrest,subject,0\n" +
            $"RC2-P2,{Today.AddMonths(-7).AddDays(10):yyyy-MM-dd},arrest,subject,0\n");
        var (quiet, quietVerdict, quietNotices) = await StateAsync(recent);
        Assert.DoesNotContain(quiet.Evidence, e => e.FromPartnerData is not null);
        Assert.Empty(quietNotices);
        Assert.Equal(before.Claim.Status, quietVerdict.Claim.Status);
        var (longAgoEpisode, _, longAgoNotices) = await StateAsync(longAgo);
        Assert.Empty(longAgoNotices);
        Assert.Equal(longAgoBefore, longAgoEpisode.ClaimStatus);

        // An arrest of the young person a month after closure.
        var incident = closed.AddMonths(1);
        var import = await ImportAsync(PartnerDataset.Police, $"person_id,date,type,role,severe\nRC1-P2,{incident:yyyy-MM-dd},arrest,subject,1\n");
        var (episode, after, notices) = await StateAsync(recent);
        var evidence = Assert.Single(episode.Evidence, e => e.FromPartnerData is not null);
        Assert.Equal(("CRM-YP-RISK", "data", false, incident, "analyst-id"), (evidence.NeedCode, evidence.Kind, evidence.OutcomeAchieved!.Value, evidence.RecordedOn, evidence.RecordedById));
        Assert.Equal(("arrest", true, import.Id), (evidence.FromPartnerData!.EventType, evidence.FromPartnerData.Severe, evidence.FromPartnerData.ImportId));
        Assert.Contains("imported by Alex Analyst", evidence.Note, StringComparison.Ordinal);
        var need = after.Needs.Single(n => n.Code == "CRM-YP-RISK");
        Assert.Equal(OutcomeStatus.NotMet, need.Status);
        Assert.Contains(need.Reasons, r => r.Contains($"{incident:yyyy-MM-dd}", StringComparison.Ordinal));
        Assert.Equal(ClaimStatus.NotClaimable, after.Claim.Status);
        Assert.Equal(ClaimStatus.NotClaimable, episode.ClaimStatus); // the stored status the caseload filters by
        var notice = Assert.Single(notices);
        Assert.Equal("CRM-YP-RISK", notice.NeedCode);
        Assert.Null(notice.DismissedAt);

        // The lead practitioner sees it on the caseload and the family's overview until they dismiss it.
        var lead = await site.SignedInAsync("north.practitioner");
        Assert.Contains("no longer sustained", await lead.GetStringAsync("/caseload"), StringComparison.Ordinal);
        Assert.Contains("RC1-FAM, CRM-YP-RISK", await lead.GetStringAsync($"/families/{recent}"), StringComparison.Ordinal);
        var dismissed = await CaseworkSite.PostFormAsync(lead, $"/partner-data/notices/{notice.Id}/dismiss", new() { ["returnUrl"] = "/caseload" }, tokenFrom: "/caseload");
        Assert.Equal("/caseload", dismissed.Headers.Location?.OriginalString);
        Assert.DoesNotContain("RC1-FAM, CRM-YP-RISK", await lead.GetStringAsync("/caseload"), StringComparison.Ordinal);

        // The same data again records nothing twice.
        await ImportAsync(PartnerDataset.Police, $"person_id,date,type,role,severe\nRC1-P2,{incident:yyyy-MM-dd},arrest,subject,1\n");
        Assert.Single((await StateAsync(recent)).Episode.Evidence, e => e.FromPartnerData is not null);
    }

    [Fact]
    public async Task A_term_of_attendance_below_the_threshold_after_closure_makes_the_attendance_need_not_met()
    {
        var calendar = SchoolCalendar.England;
        var lastTerm = calendar.LastEndedOnOrBefore(Today);
        var closed = calendar.End(lastTerm).AddDays(-20); // the last term ended after closure, the one before it did not
        var family = await ClosedFamilyAsync("RA1", closed, "EDU-ATTEND-90", "FIN-DEBT", "HLT-ADULT-MH");
        var before = (await StateAsync(family)).Verdict.Needs.Single(n => n.Code == "EDU-ATTEND-90");

        await ImportAsync(PartnerDataset.People, "person_id,family_id,date_of_birth\n" + People("RA1").Replace(",\n", "\n", StringComparison.Ordinal));
        string Term(SchoolTerm t) => $"{t.AcademicYearStart}/{(t.AcademicYearStart + 1) % 100:00},{t.Name.ToString().ToLowerInvariant()}";
        await ImportAsync(PartnerDataset.Attendance,
            "person_id,academic_year,term,possible_sessions,attended_sessions,authorised_absence,unauthorised_absence\n" +
            $"RA1-P2,{Term(lastTerm.Previous)},100,60,20,20\n" + // poor, but ended before closure
            $"RA1-P2,{Term(lastTerm)},100,95,3,2\n"); // good after closure: nothing to say
        Assert.DoesNotContain((await StateAsync(family)).Episode.Evidence, e => e.FromPartnerData is not null);

        await ImportAsync(PartnerDataset.Attendance,
            "person_id,academic_year,term,possible_sessions,attended_sessions,authorised_absence,unauthorised_absence\n" +
            $"RA1-P2,{Term(lastTerm)},100,72,18,10\n"); // the later extract corrects the term: 72%
        var (episode, after, notices) = await StateAsync(family);
        var evidence = Assert.Single(episode.Evidence, e => e.FromPartnerData is not null);
        Assert.Equal(("EDU-ATTEND-90", lastTerm.Ordinal, 72), (evidence.NeedCode, evidence.FromPartnerData!.Term, evidence.FromPartnerData.AttendedSessions));
        Assert.Contains("attended 72% of 100 sessions", evidence.Note, StringComparison.Ordinal);
        Assert.Contains("below the 90% the need's outcome requires", evidence.Note, StringComparison.Ordinal);
        var need = after.Needs.Single(n => n.Code == "EDU-ATTEND-90");
        Assert.DoesNotContain(before.Reasons, r => r.Contains("72", StringComparison.Ordinal)); // no attendance was known: now the engine judges the term
        Assert.Equal(OutcomeStatus.NotMet, need.Status);
        Assert.Contains(need.Reasons, r => r.Contains("72", StringComparison.Ordinal));
        Assert.Equal("EDU-ATTEND-90", Assert.Single(notices).NeedCode);
    }
}

public sealed class SqliteRecheckTests(SqliteSite site) : RecheckTests<SqliteSite>(site);

public sealed class PostgresRecheckTests(PostgresSite site) : RecheckTests<PostgresSite>(site);
