using EarlyHelp.Core.Casework;
using EarlyHelp.Core.Claims;
using EarlyHelp.Core.Scorecard;
using EarlyHelp.Data;
using EarlyHelp.Web.Tests.Casework;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.Scorecard;

/// <summary>The casework site with a child population of 20,000 set, as a council sets it.</summary>
public class ScorecardSqliteSite : SqliteSite
{
    protected override void Configure(WebApplicationBuilder builder) => builder.Configuration["EarlyHelp:Scorecard:ChildPopulation"] = "20000";
}

public class ScorecardPostgresSite : PostgresSite
{
    protected override void Configure(WebApplicationBuilder builder) => builder.Configuration["EarlyHelp:Scorecard:ChildPopulation"] = "20000";
}

/// <summary>
/// Families with known dates in Q1 2025-26 (April to June 2025), when the site's own three families have nothing
/// but two open episodes, so the scorecard's figures for that quarter can be worked out by hand. Bank holidays in
/// the quarter: Good Friday 18 April, Easter Monday 21 April, 5 May and 26 May 2025.
/// </summary>
public static class ScorecardCases
{
    public const string Marker = "SC-F1";

    public static async Task EnsureAsync(CaseworkSite site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
        if (await db.Families.AnyAsync(f => f.Reference == Marker))
        {
            return;
        }

        var north = await db.Teams.SingleAsync(t => t.Name == "North");
        var south = await db.Teams.SingleAsync(t => t.Name == "South");
        var auditor = await db.Users.SingleAsync(u => u.UserName == "auditor@test.example");

        static Family NewFamily(string reference, params DateOnly[] births)
        {
            var family = new Family { Reference = reference };
            foreach (var born in births)
            {
                family.Members.Add(new FamilyMember { GivenName = "Test", FamilyName = reference, Relationship = born.Year > 2007 ? "Child" : "Parent", DateOfBirth = born });
            }

            return family;
        }

        static Episode NewEpisode(int number, Guid team, DateOnly received) => new()
        {
            Number = number,
            Stage = EpisodeStage.Plan,
            FrameworkId = "national-2022",
            ReceivedOn = received,
            EnquirySource = "School",
            EnquiryReason = "Known dates for the scorecard.",
            FamilyAgreesToEarlyHelp = true,
            TeamId = team,
        };

        // F1, North: enquiry to allocation 1 working day across Easter; 2 to the assessment's start; 9 to its completion
        // (across 5 May); 3 to the first TAF meeting. Two children; needs across three headline outcomes: eligible.
        var f1 = NewFamily(Marker, new DateOnly(1990, 1, 1), new DateOnly(2015, 3, 3), new DateOnly(2016, 4, 4));
        var f1Episode = NewEpisode(1, north.Id, new DateOnly(2025, 4, 17));
        f1Episode.Decision = FrontDoorDecision.EarlyHelpAssessment;
        f1Episode.AllocatedOn = new DateOnly(2025, 4, 22);
        f1Episode.AssessmentStartedOn = new DateOnly(2025, 4, 24);
        f1Episode.AssessmentCompletedOn = new DateOnly(2025, 5, 8);
        f1Episode.Meetings.Add(new Meeting { Kind = MeetingKind.TeamAroundTheFamily, HeldOn = new DateOnly(2025, 5, 13), Attendees = "School, health", Decisions = "Plan agreed" });
        f1Episode.Needs.AddRange(new[] { "FIN-DEBT", "REL-PARENTING", "HLT-ADULT-MH" }.Select(code => new EpisodeNeed { Code = code, IdentifiedOn = new DateOnly(2025, 4, 17) }));
        f1.Episodes.Add(f1Episode);

        // F2, South: closed on 2 September 2024 and referred again on 2 June 2025, a re-referral; allocated 5 working days later. One child.
        var f2 = NewFamily("SC-F2", new DateOnly(2012, 6, 6));
        var f2First = NewEpisode(1, south.Id, new DateOnly(2024, 3, 1));
        f2First.Stage = EpisodeStage.Closed;
        f2First.AllocatedOn = new DateOnly(2024, 3, 5);
        f2First.ClosedOn = new DateOnly(2024, 9, 2);
        f2First.ClosureReason = ClosureReason.OutcomesAchieved;
        var f2Second = NewEpisode(2, south.Id, new DateOnly(2025, 6, 2));
        f2Second.AllocatedOn = new DateOnly(2025, 6, 9);
        f2.Episodes.AddRange([f2First, f2Second]);

        // F3, South: stepped up to social care at the front door, never helped.
        var f3 = NewFamily("SC-F3");
        var f3Episode = NewEpisode(1, south.Id, new DateOnly(2025, 5, 1));
        f3Episode.Stage = EpisodeStage.Closed;
        f3Episode.Decision = FrontDoorDecision.StepUpToSocialCare;
        f3Episode.ClosedOn = new DateOnly(2025, 5, 1);
        f3Episode.ClosureReason = ClosureReason.StepUpToSocialCare;
        f3.Episodes.Add(f3Episode);

        // F4, North: allocated in January 2025 (2 working days), stepped up in June with its level of need up from 2 to 3. No children.
        var f4 = NewFamily("SC-F4", new DateOnly(1980, 1, 1));
        var f4Episode = NewEpisode(1, north.Id, new DateOnly(2025, 1, 6));
        f4Episode.Stage = EpisodeStage.Closed;
        f4Episode.AllocatedOn = new DateOnly(2025, 1, 8);
        f4Episode.ClosedOn = new DateOnly(2025, 6, 20);
        f4Episode.ClosureReason = ClosureReason.StepUpToSocialCare;
        f4Episode.LevelOfNeedAtStart = 2;
        f4Episode.LevelOfNeedAtClosure = 3;
        f4.Episodes.Add(f4Episode);

        db.Families.AddRange(f1, f2, f3, f4);
        await db.SaveChangesAsync();

        // Two audits in the quarter: F1's good, F2's inadequate.
        db.CaseFileAudits.AddRange(
            Audit(f1.Id, f1Episode.Id, new DateOnly(2025, 6, 10), AuditGrade.Good, auditor.Id),
            Audit(f2.Id, f2Second.Id, new DateOnly(2025, 6, 11), AuditGrade.Inadequate, auditor.Id));
        await db.SaveChangesAsync();

        // A claim submitted on 12 June 2025 with F1 (North) and F2 (South, rejected by the auditor), and a claim still
        // in draft with F4: only F1 counts as claimed in the quarter.
        var framework = new FrameworkVersion { Hash = new string('0', 64), FrameworkId = "national-2022", Definition = "(test)", Instruments = "(test)" };
        var submitted = NewClaim("Q1 2025-26 test window", ClaimState.Submitted, auditor.Id, new DateTimeOffset(2025, 6, 12, 12, 0, 0, TimeSpan.Zero));
        submitted.Lines.Add(NewLine(f1, f1Episode, north.Id, ClaimLineState.Submitted, framework.Hash));
        submitted.Lines.Add(NewLine(f2, f2Second, south.Id, ClaimLineState.Rejected, framework.Hash));
        var draft = NewClaim("Q2 2025-26 test window", ClaimState.Draft, auditor.Id, submittedAt: null);
        draft.Lines.Add(NewLine(f4, f4Episode, north.Id, ClaimLineState.Draft, framework.Hash));
        db.FrameworkVersions.Add(framework);
        db.Claims.AddRange(submitted, draft);
        await db.SaveChangesAsync();
    }

    private static Claim NewClaim(string window, ClaimState state, string by, DateTimeOffset? submittedAt) => new()
    {
        WindowName = window,
        Programme = "Supporting Families",
        WindowOpens = new DateOnly(2025, 4, 1),
        WindowCloses = new DateOnly(2025, 9, 30),
        PaymentPerFamily = 800m,
        State = state,
        CreatedAt = new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero),
        CreatedById = by,
        SubmittedAt = submittedAt,
    };

    private static ClaimLine NewLine(Family family, Episode episode, Guid team, ClaimLineState state, string frameworkHash) => new()
    {
        FamilyId = family.Id,
        EpisodeId = episode.Id,
        TeamId = team,
        FamilyReference = family.Reference,
        WindowName = "test",
        Programme = "Supporting Families",
        ClaimedOn = new DateOnly(2025, 6, 1),
        State = state,
        Payment = 800m,
        CaseFile = "{}",
        Verdict = "{}",
        FrameworkHash = frameworkHash,
        HeadlineOutcomesMet = "FINANCE",
    };

    private static CaseFileAudit Audit(Guid family, Guid episode, DateOnly on, AuditGrade grade, string by) => new()
    {
        FamilyId = family,
        EpisodeId = episode,
        RecordedById = by,
        Auditor = "Test auditor",
        AuditedOn = on,
        AgenciesInvolved = "School",
        Grade = grade,
        AssessmentFindings = "Findings",
        FamilyPlanFindings = "Findings",
        MultiAgencyFindings = "Findings",
        OutcomesFindings = "Findings",
        Actions = "None",
    };
}
