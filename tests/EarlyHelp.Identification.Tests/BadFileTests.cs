namespace EarlyHelp.Identification.Tests;

/// <summary>Every problem in the partner files is reported with its file, line and column; nothing is identified.</summary>
public class BadFileTests
{
    private static IReadOnlyList<string> Errors(TestData data, string framework = "national-2022")
    {
        var read = data.Read(framework, "2025-07-31");
        Assert.Null(read.Data);
        return [.. read.Errors.Select(e => e.ToString().Replace(data.Folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal))];
    }

    [Fact]
    public void Every_bad_value_and_unknown_person_is_reported_not_just_the_first()
    {
        using var data = new TestData().People("A1,F1,1985-03-01,", "C1,F1,2013-05-01,")
            .Police(
                "A1,2025-01-01,asb,subject,0",
                "A9,2025-13-01,burglary,witness,2",
                "C1,2025-02-01,offence,subject,0")
            .Attendance("C1,2024/25,winter,100,120,0,0", "C1,2024/2025,summer,x,1,1,1");
        var errors = Errors(data);
        Assert.Contains("police.csv:3:1: person_id: 'A9' is not in people.csv", errors);
        Assert.Contains("police.csv:3:2: date: '2025-13-01' is not a date (YYYY-MM-DD)", errors);
        Assert.Contains("police.csv:3:3: type: 'burglary' is not one of offence, arrest, named-suspect, asb, domestic-abuse, missing", errors);
        Assert.Contains("police.csv:3:4: role: 'witness' is not one of subject, victim, perpetrator", errors);
        Assert.Contains("police.csv:3:5: severe: '2' is not 0 or 1", errors);
        Assert.Contains("attendance.csv:2:3: term: 'winter' is not autumn, spring or summer", errors);
        Assert.Contains("attendance.csv:3:2: academic_year: '2024/2025' is not an academic year like 2023/24", errors);
        Assert.Contains("attendance.csv:3:4: possible_sessions: 'x' is not a whole number of 0 or more", errors);
        Assert.Equal(8, errors.Count);
    }

    [Fact]
    public void A_missing_required_column_is_named_on_line_1_and_extra_columns_are_ignored()
    {
        using var data = new TestData().People("A1,F1,1985-03-01,")
            .File("health.csv", "person_id,flag,notes", "A1,adult-mental-health,seen by GP")
            .File("neet.csv", "status,date,person_id,school", "neet,2025-01-01,A1,x");
        var errors = Errors(data);
        var health = Assert.Single(errors);
        Assert.StartsWith("health.csv:1: missing required column 'date'", health, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_numbers_count_physical_lines_when_a_quoted_field_holds_a_line_break()
    {
        using var data = new TestData().People("A1,F1,1985-03-01,")
            .File("benefits.csv", "person_id,benefit,start_date,end_date,out_of_work", "A1,\"universal\ncredit\",2024-01-01,,1", "A1,child-benefit,2024-05-01,2024-04-01,0");
        Assert.Equal(["benefits.csv:4:4: end_date: 2024-04-01 is before the start 2024-05-01"], Errors(data));
    }

    [Fact]
    public void People_problems_duplicate_ids_and_bad_dates()
    {
        using var data = new TestData().People("A1,F1,1985-03-01,", "A1,F2,1985-03-01,", ",F3,1990-02-30,", "B1,,1990-01-01,2025-02-30");
        Assert.Equal(
            [
                "people.csv:3:1: person_id: 'A1' appears more than once",
                "people.csv:4:1: person_id: is empty",
                "people.csv:4:3: date_of_birth: '1990-02-30' is not a date (YYYY-MM-DD)",
                "people.csv:5:2: family_id: is empty",
                "people.csv:5:4: expected_baby_due: '2025-02-30' is not a date (YYYY-MM-DD) or blank",
            ],
            Errors(data));
    }

    [Fact]
    public void An_unknown_household_in_housing_and_a_missing_people_file()
    {
        using var data = new TestData().People("A1,F1,1985-03-01,").Housing("F9,2025-01-01,settled", "F1,2025-01-01,evicted");
        Assert.Equal(
            [
                "housing.csv:2:1: family_id: 'F9' is not a family_id in people.csv",
                "housing.csv:3:3: status: 'evicted' is not one of temporary-accommodation, at-risk-of-losing-ta, eviction-notice, homelessness-application, settled",
            ],
            Errors(data));

        using var empty = new TestData().Police("A1,2025-01-01,asb,subject,0");
        Assert.Contains("people.csv is required and was not found", Assert.Single(Errors(empty)), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_first_thousand_problems_of_a_file_are_listed_with_a_count_of_the_rest()
    {
        using var data = new TestData().People("A1,F1,1985-03-01,")
            .Health([.. Enumerable.Range(0, 1500).Select(i => $"X{i},2025-01-01,adult-mental-health")]);
        var errors = Errors(data);
        Assert.Equal(1001, errors.Count);
        Assert.Equal("health.csv:1001:1: person_id: 'X999' is not in people.csv", errors[999]);
        Assert.Equal("health.csv:1001: and 500 more problems in this file (only the first 1000 are listed)", errors[1000]);
    }

    [Fact]
    public void Files_saved_on_Windows_with_a_byte_order_mark_and_CRLF_are_read_and_located_alike()
    {
        using var data = new TestData().People("A1,F1,1985-03-01,", "C1,F1,2013-05-01,");
        var folder = data.Write();
        File.WriteAllText(
            Path.Combine(folder, "police.csv"),
            "person_id,date,type,role,severe\r\nA1,2025-01-01,asb,subject,0\r\nA1,2025-01-01,asb,subject,0\r\n",
            new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.Equal(["CRM-ADULT"], data.Needs("national-2022", "2025-07-31"));

        File.AppendAllText(Path.Combine(folder, "police.csv"), "A1,2025-01-32,asb,subject,0\r\n");
        Assert.Equal(["police.csv:4:2: date: '2025-01-32' is not a date (YYYY-MM-DD)"], Errors(data));
    }
}
