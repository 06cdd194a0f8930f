namespace EarlyHelp.Identification.Tests;

/// <summary>Who is a candidate, eligibility, the order of the output, the reasons and the CSV.</summary>
public class OutputTests
{
    private const string July = "2025-07-31";

    [Fact]
    public void Only_households_with_a_dependent_child_or_an_expected_baby_are_candidates()
    {
        using var data = new TestData()
            .People("A1,F1,1985-03-01,", "A2,F2,1985-03-01,2025-09-01", "A3,F3,1985-03-01,2025-07-30", "A4,F4,1985-03-01,", "C4,F4,2007-08-01,")
            .Police("A1,2025-01-01,asb,subject,0", "A2,2025-01-01,asb,subject,0", "A3,2025-01-01,asb,subject,0", "A4,2025-01-01,asb,subject,0");
        var result = data.Identify("national-2022", July);
        // F1 adults only; F2 expecting; F3's due date has passed; F4's child is 17.
        Assert.Equal(["F2", "F4"], result.Candidates.Select(c => c.FamilyId).Order());
        Assert.Equal(4, result.Households);
        Assert.Equal(2, result.HouseholdsWithChildren);
    }

    [Fact]
    public void A_person_born_after_the_as_of_date_is_not_yet_in_the_household()
    {
        using var data = new TestData().People("A1,F1,1985-03-01,", "C1,F1,2025-08-15,").Police("A1,2025-01-01,asb,subject,0");
        Assert.Empty(data.Identify("national-2022", July).Candidates);
    }

    [Fact]
    public void Eligible_when_the_needs_span_enough_headline_outcomes()
    {
        using var data = new TestData()
            .People("A1,F1,1985-03-01,", "C1,F1,2013-05-01,")
            .Police("A1,2025-01-01,asb,subject,0", "A1,2025-02-01,domestic-abuse,perpetrator,0")
            .Benefits("A1,2024-01-01,,universal-credit,1");
        var national = Assert.Single(data.Identify("national-2022", July).Candidates);
        Assert.Equal(["CRM-ADULT", "DA-PERPETRATOR", "DA-CHILD", "FIN-WORKLESS"], national.Needs);
        Assert.Equal(3, national.HeadlineOutcomes);
        Assert.True(national.Eligible);

        using var two = new TestData().People("A1,F1,1985-03-01,", "C1,F1,2013-05-01,")
            .Police("A1,2025-01-01,asb,subject,0").Benefits("A1,2024-01-01,,universal-credit,1");
        var candidate = Assert.Single(two.Identify("national-2022", July).Candidates);
        Assert.False(candidate.Eligible);
        Assert.True(Assert.Single(two.Identify("herefordshire-2020", July).Candidates).Eligible); // 2 of 6 suffice there
    }

    [Fact]
    public void Most_needs_first_then_most_headline_outcomes_then_family_id_in_ordinal_order()
    {
        using var data = new TestData()
            .People("a,Fb,1985-03-01,", "ac,Fb,2013-05-01,", "b,FA,1985-03-01,", "bc,FA,2013-05-01,", "c,F2,1985-03-01,", "cc,F2,2013-05-01,", "d,F1,1985-03-01,", "dc,F1,2013-05-01,")
            .Police(
                "a,2025-01-01,asb,subject,0", "b,2025-01-01,asb,subject,0",
                "c,2025-01-01,asb,subject,0", "c,2025-01-01,domestic-abuse,victim,0",
                "d,2025-01-01,asb,subject,0")
            .Benefits("d,2024-01-01,,universal-credit,1");
        var order = data.Identify("national-2022", July).Candidates.Select(c => (c.FamilyId, c.Needs.Count, c.HeadlineOutcomes)).ToList();
        // F2: 3 needs in 2 headlines; F1: 2 needs in 2; FA and Fb: 1 need each, "FA" before "Fb" (A is 0x41, b 0x62).
        Assert.Equal([("F2", 3, 2), ("F1", 2, 2), ("FA", 1, 1), ("Fb", 1, 1)], order);
    }

    [Fact]
    public void Reasons_say_what_in_which_file_showed_each_need_with_figures()
    {
        using var data = new TestData().People("A1,F1,1985-03-01,", "C1,F1,2013-05-01,")
            .Attendance("C1,2024/25,spring,100,80,10,10", "C1,2024/25,summer,120,100,10,10")
            .Police("A1,2025-01-01,asb,subject,0", "A1,2025-02-01,offence,perpetrator,0");
        var reasons = Assert.Single(data.Identify("national-2022", July).Candidates).Reasons;
        Assert.Contains("EDU-ATTEND-90: C1 (aged 12) attended 81.8% of 220 possible sessions in spring and summer 2024/25, below 90% (attendance.csv)", reasons, StringComparison.Ordinal);
        Assert.Contains(" | CRM-ADULT: A1 (aged 40) was in 2 police incidents (offence, asb) as subject or perpetrator in the 12 months to 2025-07-31, the latest on 2025-02-01 (police.csv)", reasons, StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_quotes_fields_as_RFC_4180_asks()
    {
        var writer = new StringWriter();
        CandidateWriter.Write(writer, [new Candidate("F,1", true, 3, ["A", "B"], "said \"x\", then y")]);
        Assert.Equal("family_id,eligible,headline_outcomes,needs,reasons\n\"F,1\",1,3,A;B,\"said \"\"x\"\", then y\"\n", writer.ToString());
    }
}
