using EarlyHelp.Core.Casework;
using EarlyHelp.Data;
using EarlyHelp.Web.Features.Families;
using EarlyHelp.Web.Tests.Casework;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.Claims;

/// <summary>The claim windows the claims tests use: two open today under different programmes, one long closed.</summary>
public static class ClaimsConfiguration
{
    public const string WindowA = "Test window A";
    public const string WindowB = "Test window B";
    public const string ProgrammeA = "Programme A";
    public const string ProgrammeB = "Programme B";

    public static void Apply(WebApplicationBuilder builder)
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        (string Name, DateOnly Opens, DateOnly Closes, string Payment, string Programme)[] windows =
        [
            (WindowA, today.AddDays(-30), today.AddDays(30), "800", ProgrammeA),
            (WindowB, today.AddDays(-30), today.AddDays(30), "1000", ProgrammeB),
            ("Spring 2020", new DateOnly(2020, 1, 1), new DateOnly(2020, 6, 30), "800", ProgrammeA),
        ];
        for (var i = 0; i < windows.Length; i++)
        {
            var w = windows[i];
            builder.Configuration[$"EarlyHelp:Claims:Windows:{i}:Name"] = w.Name;
            builder.Configuration[$"EarlyHelp:Claims:Windows:{i}:Opens"] = w.Opens.ToString("yyyy-MM-dd");
            builder.Configuration[$"EarlyHelp:Claims:Windows:{i}:Closes"] = w.Closes.ToString("yyyy-MM-dd");
            builder.Configuration[$"EarlyHelp:Claims:Windows:{i}:PaymentPerFamily"] = w.Payment;
            builder.Configuration[$"EarlyHelp:Claims:Windows:{i}:Programme"] = w.Programme;
        }

        builder.Configuration["EarlyHelp:Claims:AuditShare"] = "0.5";
    }

    /// <summary>
    /// A closed family of the south team (led by south.practitioner) whose three needs, in three headline outcomes,
    /// have practitioner evidence of their outcome; closed <paramref name="closedDaysAgo"/> days ago, so claimable
    /// once six months have passed. Without evidence for one need it is blocked. Its claim status is the engine's.
    /// </summary>
    public static async Task<Guid> AddClosedFamilyAsync(CaseworkSite site, string reference, int closedDaysAgo = 400, bool evidenceForEveryNeed = true)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
        var lead = await db.Users.SingleAsync(u => u.UserName == "south.practitioner@test.example");
        var today = DateOnly.FromDateTime(DateTime.Now);
        var closed = today.AddDays(-closedDaysAgo);
        var opened = closed.AddDays(-200);
        var family = new Family { Reference = reference, Address = new Address { Line1 = "3 Test Street", Town = "Walsall", Postcode = "WS3 1AA" } };
        family.Members.Add(new FamilyMember { GivenName = "Leah", FamilyName = "Brown", Relationship = "Mother", DateOfBirth = new DateOnly(1987, 3, 4) });
        family.Members.Add(new FamilyMember { GivenName = "Noah", FamilyName = "Brown", Relationship = "Son", DateOfBirth = new DateOnly(2014, 6, 1) });
        var episode = new Episode
        {
            Number = 1,
            Stage = EpisodeStage.Closed,
            FrameworkId = "national-2022",
            ReceivedOn = opened,
            EnquirySource = "Health",
            EnquiryReason = "Worries about the family's finances and the mother's health.",
            FamilyAgreesToEarlyHelp = true,
            Decision = FrontDoorDecision.EarlyHelpAssessment,
            TeamId = lead.TeamId,
            LeadPractitionerId = lead.Id,
            AllocatedOn = opened.AddDays(2),
            AssessmentCompletedOn = opened.AddDays(14),
            FamilyPlanAgreedOn = opened.AddDays(20),
            SupportReceived = true,
            ClosedOn = closed,
            ClosureReason = ClosureReason.OutcomesAchieved,
            Needs =
            [
                new EpisodeNeed { Code = "FIN-DEBT", IdentifiedOn = opened },
                new EpisodeNeed { Code = "REL-PARENTING", IdentifiedOn = opened },
                new EpisodeNeed { Code = "HLT-ADULT-MH", IdentifiedOn = opened },
            ],
        };
        foreach (var need in episode.Needs.Skip(evidenceForEveryNeed ? 0 : 1))
        {
            episode.Evidence.Add(new EvidenceEntry { NeedCode = need.Code, RecordedOn = closed.AddDays(-5), Kind = "practitioner-assessment", OutcomeAchieved = true, Note = $"{need.Code} achieved", RecordedById = lead.Id });
        }

        family.Episodes.Add(episode);
        db.Families.Add(family);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<FamilyVerdicts>().RefreshAsync(family, episode);
        await db.SaveChangesAsync();
        return family.Id;
    }
}

public sealed class ClaimsSqliteSite : SqliteSite
{
    protected override void Configure(WebApplicationBuilder builder) => ClaimsConfiguration.Apply(builder);
}

public sealed class ClaimsPostgresSite : PostgresSite
{
    protected override void Configure(WebApplicationBuilder builder) => ClaimsConfiguration.Apply(builder);
}
