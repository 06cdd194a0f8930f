using EarlyHelp.Core.Casework;
using ClaimStatus = EarlyHelp.Core.Outcomes.ClaimStatus;
using EarlyHelp.Data;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Tests.Casework;

public abstract partial class CaseworkSite
{
    /// <summary>
    /// An allocated family of its own, led by a practitioner, for a test that assesses or plans with it: a mother
    /// and two children (10 and 4 years old on 1 September 2026), no needs yet.
    /// </summary>
    public async Task<Guid> AddAllocatedFamilyAsync(string reference, string lead = "north.practitioner", ClaimStatus? claimStatus = null, DateOnly? claimableOn = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>();
        var leader = await db.Users.SingleAsync(u => u.UserName == $"{lead}@test.example");
        var family = new Family { Reference = reference, Address = new Address { Line1 = "2 Test Street", Town = "Walsall", Postcode = "WS2 8AA" } };
        family.Members.Add(new FamilyMember { GivenName = "Amira", FamilyName = "Khan", Relationship = "Mother", DateOfBirth = new DateOnly(1990, 1, 12) });
        family.Members.Add(new FamilyMember { GivenName = "Yusuf", FamilyName = "Khan", Relationship = "Son", DateOfBirth = new DateOnly(2016, 5, 3) });
        family.Members.Add(new FamilyMember { GivenName = "Hafsa", FamilyName = "Khan", Relationship = "Daughter", DateOfBirth = new DateOnly(2022, 2, 20) });
        family.Episodes.Add(new Episode
        {
            Number = 1,
            Stage = EpisodeStage.Allocated,
            FrameworkId = "national-2022",
            ReceivedOn = new DateOnly(2026, 9, 1),
            EnquirySource = "Health",
            EnquiryReason = "The health visitor is worried about the family.",
            FamilyAgreesToEarlyHelp = true,
            Decision = FrontDoorDecision.EarlyHelpAssessment,
            TeamId = leader.TeamId,
            LeadPractitionerId = leader.Id,
            AllocatedOn = new DateOnly(2026, 9, 3),
            ClaimStatus = claimStatus,
            ClaimableOn = claimableOn,
        });
        db.Families.Add(family);
        await db.SaveChangesAsync();
        return family.Id;
    }

    /// <summary>A page's HTML with its character references decoded, so that tests can look for text as a reader sees it.</summary>
    public static async Task<string> PageAsync(HttpClient client, string path) => System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(path));

    public static async Task<string> TextAsync(HttpResponseMessage response) => System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>Runs a query against the site's database, to check what a page saved.</summary>
    public async Task<T> QueryAsync<T>(Func<EarlyHelpDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<EarlyHelpDbContext>());
    }
}
