namespace EarlyHelp.Identification.Tests;

/// <summary>
/// Each identification rule of the shipped frameworks, shown and not shown at its threshold and its window's
/// edges. On 31 July 2025 the last terms ended are spring (ended 17 April) and summer (ended 18 July) 2024/25.
/// </summary>
public class RuleTests
{
    private const string National = "national-2022";
    private const string Herefordshire = "herefordshire-2020";
    private const string July = "2025-07-31";

    private static TestData Family() => new TestData().People("A1,F1,1985-03-01,", "C1,F1,2013-05-01,");

    [Theory]
    [InlineData(89, 90, true)] // 179 of 200 sessions: 89.5%
    [InlineData(90, 90, false)] // 180 of 200: exactly 90% is not below 90%
    [InlineData(95, 84, true)] // 179 of 200 again, the terms pooled
    public void Attendance_below_90_percent_over_the_last_two_terms(int spring, int summer, bool shown)
    {
        using var data = Family().Attendance(
            $"C1,2024/25,spring,100,{spring},{100 - spring},0",
            $"C1,2024/25,summer,100,{summer},0,{100 - summer}");
        Assert.Equal(shown, data.Needs(National, July).Contains("EDU-ATTEND-90"));
    }

    [Fact]
    public void Attendance_needs_a_record_for_each_of_the_terms()
    {
        using var data = Family().Attendance(
            "C1,2024/25,autumn,100,10,0,90",
            "C1,2024/25,summer,100,10,0,90");
        Assert.DoesNotContain("EDU-ATTEND-90", data.Needs(National, July));
    }

    [Fact]
    public void Attendance_in_a_term_not_yet_ended_is_not_counted()
    {
        // On 16 July 2025 summer 2024/25 has not ended: the two terms are autumn and spring.
        using var data = Family().Attendance(
            "C1,2024/25,autumn,100,95,5,0",
            "C1,2024/25,spring,100,95,5,0",
            "C1,2024/25,summer,100,10,0,90");
        Assert.DoesNotContain("EDU-ATTEND-90", data.Needs(National, "2025-07-16"));
        Assert.Contains("EDU-ATTEND-90", data.Needs(National, "2025-07-18"));
    }

    [Theory]
    [InlineData(99, true)]
    [InlineData(100, false)]
    public void Attendance_below_50_percent(int attended, bool shown)
    {
        using var data = Family().Attendance(
            $"C1,2024/25,spring,100,{attended / 2},{100 - (attended / 2)},0",
            $"C1,2024/25,summer,100,{attended - (attended / 2)},0,{100 - attended + (attended / 2)}");
        var needs = data.Needs(National, July);
        Assert.Equal(shown, needs.Contains("EDU-ATTEND-50"));
        Assert.Contains("EDU-ATTEND-90", needs);
    }

    [Fact]
    public void Herefordshire_attendance_leaves_authorised_absence_out_over_three_terms()
    {
        // 255 of 300 sessions (85%), but 30 were authorised: 255 of 270 is 94.4%, not below 90%.
        using var data = Family().Attendance(
            "C1,2024/25,autumn,100,85,10,5",
            "C1,2024/25,spring,100,85,10,5",
            "C1,2024/25,summer,100,85,10,5");
        Assert.DoesNotContain("HF-EDU-ATTENDANCE", data.Needs(Herefordshire, July));
        Assert.Contains("EDU-ATTEND-90", data.Needs(National, July));

        using var poor = Family().Attendance(
            "C1,2024/25,autumn,100,80,5,15",
            "C1,2024/25,spring,100,80,5,15",
            "C1,2024/25,summer,100,80,5,15");
        Assert.Contains("HF-EDU-ATTENDANCE", poor.Needs(Herefordshire, July));
    }

    [Theory]
    [InlineData("2024-07-31", false)] // exactly 12 months before: outside (the window is the 12 months after it)
    [InlineData("2024-08-01", true)]
    [InlineData("2025-07-31", true)] // on the as-of date
    [InlineData("2025-08-01", false)] // after it
    public void Adult_crime_in_the_last_12_months(string date, bool shown)
    {
        using var data = Family().Police($"A1,{date},asb,subject,0");
        Assert.Equal(shown, data.Needs(National, July).Contains("CRM-ADULT"));
    }

    [Theory]
    [InlineData("offence", "subject", "CRM-ADULT")]
    [InlineData("arrest", "perpetrator", "CRM-ADULT")]
    [InlineData("named-suspect", "subject", "CRM-ADULT")]
    [InlineData("offence", "victim", null)]
    [InlineData("missing", "subject", null)]
    public void Adult_crime_counts_offences_arrests_named_suspects_and_asb_not_victims(string type, string role, string? need)
    {
        using var data = Family().Police($"A1,2025-01-10,{type},{role},0");
        var needs = data.Needs(National, July);
        Assert.Equal(need is not null, needs.Contains("CRM-ADULT"));
    }

    [Theory]
    [InlineData("2007-08-01", "CRM-YP")] // 17 on the as-of date
    [InlineData("2007-07-31", "CRM-ADULT")] // 18 that day
    public void Crime_by_age_on_the_as_of_date(string born, string need)
    {
        using var data = new TestData().People("A1,F1,1985-03-01,", $"Y1,F1,{born},", "C1,F1,2013-05-01,").Police("Y1,2025-02-01,offence,subject,0");
        var needs = data.Needs(National, July);
        Assert.Contains(need, needs);
        Assert.Single(needs, n => n.StartsWith("CRM-", StringComparison.Ordinal));
    }

    [Fact]
    public void Domestic_abuse_victim_perpetrator_and_child_affected()
    {
        using var data = new TestData().People("A1,F1,1985-03-01,", "A2,F1,1984-01-01,", "C1,F1,2013-05-01,")
            .Police("A1,2025-03-01,domestic-abuse,victim,0", "A2,2025-03-01,domestic-abuse,perpetrator,0");
        Assert.Equal(["DA-VICTIM", "DA-PERPETRATOR", "DA-CHILD"], data.Needs(National, July));
    }

    [Fact]
    public void A_child_perpetrator_of_domestic_abuse_is_child_to_parent_violence_not_a_domestic_abuse_perpetrator()
    {
        using var data = Family().Police("C1,2025-03-01,domestic-abuse,perpetrator,0");
        Assert.Equal(["REL-CPV"], data.Needs(National, July));
    }

    [Fact]
    public void Herefordshire_police_call_out_for_a_domestic_incident_in_the_last_12_months()
    {
        using var data = Family().Police("C1,2024-08-01,domestic-abuse,subject,0");
        Assert.Equal(["HF-DA-POLICE-CALLOUT"], data.Needs(Herefordshire, July));
        using var old = Family().Police("C1,2024-07-31,domestic-abuse,subject,0");
        Assert.Empty(old.Needs(Herefordshire, July));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("0", false)]
    public void Missing_child_and_gang_or_serious_violence(string severe, bool gang)
    {
        using var data = Family().Police("C1,2025-05-01,missing,subject,0", $"A1,2025-05-01,offence,victim,{severe}");
        Assert.Equal(["ABU-MISSING"], data.Needs(National, July));
        Assert.Equal(gang, data.Needs(Herefordshire, July).Contains("HF-CRIME-GANG"));
        Assert.Contains("HF-CHILD-EH-IDENTIFIED", data.Needs(Herefordshire, July));
    }

    [Theory]
    [InlineData("2020-01-01", "", "1", true)] // open
    [InlineData("2020-01-01", "2025-07-31", "1", true)] // ends on the as-of date: still open that day
    [InlineData("2020-01-01", "2025-07-30", "1", false)] // ended the day before
    [InlineData("2025-08-01", "", "1", false)] // starts after
    [InlineData("2020-01-01", "", "0", false)] // not out of work
    public void Adult_on_an_out_of_work_benefit_on_the_as_of_date(string start, string end, string outOfWork, bool shown)
    {
        using var data = Family().Benefits($"A1,{start},{end},universal-credit,{outOfWork}");
        Assert.Equal(shown, data.Needs(National, July).Contains("FIN-WORKLESS"));
        Assert.Equal(shown, data.Needs(Herefordshire, July).Contains("HF-WORK-BENEFITS"));
    }

    [Fact]
    public void Neet_by_the_latest_record_within_12_months_for_a_young_person()
    {
        using var data = new TestData().People("A1,F1,1985-03-01,", "Y1,F1,2008-01-01,", "C1,F1,2013-05-01,")
            .Neet("Y1,2025-05-01,neet", "Y1,2025-06-01,not-known");
        Assert.DoesNotContain("FIN-NEET", data.Needs(National, July)); // latest is not known
        Assert.Contains("HF-WORK-NEET", data.Needs(Herefordshire, July)); // Herefordshire counts not known

        using var back = new TestData().People("A1,F1,1985-03-01,", "Y1,F1,2008-01-01,", "C1,F1,2013-05-01,")
            .Neet("Y1,2025-05-01,eet", "Y1,2025-06-01,neet");
        Assert.Contains("FIN-NEET", back.Needs(National, July));
        Assert.DoesNotContain("FIN-NEET", back.Needs(National, "2026-06-01")); // 12 months after the record
    }

    [Theory]
    [InlineData("2025-01-01", "eviction-notice", true)]
    [InlineData("2024-07-31", "eviction-notice", false)] // more than 12 months before
    public void Housing_by_the_household_latest_record(string date, string status, bool shown)
    {
        using var data = Family().Housing($"F1,{date},{status}");
        Assert.Equal(shown, data.Needs(National, July).Contains("HSG-UNSUITABLE"));
    }

    [Fact]
    public void Housing_settled_after_an_eviction_notice_shows_nothing_and_temporary_accommodation_at_risk_shows_HSG_TA()
    {
        using var settled = Family().Housing("F1,2025-01-01,eviction-notice", "F1,2025-03-01,settled");
        Assert.Empty(settled.Needs(National, July));
        using var ta = Family().Housing("F1,2025-01-01,temporary-accommodation", "F1,2025-03-01,at-risk-of-losing-ta");
        Assert.Equal(["HSG-TA"], ta.Needs(National, July));
        Assert.Equal(["HF-FIN-HOUSING"], ta.Needs(Herefordshire, July));
    }

    [Theory]
    [InlineData("cin", "ABU-ABUSE", "HF-CHILD-SOCIAL-CARE")]
    [InlineData("cp", "ABU-ABUSE", "HF-CHILD-SOCIAL-CARE")]
    [InlineData("early-help", "ABU-ABUSE", "HF-CHILD-EH-ASSESSED")]
    [InlineData("cla", null, null)]
    public void Open_social_care_episode(string type, string? national, string? herefordshire)
    {
        using var data = Family().SocialCare($"C1,2025-01-01,,{type}");
        Assert.Equal(national is null ? [] : [national], data.Needs(National, July));
        Assert.Equal(herefordshire is null ? [] : [herefordshire], data.Needs(Herefordshire, July));
        using var closed = Family().SocialCare($"C1,2025-01-01,2025-07-30,{type}");
        Assert.Empty(closed.Needs(National, July));
    }

    [Theory]
    [InlineData("2020-08-01", "EY-HEALTH")] // 4
    [InlineData("2019-07-31", "HLT-PHYSICAL")] // 6
    public void A_physical_health_concern_is_early_years_for_an_under_six_and_health_otherwise(string born, string need)
    {
        using var data = new TestData().People("A1,F1,1985-03-01,", $"C1,F1,{born},").Health("C1,2025-01-01,physical-health");
        Assert.Equal([need], data.Needs(National, July));
    }

    [Theory]
    [InlineData("2024-08-01", true)]
    [InlineData("2024-07-31", false)]
    public void Health_concerns_in_the_last_12_months(string date, bool shown)
    {
        using var data = Family().Health($"A1,{date},adult-mental-health", $"C1,{date},child-substance");
        Assert.Equal(shown ? ["HLT-ADULT-MH", "SUB-CHILD"] : [], data.Needs(National, July));
    }

    [Fact]
    public void Herefordshire_exclusions_three_suspensions_or_enough_days()
    {
        // Three suspensions since the start of autumn 2024/25 (the last three terms ended by 31 July 2025).
        using var three = Family().Exclusions("C1,2024-09-10,suspension,1", "C1,2025-01-10,suspension,1", "C1,2025-05-10,suspension,1");
        Assert.Contains("HF-EDU-EXCLUSIONS", three.Needs(Herefordshire, July));
        using var before = Family().Exclusions("C1,2024-07-10,suspension,1", "C1,2025-01-10,suspension,1", "C1,2025-05-10,suspension,1");
        Assert.DoesNotContain("HF-EDU-EXCLUSIONS", before.Needs(Herefordshire, July)); // one was in summer 2023/24
        Assert.Contains("EDU-ENGAGE", before.Needs(National, July));
    }

    [Theory]
    [InlineData("2014-09-01", 5, true)] // 10 on 31 August 2024: primary, 5 days is enough
    [InlineData("2013-08-31", 5, false)] // 11: secondary, 5 days is not
    [InlineData("2013-08-31", 10, true)] // any age: 10 days
    public void Herefordshire_exclusion_days_for_primary_and_any_age(string born, int days, bool shown)
    {
        using var data = new TestData().People("A1,F1,1985-03-01,", $"C1,F1,{born},").Exclusions($"C1,2025-02-03,suspension,{days}");
        Assert.Equal(shown, data.Needs(Herefordshire, July).Contains("HF-EDU-EXCLUSIONS"));
    }

    [Fact]
    public void A_permanent_exclusion_within_three_terms()
    {
        using var data = Family().Exclusions("C1,2025-03-03,permanent,");
        Assert.Contains("HF-EDU-PERM-EXCLUDED", data.Needs(Herefordshire, July));
        Assert.Contains("EDU-ENGAGE", data.Needs(National, July));
    }

    [Fact]
    public void Herefordshire_perinatal_needs_an_expected_baby_and_a_parent_mental_health_concern()
    {
        using var both = new TestData().People("A1,F1,1995-03-01,2025-10-01").Health("A1,2025-02-01,adult-mental-health");
        Assert.Contains("HF-HEALTH-PERINATAL", both.Needs(Herefordshire, July));
        using var babyOnly = new TestData().People("A1,F1,1995-03-01,2025-10-01", "A2,F1,1995-03-01,").Benefits("A2,2024-01-01,,universal-credit,1");
        Assert.Equal(["HF-WORK-BENEFITS"], babyOnly.Needs(Herefordshire, July));
    }
}
