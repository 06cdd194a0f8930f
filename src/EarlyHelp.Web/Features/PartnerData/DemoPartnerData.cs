using EarlyHelp.Core.Casework;
using EarlyHelp.Core.Frameworks;
using EarlyHelp.Core.PartnerData;
using EarlyHelp.Data;
using EarlyHelp.Identification;
using EarlyHelp.Identification.Synthetic;
using EarlyHelp.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace EarlyHelp.Web.Features.PartnerData;

/// <summary>
/// The demonstration's partner data: a small synthetic extract (made by <c>earlyhelp synth</c>'s generator up to today)
/// imported by the demonstration analyst, and some demonstration families linked to households in it, the open ones
/// to candidates (so the candidate list marks them) and some closed ones too (so re-checking has families to look at).
/// </summary>
public static class DemoPartnerData
{
    public const int People = 4000;

    public static async Task SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<EarlyHelpDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var analyst = await db.Users.SingleAsync(u => u.Email == $"analyst@{DemoAccounts.Domain}");
        var folder = Directory.CreateTempSubdirectory("earlyhelp-demo-partner-").FullName;
        try
        {
            SyntheticPartnerData.Write(People, folder, seed: 1, today);
            var importer = services.GetRequiredService<PartnerDataImporter>();
            var imports = new List<PartnerImport>();
            foreach (var dataset in Enum.GetValues<PartnerDataset>())
            {
                var path = Path.Combine(folder, PartnerVocabulary.FileName(dataset));
                if (File.Exists(path))
                {
                    var record = await importer.RecordAsync(dataset, path, PartnerVocabulary.FileName(dataset), analyst.Id, analyst.DisplayName);
                    imports.Add(await importer.ImportAsync(record.Id, path));
                }
            }

            await LinkFamiliesAsync(db, services.GetRequiredService<CandidateList>(), today);
            var recheck = services.GetRequiredService<ClosureRecheck>();
            foreach (var import in imports)
            {
                await recheck.AfterImportAsync(import);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Gives demonstration families the ids of partner households: the members in age order take the household's people in age order.</summary>
    private static async Task LinkFamiliesAsync(EarlyHelpDbContext db, CandidateList candidates, DateOnly today)
    {
        var run = await candidates.RunAsync(db, today);
        var households = run.Result.Candidates.Select(c => c.FamilyId).Take(40).ToList();
        var families = await db.Families.Include(f => f.Members).Include(f => f.Episodes)
            .OrderBy(f => f.Reference).Take(400).ToListAsync();
        var open = families.Where(f => f.CurrentEpisode is not null).Take(20);
        var closed = families.Where(f => f.Episodes.All(e => e.Stage == EpisodeStage.Closed && e.ClosedOn >= today.AddMonths(-6))).Take(20);
        foreach (var (family, household) in open.Concat(closed).Zip(households))
        {
            family.PartnerFamilyId = household;
            var people = await db.PartnerPeople.Where(p => p.FamilyId == household).OrderBy(p => p.DateOfBirth).Select(p => p.PersonId).ToListAsync();
            foreach (var (member, person) in family.Members.OrderBy(m => m.DateOfBirth).Zip(people))
            {
                member.PersonId = person;
            }
        }

        await db.SaveChangesAsync();
    }
}
