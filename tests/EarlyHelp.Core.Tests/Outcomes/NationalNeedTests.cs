using EarlyHelp.Core.Outcomes;

namespace EarlyHelp.Core.Tests.Outcomes;

/// <summary>
/// Every need of national-2022 met and not met, read off the framework tables (seeds 000 and 001).
/// Unless a test says otherwise: need identified 2023-10-02, episode closed 2024-06-28, judged 2025-03-31.
/// </summary>
public class NationalNeedTests
{
    private static NeedVerdict Only(CaseBuilder builder) => Assert.Single(TestFrameworks.Evaluate(builder.Json).Needs);

    private static void AssertStatus(OutcomeStatus expected, CaseBuilder builder, string? reasonContains = null)
    {
        var need = Only(builder);
        Assert.True(expected == need.Status, $"Expected {expected} but was {need.Status}: {string.Join(" | ", need.Reasons)}");
        if (reasonContains is not null)
        {
            Assert.Contains(need.Reasons, r => r.Contains(reasonContains, StringComparison.Ordinal));
        }
    }

    // Getting a good education

    [Fact]
    public void Attendance_of_90_percent_for_every_child_over_two_terms_meets_EDU_ATTEND_90()
    {
        var b = new CaseBuilder().Need("EDU-ATTEND-90", "jay")
            .Attendance("jay", "2023/24", "spring", 120, 110).Attendance("jay", "2023/24", "summer", 130, 118)
            .Attendance("amy", "2023/24", "spring", 120, 115).Attendance("amy", "2023/24", "summer", 130, 125);
        var need = Only(b);
        Assert.Equal(OutcomeStatus.Met, need.Status);
        Assert.Equal(new DateOnly(2024, 7, 19), need.MetOn);
        Assert.Contains(need.Reasons, r => r.StartsWith("jay: 91.2% attendance over spring and summer 2023/24", StringComparison.Ordinal));
    }

    [Fact]
    public void Another_child_below_90_percent_means_EDU_ATTEND_90_is_not_met()
    {
        var b = new CaseBuilder().Need("EDU-ATTEND-90", "jay")
            .Attendance("jay", "2023/24", "spring", 120, 110).Attendance("jay", "2023/24", "summer", 130, 120)
            .Attendance("amy", "2023/24", "spring", 120, 100).Attendance("amy", "2023/24", "summer", 130, 110);
        AssertStatus(OutcomeStatus.NotMet, b, "amy: 84.0% attendance");
    }

    [Fact]
    public void Attendance_is_averaged_over_all_sessions_of_the_two_terms()
    {
        // 60/60 and 100/130: the mean of the rates is 88.5%, all sessions pooled 84.2%.
        var b = new CaseBuilder().Need("EDU-ATTEND-90", "jay")
            .Attendance("jay", "2023/24", "spring", 60, 60).Attendance("jay", "2023/24", "summer", 130, 100);
        AssertStatus(OutcomeStatus.NotMet, b, "84.2%");
    }

    [Fact]
    public void Only_the_latest_two_terms_count_for_attendance()
    {
        var b = new CaseBuilder().Need("EDU-ATTEND-90", "jay")
            .Attendance("jay", "2023/24", "autumn", 140, 90)
            .Attendance("jay", "2023/24", "spring", 120, 112).Attendance("jay", "2023/24", "summer", 130, 121);
        AssertStatus(OutcomeStatus.Met, b, "spring and summer 2023/24");
    }

    [Fact]
    public void One_good_term_since_identification_leaves_EDU_ATTEND_90_pending_until_the_second_ends()
    {
        var b = new CaseBuilder().AsOf("2024-02-01").Need("EDU-ATTEND-90", "jay")
            .Attendance("jay", "2022/23", "summer", 130, 100)
            .Attendance("jay", "2023/24", "autumn", 140, 135);
        var need = Only(b);
        Assert.Equal(OutcomeStatus.Pending, need.Status);
        Assert.Equal(new DateOnly(2024, 3, 28), need.ExpectedOn);
    }

    [Fact]
    public void No_attendance_since_identification_means_EDU_ATTEND_90_is_not_met()
    {
        var b = new CaseBuilder().Need("EDU-ATTEND-90", "jay").Attendance("jay", "2022/23", "summer", 130, 125);
        AssertStatus(OutcomeStatus.NotMet, b, "No attendance recorded for a term ended since the need was identified");
    }

    [Fact]
    public void A_30_percent_improvement_to_at_least_50_percent_meets_EDU_ATTEND_50()
    {
        // Baseline spring and summer 2022/23: 100/250 = 40%. After: 140/250 = 56%, a 40% improvement.
        var b = new CaseBuilder().Need("EDU-ATTEND-50", "jay")
            .Attendance("jay", "2022/23", "spring", 120, 48).Attendance("jay", "2022/23", "summer", 130, 52)
            .Attendance("jay", "2023/24", "spring", 120, 67).Attendance("jay", "2023/24", "summer", 130, 73);
        AssertStatus(OutcomeStatus.Met, b, "56.0% attendance");
    }

    [Fact]
    public void Improvement_short_of_the_50_percent_minimum_does_not_meet_EDU_ATTEND_50()
    {
        // 30% to 45%: a 50% improvement, but below the 50% minimum.
        var b = new CaseBuilder().Need("EDU-ATTEND-50", "jay")
            .Attendance("jay", "2022/23", "spring", 120, 36).Attendance("jay", "2022/23", "summer", 130, 39)
            .Attendance("jay", "2023/24", "spring", 120, 54).Attendance("jay", "2023/24", "summer", 130, 58);
        AssertStatus(OutcomeStatus.NotMet, b, "44.8%");
    }

    [Fact]
    public void Improvement_under_30_percent_does_not_meet_EDU_ATTEND_50()
    {
        // 45% to 55%: above 50% but only a 22% improvement.
        var b = new CaseBuilder().Need("EDU-ATTEND-50", "jay")
            .Attendance("jay", "2022/23", "spring", 120, 54).Attendance("jay", "2022/23", "summer", 130, 58)
            .Attendance("jay", "2023/24", "spring", 120, 66).Attendance("jay", "2023/24", "summer", 130, 72);
        AssertStatus(OutcomeStatus.NotMet, b);
    }

    [Fact]
    public void Fewer_days_lost_to_suspension_meets_EDU_ENGAGE()
    {
        var b = new CaseBuilder().Need("EDU-ENGAGE", "jay")
            .Event("suspension", "2023-02-10", "jay", e => e["days"] = 3)
            .Event("suspension", "2023-05-10", "jay", e => e["days"] = 3)
            .Event("suspension", "2024-11-12", "jay", e => e["days"] = 1);
        AssertStatus(OutcomeStatus.Met, b, "1 school days lost to suspension over summer 2023/24 and autumn 2024/25 against 6");
    }

    [Fact]
    public void More_days_lost_to_suspension_and_no_assessment_means_EDU_ENGAGE_is_not_met()
    {
        var b = new CaseBuilder().Need("EDU-ENGAGE", "jay")
            .Event("suspension", "2023-05-10", "jay", e => e["days"] = 2)
            .Event("suspension", "2024-11-12", "jay", e => e["days"] = 5);
        AssertStatus(OutcomeStatus.NotMet, b);
    }

    [Fact]
    public void A_practitioner_assessment_alone_meets_EDU_ENGAGE()
    {
        AssertStatus(OutcomeStatus.Met, new CaseBuilder().Need("EDU-ENGAGE", "jay").Evidence("EDU-ENGAGE", "practitioner-assessment", true, member: "jay"));
    }

    [Fact]
    public void A_permanent_exclusion_in_the_latest_terms_fails_the_suspension_route()
    {
        var b = new CaseBuilder().Need("EDU-ENGAGE", "jay")
            .Event("suspension", "2023-05-10", "jay", e => e["days"] = 5)
            .Event("permanent-exclusion", "2024-10-01", "jay");
        AssertStatus(OutcomeStatus.NotMet, b, "permanently excluded on 2024-10-01");
    }

    [Theory]
    [InlineData("EDU-SEN", "data", true, OutcomeStatus.Met)]
    [InlineData("EDU-SEN", "practitioner-assessment", false, OutcomeStatus.NotMet)]
    [InlineData("EDU-SEN", "supplementary", true, OutcomeStatus.NotMet)]
    [InlineData("EY-PARENT", "self-assessment", true, OutcomeStatus.Met)]
    [InlineData("EY-PARENT", "practitioner-assessment", false, OutcomeStatus.NotMet)]
    [InlineData("EY-HEALTH", "data", true, OutcomeStatus.Met)]
    [InlineData("EY-HEALTH", "supplementary", true, OutcomeStatus.NotMet)]
    [InlineData("EY-DEVELOP", "practitioner-assessment", true, OutcomeStatus.Met)]
    [InlineData("EY-DEVELOP", "self-assessment", false, OutcomeStatus.NotMet)]
    [InlineData("HLT-CHILD-MH", "practitioner-assessment", true, OutcomeStatus.Met)]
    [InlineData("HLT-CHILD-MH", "supplementary", true, OutcomeStatus.NotMet)]
    [InlineData("HLT-ADULT-MH", "self-assessment", true, OutcomeStatus.Met)]
    [InlineData("HLT-ADULT-MH", "practitioner-assessment", false, OutcomeStatus.NotMet)]
    [InlineData("HLT-PHYSICAL", "data", true, OutcomeStatus.Met)]
    [InlineData("HLT-PHYSICAL", "practitioner-assessment", false, OutcomeStatus.NotMet)]
    [InlineData("SUB-ADULT", "practitioner-assessment", true, OutcomeStatus.Met)]
    [InlineData("SUB-ADULT", "supplementary", true, OutcomeStatus.NotMet)]
    [InlineData("SUB-CHILD", "self-assessment", true, OutcomeStatus.Met)]
    [InlineData("SUB-CHILD", "practitioner-assessment", false, OutcomeStatus.NotMet)]
    [InlineData("REL-PARENTING", "data", true, OutcomeStatus.Met)]
    [InlineData("REL-PARENTING", "self-assessment", false, OutcomeStatus.NotMet)]
    [InlineData("REL-CONFLICT", "practitioner-assessment", true, OutcomeStatus.Met)]
    [InlineData("REL-CONFLICT", "supplementary", true, OutcomeStatus.NotMet)]
    [InlineData("REL-CPV", "self-assessment", true, OutcomeStatus.Met)]
    [InlineData("REL-CPV", "practitioner-assessment", false, OutcomeStatus.NotMet)]
    [InlineData("REL-CARER", "data", true, OutcomeStatus.Met)]
    [InlineData("REL-CARER", "practitioner-assessment", false, OutcomeStatus.NotMet)]
    [InlineData("ABU-ABUSE", "practitioner-assessment", true, OutcomeStatus.Met)]
    [InlineData("ABU-ABUSE", "self-assessment", true, OutcomeStatus.NotMet)]
    [InlineData("HSG-YP-EXCLUDED", "practitioner-assessment", true, OutcomeStatus.Met)]
    [InlineData("HSG-YP-EXCLUDED", "practitioner-assessment", false, OutcomeStatus.NotMet)]
    [InlineData("FIN-DEBT", "self-assessment", true, OutcomeStatus.Met)]
    [InlineData("FIN-DEBT", "data", false, OutcomeStatus.NotMet)]
    public void Needs_met_by_recorded_evidence(string code, string kind, bool achieved, OutcomeStatus expected)
    {
        var member = code is "HLT-ADULT-MH" or "SUB-ADULT" ? "mum" : code.StartsWith("HSG-YP", StringComparison.Ordinal) ? "kai" : code is "EY-PARENT" or "REL-PARENTING" or "FIN-DEBT" or "HLT-PHYSICAL" ? null : "jay";
        AssertStatus(expected, new CaseBuilder().Need(code, member).Evidence(code, kind, achieved, member: member));
    }

    [Theory]
    [InlineData("EDU-SEN")]
    [InlineData("HLT-ADULT-MH")]
    [InlineData("FIN-DEBT")]
    [InlineData("ABU-ABUSE")]
    public void A_need_with_no_evidence_recorded_is_not_met(string code) =>
        AssertStatus(OutcomeStatus.NotMet, new CaseBuilder().Need(code), "No ");

    [Fact]
    public void The_latest_assessment_of_a_kind_replaces_an_earlier_one()
    {
        var b = new CaseBuilder().Need("FIN-DEBT")
            .Evidence("FIN-DEBT", "practitioner-assessment", true, "2024-03-01")
            .Evidence("FIN-DEBT", "practitioner-assessment", false, "2024-06-20");
        AssertStatus(OutcomeStatus.NotMet, b, "outcome not achieved");
    }

    // Validated measures

    [Theory]
    [InlineData("GAD-7", 15, 11, OutcomeStatus.Met)]
    [InlineData("GAD-7", 15, 12, OutcomeStatus.NotMet)]
    [InlineData("gad7", 15, 9, OutcomeStatus.Met)]
    [InlineData("WEMWBS", 40, 43, OutcomeStatus.Met)]
    [InlineData("WEMWBS", 40, 42, OutcomeStatus.NotMet)]
    [InlineData("K10", 30, 24, OutcomeStatus.Met)]
    [InlineData("K10", 30, 26, OutcomeStatus.NotMet)]
    public void A_validated_measure_is_scored_by_its_reliable_change(string instrument, int before, int after, OutcomeStatus expected)
    {
        var b = new CaseBuilder().Need("HLT-ADULT-MH", "mum").Evidence("HLT-ADULT-MH", "validated-measure", null, member: "mum", extra: e =>
        {
            e["instrument"] = instrument;
            e["before"] = before;
            e["after"] = after;
        });
        AssertStatus(expected, b);
    }

    [Fact]
    public void An_instrument_the_engine_does_not_score_takes_the_recorded_result()
    {
        var b = new CaseBuilder().Need("HLT-CHILD-MH", "jay").Evidence("HLT-CHILD-MH", "validated-measure", true, member: "jay", extra: e =>
        {
            e["instrument"] = "SDQ";
            e["before"] = 22;
            e["after"] = 14;
        });
        AssertStatus(OutcomeStatus.Met, b, "SDQ: outcome achieved");
    }

    [Fact]
    public void AUDIT_rescreening_shows_SUB_ADULT_met()
    {
        var b = new CaseBuilder().Need("SUB-ADULT", "dad").Evidence("SUB-ADULT", "validated-measure", null, member: "dad", extra: e =>
        {
            e["instrument"] = "AUDIT";
            e["before"] = 22;
            e["after"] = 9;
        });
        AssertStatus(OutcomeStatus.Met, b, "AUDIT fell from 22 to 9");
    }

    // Children safe from abuse and exploitation

    [Fact]
    public void No_missing_episode_before_closure_and_no_re_referral_after_meets_ABU_MISSING()
    {
        var b = new CaseBuilder().Need("ABU-MISSING", "jay")
            .Event("missing-episode", "2023-09-12", "jay")
            .Event("referral", "2024-09-01", extra: e => e["headline"] = "domestic-abuse");
        var need = Only(b);
        Assert.Equal(OutcomeStatus.Met, need.Status);
        Assert.Equal(new DateOnly(2024, 12, 28), need.MetOn);
    }

    [Fact]
    public void A_missing_episode_in_the_month_before_closure_means_ABU_MISSING_is_not_met() =>
        AssertStatus(OutcomeStatus.NotMet, new CaseBuilder().Need("ABU-MISSING", "jay").Event("missing-episode", "2024-06-10", "jay"), "2024-06-10");

    [Fact]
    public void A_re_referral_within_6_months_of_closure_means_ABU_MISSING_is_not_met() =>
        AssertStatus(OutcomeStatus.NotMet, new CaseBuilder().Need("ABU-MISSING", "jay").Event("referral", "2024-10-01", extra: e => e["headline"] = "abuse-exploitation"), "re-referrals");

    [Fact]
    public void Before_6_months_have_passed_ABU_MISSING_is_pending()
    {
        var need = Only(new CaseBuilder().AsOf("2024-09-30").Need("ABU-MISSING", "jay"));
        Assert.Equal(OutcomeStatus.Pending, need.Status);
        Assert.Equal(new DateOnly(2024, 12, 28), need.ExpectedOn);
    }

    [Theory]
    [InlineData("ABU-CSE")]
    [InlineData("ABU-CCE")]
    public void Exploitation_needs_take_practitioner_and_self_assessment_and_no_more_police_reports(string code)
    {
        CaseBuilder Both() => new CaseBuilder().Need(code, "jay")
            .Evidence(code, "practitioner-assessment", true, member: "jay")
            .Evidence(code, "self-assessment", true, member: "jay");

        AssertStatus(OutcomeStatus.Met, Both());
        AssertStatus(OutcomeStatus.NotMet, new CaseBuilder().Need(code, "jay").Evidence(code, "practitioner-assessment", true, member: "jay"), "No self-assessment recorded");
        AssertStatus(OutcomeStatus.NotMet, Both().Event("arrest", "2024-08-01", "jay"), "police reports");
    }

    [Fact]
    public void Radicalisation_needs_both_practitioner_and_self_assessment()
    {
        AssertStatus(OutcomeStatus.NotMet, new CaseBuilder().Need("ABU-RADICAL", "jay").Evidence("ABU-RADICAL", "self-assessment", true, member: "jay"));
        AssertStatus(OutcomeStatus.Met, new CaseBuilder().Need("ABU-RADICAL", "jay")
            .Evidence("ABU-RADICAL", "self-assessment", true, member: "jay")
            .Evidence("ABU-RADICAL", "practitioner-assessment", true, member: "jay"));
    }

    [Fact]
    public void Harm_outside_the_family_takes_either_assessment_and_no_police_reports()
    {
        AssertStatus(OutcomeStatus.Met, new CaseBuilder().Need("ABU-EXTRA", "jay").Evidence("ABU-EXTRA", "self-assessment", true, member: "jay"));
        AssertStatus(OutcomeStatus.NotMet, new CaseBuilder().Need("ABU-EXTRA", "jay")
            .Evidence("ABU-EXTRA", "self-assessment", true, member: "jay")
            .Event("asb", "2024-07-15", "jay"));
    }

    // Crime prevention and tackling crime

    [Fact]
    public void An_adult_with_7_or_fewer_incidents_must_have_none_for_6_months()
    {
        CaseBuilder Adult() => new CaseBuilder().Need("CRM-ADULT", "dad")
            .Event("offence", "2023-03-01", "dad").Event("arrest", "2023-05-01", "dad").Event("asb", "2023-08-01", "dad");

        AssertStatus(OutcomeStatus.Met, Adult(), "3 incidents in the 12 months to 2023-10-02");
        AssertStatus(OutcomeStatus.NotMet, Adult().Event("named-suspect", "2024-09-01", "dad"), "none are allowed");
    }

    [Fact]
    public void An_adult_with_8_or_more_incidents_must_halve_them()
    {
        CaseBuilder Adult(int after)
        {
            var b = new CaseBuilder().Need("CRM-ADULT", "dad");
            for (var i = 0; i < 10; i++)
            {
                b.Event("asb", new DateOnly(2022, 11, 1).AddDays(i * 30).ToString("yyyy-MM-dd"), "dad");
            }

            for (var i = 0; i < after; i++)
            {
                b.Event("offence", new DateOnly(2024, 7, 1).AddDays(i * 20).ToString("yyyy-MM-dd"), "dad");
            }

            return b;
        }

        AssertStatus(OutcomeStatus.Met, Adult(5), "at least a 50% reduction");
        AssertStatus(OutcomeStatus.NotMet, Adult(6));
    }

    [Fact]
    public void Incidents_after_the_6_months_following_closure_do_not_count()
    {
        var b = new CaseBuilder().AsOf("2025-06-30").Need("CRM-ADULT", "dad").Event("offence", "2023-05-01", "dad").Event("offence", "2025-02-01", "dad");
        AssertStatus(OutcomeStatus.Met, b);
    }

    [Fact]
    public void A_young_person_at_risk_of_crime_must_have_no_incidents_for_6_months()
    {
        AssertStatus(OutcomeStatus.Met, new CaseBuilder().Need("CRM-YP-RISK", "kai"));
        AssertStatus(OutcomeStatus.NotMet, new CaseBuilder().Need("CRM-YP-RISK", "kai").Event("asb", "2024-08-20", "kai"));
    }

    [Fact]
    public void A_young_person_with_5_or_more_incidents_may_halve_them_unless_one_is_a_severe_offence()
    {
        CaseBuilder Young(bool severe)
        {
            var b = new CaseBuilder().Need("CRM-YP", "kai");
            for (var i = 0; i < 6; i++)
            {
                b.Event("offence", new DateOnly(2023, 1, 1).AddDays(i * 40).ToString("yyyy-MM-dd"), "kai");
            }

            return b.Event("offence", "2024-08-01", "kai", e => e["severe"] = severe);
        }

        AssertStatus(OutcomeStatus.Met, Young(severe: false));
        AssertStatus(OutcomeStatus.NotMet, Young(severe: true), "severe offence");
    }

    [Fact]
    public void A_young_person_with_4_or_fewer_incidents_must_have_none()
    {
        var b = new CaseBuilder().Need("CRM-YP", "kai").Event("offence", "2023-06-01", "kai").Event("asb", "2024-09-01", "kai");
        AssertStatus(OutcomeStatus.NotMet, b);
    }

    // Safe from domestic abuse

    [Theory]
    [InlineData("DA-VICTIM", "mum")]
    [InlineData("DA-PERPETRATOR", "dad")]
    [InlineData("DA-CHILD", "jay")]
    public void Domestic_abuse_needs_no_incident_before_closure_no_referral_after_and_one_piece_of_evidence(string code, string member)
    {
        CaseBuilder Case() => new CaseBuilder().Need(code, member).Event("domestic-abuse-incident", "2023-09-01");

        AssertStatus(OutcomeStatus.NotMet, Case(), "No ");
        AssertStatus(OutcomeStatus.Met, Case().Evidence(code, "practitioner-assessment", true, member: member));
        AssertStatus(OutcomeStatus.NotMet, Case().Evidence(code, "self-assessment", true, member: member).Event("domestic-abuse-incident", "2024-06-01"), "domestic abuse incidents");
        AssertStatus(OutcomeStatus.NotMet, Case().Evidence(code, "data", true, member: member).Event("referral", "2024-11-01", extra: e => e["need"] = "DA-VICTIM"), "referrals");
        AssertStatus(OutcomeStatus.Met, Case().Evidence(code, "data", true, member: member).Event("referral", "2024-11-01", extra: e => e["headline"] = "housing"));
        AssertStatus(OutcomeStatus.Pending, Case().AsOf("2024-08-01").Evidence(code, "data", true, member: member));
    }

    // Secure housing

    [Theory]
    [InlineData("HSG-TA")]
    [InlineData("HSG-UNSUITABLE")]
    public void Housing_sustained_6_months_after_closure(string code)
    {
        AssertStatus(OutcomeStatus.Met, new CaseBuilder().Need(code).Evidence(code, "data", true));
        AssertStatus(OutcomeStatus.Met, new CaseBuilder().Need(code).Event("tenancy-sustained", "2024-06-01"));
        AssertStatus(OutcomeStatus.NotMet, new CaseBuilder().Need(code).Evidence(code, "data", true).Event("eviction-notice", "2024-10-01"), "eviction notices");
        AssertStatus(OutcomeStatus.NotMet, new CaseBuilder().Need(code));
        AssertStatus(OutcomeStatus.Pending, new CaseBuilder().AsOf("2024-10-01").Need(code).Evidence(code, "practitioner-assessment", true));
    }

    // Financial stability

    [Fact]
    public void An_adult_in_work_6_months_after_closure_meets_FIN_WORKLESS()
    {
        var need = Only(new CaseBuilder().Need("FIN-WORKLESS", "dad").Event("employment-start", "2024-04-01", "dad"));
        Assert.Equal(OutcomeStatus.Met, need.Status);
        Assert.Equal(new DateOnly(2024, 12, 28), need.MetOn);
    }

    [Fact]
    public void A_job_lost_within_6_months_of_closure_means_FIN_WORKLESS_is_not_met_without_progress_to_work()
    {
        var b = new CaseBuilder().Need("FIN-WORKLESS", "dad").Event("employment-start", "2024-04-01", "dad").Event("employment-end", "2024-08-01", "dad");
        AssertStatus(OutcomeStatus.NotMet, b, "employment-end on 2024-08-01");
        AssertStatus(OutcomeStatus.Met, b.Evidence("FIN-WORKLESS", "practitioner-assessment", true, member: "dad"));
    }

    [Fact]
    public void A_young_person_in_education_employment_or_training_meets_FIN_NEET()
    {
        AssertStatus(OutcomeStatus.Met, new CaseBuilder().Need("FIN-NEET", "kai").Event("neet", "2023-09-01", "kai").Event("eet", "2024-01-08", "kai"));
        AssertStatus(OutcomeStatus.NotMet, new CaseBuilder().Need("FIN-NEET", "kai").Event("eet", "2024-01-08", "kai").Event("neet", "2024-09-01", "kai"), "NEET records");
        AssertStatus(OutcomeStatus.NotMet, new CaseBuilder().Need("FIN-NEET", "kai"));
    }
}
