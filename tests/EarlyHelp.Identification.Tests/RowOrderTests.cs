using EarlyHelp.Core.Calendar;
using EarlyHelp.Identification.Synthetic;

namespace EarlyHelp.Identification.Tests;

/// <summary>
/// identify takes a short cut when a file lists its ids in ascending order, as extracts sorted by id do, and the
/// long way when it does not: the households found, their needs and every problem reported do not depend on the
/// order of the rows.
/// </summary>
public class RowOrderTests
{
    private const string National = "national-2022";
    private const string July = "2025-07-31";
    private static readonly DateOnly AsOf = new(2025, 3, 31);

    [Fact]
    public void A_person_id_repeated_after_people_csv_stops_being_in_order_is_still_reported()
    {
        using var data = new TestData().People("B1,F1,1985-03-01,", "A1,F1,1986-03-01,", "C1,F2,1987-03-01,", "B1,F3,2013-05-01,", "C1,F2,2014-05-01,");
        var read = data.Read(National, July);
        Assert.Null(read.Data);
        Assert.Equal(
            ["people.csv:5:1: person_id: 'B1' appears more than once", "people.csv:6:1: person_id: 'C1' appears more than once"],
            read.Errors.Select(e => e.ToString().Replace(data.Folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_household_whose_members_are_not_together_in_people_csv_is_one_household()
    {
        using var data = new TestData()
            .People("A1,F2,1985-03-01,", "B1,F1,1986-03-01,", "C1,F2,2013-05-01,", "D1,F1,2014-06-01,")
            .Police("A1,2025-01-10,asb,subject,0", "A1,2025-02-10,offence,subject,0");
        var result = data.Identify(National, July);
        Assert.Equal(2, result.Households);
        Assert.Equal(["CRM-ADULT"], data.Needs(National, July, "F2"));
        Assert.Empty(data.Needs(National, July, "F1"));
    }

    [Fact]
    public void A_person_whose_rows_are_apart_in_a_file_out_of_order_has_all_of_them_counted()
    {
        // Three incidents in six months for C2, listed apart and out of order; a missing person id among them.
        using var data = new TestData()
            .People("A1,F1,1985-03-01,", "C1,F1,2010-05-01,", "A2,F2,1986-04-01,", "C2,F2,2009-06-01,")
            .Police(
                "C2,2025-03-01,offence,subject,0",
                "A1,2025-03-02,asb,victim,0",
                "C2,2025-04-01,offence,subject,0",
                "A2,2025-04-02,asb,victim,0",
                "C2,2025-05-01,arrest,subject,0");
        var result = data.Identify(National, July);
        var reasons = Assert.Single(result.Candidates, c => c.FamilyId == "F2").Reasons;
        Assert.Contains("C2 (aged 16) was in 3 police incidents", reasons, StringComparison.Ordinal);

        data.Police("Z9,2025-05-02,asb,victim,0", "B0,2025-05-03,asb,victim,0");
        var read = data.Read(National, July);
        Assert.Equal(
            ["police.csv:7:1: person_id: 'Z9' is not in people.csv", "police.csv:8:1: person_id: 'B0' is not in people.csv"],
            read.Errors.Select(e => e.ToString().Replace(data.Folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Shuffling_the_rows_of_the_files_finds_the_same_households_with_the_same_needs_in_the_same_order(bool shufflePeople)
    {
        var sorted = Path.Combine(Path.GetTempPath(), $"earlyhelp-order-{Guid.NewGuid():N}");
        var shuffled = sorted + "-shuffled";
        try
        {
            SyntheticPartnerData.Write(20_000, sorted, 3, AsOf);
            Directory.CreateDirectory(shuffled);
            var random = new Random(11);
            foreach (var file in Directory.EnumerateFiles(sorted))
            {
                var lines = File.ReadAllLines(file);
                var rows = lines[1..];
                if (shufflePeople || Path.GetFileName(file) != "people.csv")
                {
                    random.Shuffle(rows);
                }

                File.WriteAllLines(Path.Combine(shuffled, Path.GetFileName(file)), [lines[0], .. rows]);
            }

            var expected = Needs(sorted);
            Assert.True(expected.Count > 100, $"only {expected.Count} candidates");
            Assert.Equal(expected, Needs(shuffled));
        }
        finally
        {
            Directory.Delete(sorted, recursive: true);
            if (Directory.Exists(shuffled))
            {
                Directory.Delete(shuffled, recursive: true);
            }
        }
    }

    /// <summary>Each candidate's family and needs, in output order (which sorts households by family_id, not by file order).</summary>
    private static List<string> Needs(string folder)
    {
        var engine = new IdentificationEngine(TestData.Catalog.Get(National), AsOf, SchoolCalendar.England);
        var read = new PartnerDataReader().Read(folder, engine.Rules, AsOf, SchoolCalendar.England);
        Assert.Empty(read.Errors);
        return [.. engine.Run(read.Data!).Candidates.Select(c => c.FamilyId + ": " + string.Join(';', c.Needs.Order(StringComparer.Ordinal)))];
    }
}
