using EarlyHelp.Core.Calendar;
using EarlyHelp.Identification.Synthetic;

namespace EarlyHelp.Identification.Tests;

/// <summary>Synthetic partner files: the same seed gives the same files, and identify reads them without a problem.</summary>
public class SynthTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 31);

    private static string Make(long people, long seed)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"earlyhelp-synth-{Guid.NewGuid():N}");
        SyntheticPartnerData.Write(people, folder, seed, AsOf);
        return folder;
    }

    private static Dictionary<string, byte[]> Contents(string folder) =>
        Directory.EnumerateFiles(folder).ToDictionary(f => Path.GetFileName(f), f => File.ReadAllBytes(f));

    [Fact]
    public void The_same_seed_gives_the_same_files_and_another_seed_other_files()
    {
        // More than one chunk, so that chunks made in parallel are shown to be written in order.
        var people = SyntheticPartnerData.PeoplePerChunk + 1234;
        var a = Make(people, 3);
        var b = Make(people, 3);
        var c = Make(people, 4);
        try
        {
            var first = Contents(a);
            Assert.Equal(9, first.Count);
            Assert.All(Contents(b), f => Assert.True(first[f.Key].AsSpan().SequenceEqual(f.Value), f.Key + " differs"));
            Assert.False(first["police.csv"].AsSpan().SequenceEqual(Contents(c)["police.csv"]));
            Assert.Equal(people + 1, File.ReadLines(Path.Combine(a, "people.csv")).Count());
        }
        finally
        {
            foreach (var folder in new[] { a, b, c })
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void Identify_reads_every_synthetic_file_and_finds_plausible_proportions()
    {
        var folder = Make(30_000, 1);
        try
        {
            var engine = new IdentificationEngine(TestData.Catalog.Get("national-2022"), AsOf, SchoolCalendar.England);
            var read = new PartnerDataReader().Read(folder, engine.Rules, AsOf, SchoolCalendar.England);
            Assert.Empty(read.Errors);
            Assert.All(read.Files, f => Assert.True(f.Rows > 0, f.Name + " is empty"));
            var result = engine.Run(read.Data!);

            // About 2.3 people a household, about three households in ten with a dependent child.
            Assert.InRange(30_000.0 / result.Households, 2.0, 2.7);
            Assert.InRange((double)result.HouseholdsWithChildren / result.Households, 0.2, 0.4);
            Assert.InRange((double)result.Eligible / result.HouseholdsWithChildren, 0.02, 0.2);
            var attendance = result.Candidates.Count(c => c.Needs.Contains("EDU-ATTEND-90"));
            Assert.InRange((double)attendance / result.HouseholdsWithChildren, 0.1, 0.5);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
