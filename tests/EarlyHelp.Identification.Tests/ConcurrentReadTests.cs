namespace EarlyHelp.Identification.Tests;

/// <summary>
/// The other partner files are read while people.csv is still being read, numbering their ids themselves and
/// matched with people.csv afterwards: rows still reach their own person and household, and an id people.csv
/// lacks is still reported on its file, line and column, wherever it is in the file.
/// </summary>
public class ConcurrentReadTests
{
    private const string National = "national-2022";
    private const string July = "2025-07-31";

    [Fact]
    public void Rows_listing_people_in_another_order_than_people_csv_reach_their_own_person_and_household()
    {
        using var data = new TestData()
            .People("A1,F1,1985-03-01,", "C1,F1,2013-05-01,", "A2,F2,1986-04-01,", "C2,F2,2014-06-01,")
            .Police("A2,2025-01-10,asb,subject,0", "A2,2025-02-10,offence,subject,0")
            .Housing("F2,2025-01-01,settled", "F1,2025-01-01,eviction-notice");
        Assert.Equal(["HSG-UNSUITABLE"], data.Needs(National, July, "F1"));
        Assert.Equal(["CRM-ADULT"], data.Needs(National, July, "F2"));
    }

    [Fact]
    public void An_unknown_person_in_a_row_no_rule_keeps_is_reported_with_the_row_other_problems_in_file_order()
    {
        // The first row is years before any rule's window, the third holds a line break in a quoted field.
        using var data = new TestData().People("A1,F1,1985-03-01,", "C1,F1,2013-05-01,")
            .File(
                "health.csv",
                "person_id,date,flag",
                "Z1,2010-01-01,adult-mental-health",
                ",2025-01-01,adult-mental-health",
                "C1,2025-01-01,\"adult\nmental\"",
                "Z2,2025-13-01,adult-mental-health",
                "A1,2025-01-01,adult-mental-health");
        var read = data.Read(National, July);
        Assert.Null(read.Data);
        Assert.Equal(
            [
                "health.csv:2:1: person_id: 'Z1' is not in people.csv",
                "health.csv:3:1: person_id: is empty",
                "health.csv:4:3: flag: 'adult\nmental' is not one of " + string.Join(", ", Core.Frameworks.PartnerVocabulary.HealthFlags.Keys),
                "health.csv:6:1: person_id: 'Z2' is not in people.csv",
                "health.csv:6:2: date: '2025-13-01' is not a date (YYYY-MM-DD)",
            ],
            read.Errors.Select(e => e.ToString().Replace(data.Folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)));
        var health = Assert.Single(read.Files, f => f.Name == "health.csv");
        Assert.Equal(5, health.Rows);
        Assert.Equal(5, health.Errors);
    }

    [Fact]
    public void Problems_in_people_csv_are_reported_alone_though_the_other_files_were_read_too()
    {
        using var data = new TestData().People("A1,F1,1985-03-01,", "A1,F1,1985-03-01,")
            .Police("Z9,2025-01-10,asb,subject,0");
        var read = data.Read(National, July);
        Assert.Null(read.Data);
        var error = Assert.Single(read.Errors);
        Assert.Equal("people.csv:3:1: person_id: 'A1' appears more than once", error.ToString().Replace(data.Folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal));
    }
}
