using EarlyHelp.Core.Casework;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Data.Tests;

/// <summary>The casework model on both databases: SQLite (the embedded default) and PostgreSQL.</summary>
[Collection(DatabaseCollection.Name)]
public class CaseworkStoreTests(Databases databases)
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static Family NewFamily() => new()
    {
        Reference = "FAM-000001",
        Address = new Address { Line1 = "1 Canal Street", Town = "Walsall", Postcode = "WS1 1AA", Uprn = "100071234567" },
        CreatedAt = new DateTimeOffset(2024, 1, 5, 9, 0, 0, TimeSpan.Zero),
        Members =
        [
            new FamilyMember { GivenName = "Sarah", FamilyName = "Green", Relationship = "Mother", DateOfBirth = new DateOnly(1988, 4, 2), NhsNumber = "9434765919" },
            new FamilyMember { GivenName = "Jay", FamilyName = "Green", Relationship = "Son", DateOfBirth = new DateOnly(2012, 9, 15) },
        ],
        Episodes =
        [
            new Episode
            {
                Number = 1,
                Stage = EpisodeStage.Enquiry,
                FrameworkId = "national-2022",
                ReceivedOn = new DateOnly(2024, 1, 5),
                EnquirySource = "Oakfield Primary School",
                EnquiryReason = "Attendance has dropped to 70% this term.",
                FamilyAgreesToEarlyHelp = true,
                LawfulBasis = LawfulBasis.PublicTask,
                Needs = [new EpisodeNeed { Code = "EDU-ATTEND-90", IdentifiedOn = new DateOnly(2024, 1, 5) }],
            },
        ],
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_family_with_its_members_and_episode_is_stored_and_read_back(DatabaseProvider provider)
    {
        var connection = await databases.NewAsync(provider);
        var family = NewFamily();
        await using (var db = Database.Create(connection))
        {
            db.Families.Add(family);
            await db.SaveChangesAsync();
        }

        await using (var db = Database.Create(connection))
        {
            var read = await db.Families.Include(f => f.Members).Include(f => f.Episodes).ThenInclude(e => e.Needs).SingleAsync();
            Assert.Equal("FAM-000001", read.Reference);
            Assert.Equal("WS1 1AA", read.Address.Postcode);
            Assert.Equal(["Jay", "Sarah"], read.Members.Select(m => m.GivenName).Order());
            var episode = Assert.Single(read.Episodes);
            Assert.Equal(EpisodeStage.Enquiry, episode.Stage);
            Assert.Equal(LawfulBasis.PublicTask, episode.LawfulBasis);
            Assert.Equal(new DateOnly(2024, 1, 5), episode.ReceivedOn);
            Assert.Equal("EDU-ATTEND-90", Assert.Single(episode.Needs).Code);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Of_two_people_editing_the_same_episode_the_second_is_told(DatabaseProvider provider)
    {
        var connection = await databases.NewAsync(provider);
        await using (var db = Database.Create(connection))
        {
            db.Families.Add(NewFamily());
            await db.SaveChangesAsync();
        }

        await using var first = Database.Create(connection);
        await using var second = Database.Create(connection);
        var mine = await first.Episodes.SingleAsync();
        var theirs = await second.Episodes.SingleAsync();

        mine.EnquiryReason = "Attendance 70%; also worried about money.";
        await first.SaveChangesAsync();

        theirs.EnquiryReason = "Attendance 70%.";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = Database.Create(connection);
        Assert.Equal("Attendance 70%; also worried about money.", (await check.Episodes.SingleAsync()).EnquiryReason);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_family_reference_is_unique(DatabaseProvider provider)
    {
        var connection = await databases.NewAsync(provider);
        await using var db = Database.Create(connection);
        db.Families.Add(NewFamily());
        db.Families.Add(new Family { Reference = "FAM-000001" });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
