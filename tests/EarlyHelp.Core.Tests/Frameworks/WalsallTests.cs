using System.Text.Json.Nodes;
using EarlyHelp.Core.Outcomes;

namespace EarlyHelp.Core.Tests.Frameworks;

/// <summary>
/// The walsall-2022 framework: the national needs and headline outcomes with Walsall's outcomes, evidence
/// measures and Team Around the Family rule. Where Walsall differs from national-2022, the same case is
/// judged under both.
/// </summary>
public class WalsallTests
{
    private const string Walsall = "walsall-2022";
    private const string National = "national-2022";

    /// <summary>Builds one case under a framework and returns the verdict on its first need.</summary>
    private static NeedVerdict Judge(string framework, Action<CaseBuilder> build, string asOf = "2025-03-31")
    {
        var builder = new CaseBuilder(framework, asOf);
        build(builder);
        return TestFrameworks.Evaluate(builder.Json).Needs[0];
    }

    private static (OutcomeStatus National, OutcomeStatus Walsall) Both(Action<CaseBuilder> build) =>
        (Judge(National, build).Status, Judge(Walsall, build).Status);

    private static void Dash(CaseBuilder c, string need, bool reduced, string? member = null) =>
        c.Evidence(need, "validated-measure", reduced, member: member, extra: e => e["instrument"] = "DASH");

    private static void Scored(CaseBuilder c, string need, string instrument, int before, int after, string? member = null) =>
        c.Evidence(need, "validated-measure", null, member: member, extra: e =>
        {
            e["instrument"] = instrument;
            e["before"] = before;
            e["after"] = after;
        });

    private static void Severe(JsonObject e) => e["severe"] = true;

    // Loading

    [Fact]
    public void Walsall_has_the_national_headline_outcomes_and_need_codes()
    {
        var walsall = TestFrameworks.Catalog.Get(Walsall);
        var national = TestFrameworks.Catalog.Get(National);

        Assert.Equal(10, walsall.HeadlineOutcomes.Count);
        Assert.Equal(national.HeadlineOutcomes.Select(h => h.Code), walsall.HeadlineOutcomes.Select(h => h.Code));
        Assert.Equal(34, walsall.Needs.Count);
        Assert.Equal(
            national.Needs.Values.Select(n => (n.Code, n.HeadlineCode)).Order(),
            walsall.Needs.Values.Select(n => (n.Code, n.HeadlineCode)).Order());
        Assert.Equal(
            national.Needs.Values.Select(n => (n.Code, n.AppliesTo)).Order(),
            walsall.Needs.Values.Select(n => (n.Code, n.AppliesTo)).Order());
    }

    [Fact]
    public void Walsall_asks_for_three_headline_outcomes_six_months_sustained_and_a_team_around_the_family_rule()
    {
        var walsall = TestFrameworks.Catalog.Get(Walsall);

        Assert.Equal(3, walsall.MinimumHeadlineOutcomes);
        Assert.Equal(6, walsall.SustainmentMonths);
        Assert.Equal(3, walsall.TeamAroundTheFamilyMinimum);
        Assert.Null(TestFrameworks.Catalog.Get(National).TeamAroundTheFamilyMinimum);
    }

    [Fact]
    public void Every_need_carries_outcomes_and_evidence_measures_and_the_readings_are_recorded()
    {
        var walsall = TestFrameworks.Catalog.Get(Walsall);

        Assert.All(walsall.Needs.Values, n =>
        {
            Assert.NotEmpty(n.Outcomes);
            Assert.NotEmpty(n.Evidence);
        });
        Assert.Contains("No incidents of domestic abuse in the month prior to closure AND DASH risk assessment evidences reduction of risk", walsall.Needs["DA-CHILD"].Evidence);
        Assert.Contains("Positive update from homeless team", walsall.Needs["HSG-TA"].Evidence);
        Assert.Equal(TestFrameworks.Catalog.Get(National).Needs["ABU-CSE"].Evidence, walsall.Needs["ABU-CSE"].Evidence);
        var readings = walsall.Readings.Select(r => r.Name).ToList();
        Assert.Contains("attendance-routes", readings);
        Assert.Contains("crime-severe", readings);
        Assert.Contains("domestic-abuse-evidence", readings);
        Assert.Contains("abuse-exploitation", readings);
        Assert.All(walsall.Readings, r => Assert.False(string.IsNullOrWhiteSpace(r.Answer)));
    }

    // Team Around the Family

    [Fact]
    public void A_team_around_the_family_is_allowed_with_needs_in_three_headline_outcomes()
    {
        var verdict = TestFrameworks.Evaluate(new CaseBuilder(Walsall)
            .Need("EDU-ATTEND-90", "jay")
            .Need("FIN-DEBT")
            .Need("HSG-TA")
            .Json);

        Assert.NotNull(verdict.TeamAroundTheFamily);
        Assert.True(verdict.TeamAroundTheFamily!.Allowed);
        Assert.Equal(3, verdict.TeamAroundTheFamily.HeadlineOutcomes);
        Assert.Equal(3, verdict.TeamAroundTheFamily.Required);
    }

    [Fact]
    public void A_team_around_the_family_is_not_allowed_with_needs_in_two_headline_outcomes_however_many_needs()
    {
        var verdict = TestFrameworks.Evaluate(new CaseBuilder(Walsall)
            .Need("EDU-ATTEND-90", "jay")
            .Need("EDU-SEN", "amy")
            .Need("FIN-DEBT")
            .Json);

        Assert.False(verdict.TeamAroundTheFamily!.Allowed);
        Assert.Equal(2, verdict.TeamAroundTheFamily.HeadlineOutcomes);
        Assert.False(verdict.Eligible);
    }

    [Fact]
    public void The_national_framework_says_nothing_about_a_team_around_the_family()
    {
        var verdict = TestFrameworks.Evaluate(new CaseBuilder(National).Need("FIN-DEBT").Json);

        Assert.Null(verdict.TeamAroundTheFamily);
    }

    // Attendance: 90% or above OR sustained improvement from very poor attendance

    private static void Terms(CaseBuilder c, string member, int springBefore, int summerBefore, int springAfter, int summerAfter) =>
        c.Attendance(member, "2022/23", "spring", 120, springBefore)
            .Attendance(member, "2022/23", "summer", 130, summerBefore)
            .Attendance(member, "2023/24", "spring", 120, springAfter)
            .Attendance(member, "2023/24", "summer", 130, summerAfter);

    [Fact]
    public void Attendance_of_90_percent_over_two_terms_is_met()
    {
        var need = Judge(Walsall, c =>
        {
            c.Need("EDU-ATTEND-90", "jay");
            Terms(c, "jay", 96, 104, 111, 120);
        });

        Assert.Equal(OutcomeStatus.Met, need.Status);
        Assert.Equal(new DateOnly(2024, 7, 19), need.MetOn);
        Assert.Contains(need.Reasons, r => r.Contains("92.4% attendance over spring and summer 2023/24"));
    }

    [Fact]
    public void Attendance_below_90_percent_without_a_very_poor_start_is_not_met()
    {
        var need = Judge(Walsall, c =>
        {
            c.Need("EDU-ATTEND-90", "jay");
            Terms(c, "jay", 96, 104, 102, 110);
        });

        Assert.Equal(OutcomeStatus.NotMet, need.Status);
        Assert.Contains(need.Reasons, r => r.Contains("84.8% attendance") && r.Contains("90% or above needed"));
    }

    [Fact]
    public void Under_walsall_the_90_percent_need_is_also_met_by_sustained_improvement_from_very_poor_attendance()
    {
        // jay: 40% over the two terms before identification, 55.2% over the two after: a 38% improvement.
        var (national, walsall) = Both(c =>
        {
            c.Need("EDU-ATTEND-90", "jay");
            Terms(c, "jay", 48, 52, 66, 72);
        });

        Assert.Equal(OutcomeStatus.NotMet, national);
        Assert.Equal(OutcomeStatus.Met, walsall);
    }

    [Fact]
    public void Under_walsall_improvement_from_very_poor_attendance_must_hold_for_every_child_not_only_the_need_s_member()
    {
        // jay improves from 40% to 55.2%; amy, also at 40%, only reaches 42%.
        var (national, walsall) = Both(c =>
        {
            c.Need("EDU-ATTEND-50", "jay");
            Terms(c, "jay", 48, 52, 66, 72);
            Terms(c, "amy", 48, 52, 50, 55);
        });

        Assert.Equal(OutcomeStatus.Met, national);
        Assert.Equal(OutcomeStatus.NotMet, walsall);
    }

    [Fact]
    public void Under_walsall_the_50_percent_need_is_met_by_improvement_for_every_child_who_started_very_poor()
    {
        var need = Judge(Walsall, c =>
        {
            c.Need("EDU-ATTEND-50", "jay");
            Terms(c, "jay", 48, 52, 66, 72);
            Terms(c, "amy", 48, 52, 60, 70);
        });

        Assert.Equal(OutcomeStatus.Met, need.Status);
        Assert.Contains(need.Reasons, r => r.StartsWith("amy: 52.0% attendance"));
    }

    // Crime

    private static void SixIncidentsBeforeIdentification(CaseBuilder c, string member)
    {
        foreach (var date in new[] { "2022-11-01", "2022-12-01", "2023-01-10", "2023-03-01", "2023-05-01", "2023-08-01" })
        {
            c.Event("offence", date, member);
        }
    }

    [Fact]
    public void Under_walsall_a_severe_offence_does_not_rule_out_a_young_person_s_50_percent_reduction()
    {
        // 6 incidents in the 12 months to identification; 2 after closure, one of them severe.
        var (national, walsall) = Both(c =>
        {
            c.Need("CRM-YP", "kai");
            SixIncidentsBeforeIdentification(c, "kai");
            c.Event("offence", "2024-08-01", "kai", Severe)
                .Event("asb", "2024-09-01", "kai")
                .Evidence("CRM-YP", "practitioner-assessment", true, member: "kai");
        });

        Assert.Equal(OutcomeStatus.NotMet, national);
        Assert.Equal(OutcomeStatus.Met, walsall);
    }

    [Fact]
    public void Under_walsall_a_young_person_must_also_be_supported_to_manage_the_risks_of_crime()
    {
        var (national, walsall) = Both(c =>
        {
            c.Need("CRM-YP", "kai");
            SixIncidentsBeforeIdentification(c, "kai");
            c.Event("asb", "2024-09-01", "kai");
        });

        Assert.Equal(OutcomeStatus.Met, national);
        Assert.Equal(OutcomeStatus.NotMet, walsall);
    }

    [Fact]
    public void Under_walsall_a_young_person_at_risk_of_crime_must_be_supported_as_well_as_free_of_incidents()
    {
        var (national, walsall) = Both(c => c.Need("CRM-YP-RISK", "kai"));
        var supported = Judge(Walsall, c => c
            .Need("CRM-YP-RISK", "kai")
            .Evidence("CRM-YP-RISK", "supplementary", true, member: "kai"));

        Assert.Equal(OutcomeStatus.Met, national);
        Assert.Equal(OutcomeStatus.NotMet, walsall);
        Assert.Equal(OutcomeStatus.Met, supported.Status);
        Assert.Equal(new DateOnly(2024, 12, 28), supported.MetOn);
    }

    [Fact]
    public void A_young_person_with_few_incidents_who_offends_after_closure_is_not_met()
    {
        var need = Judge(Walsall, c => c
            .Need("CRM-YP", "kai")
            .Event("offence", "2023-02-01", "kai")
            .Event("arrest", "2023-06-01", "kai")
            .Event("asb", "2024-10-01", "kai")
            .Evidence("CRM-YP", "practitioner-assessment", true, member: "kai"));

        Assert.Equal(OutcomeStatus.NotMet, need.Status);
        Assert.Contains(need.Reasons, r => r.Contains("kai: 2 incidents") && r.Contains("none are allowed"));
    }

    [Theory]
    [InlineData(4, OutcomeStatus.Met)]
    [InlineData(5, OutcomeStatus.NotMet)]
    public void An_adult_with_8_incidents_must_halve_them_after_closure_as_nationally(int after, OutcomeStatus expected)
    {
        void Build(CaseBuilder c)
        {
            c.Need("CRM-ADULT", "dad");
            for (var i = 1; i <= 8; i++)
            {
                c.Event("offence", $"2023-{i:00}-05", "dad");
            }

            for (var i = 0; i < after; i++)
            {
                c.Event("asb", $"2024-{7 + i:00}-10", "dad");
            }
        }

        Assert.Equal((expected, expected), Both(Build));
    }

    // Domestic abuse

    [Fact]
    public void Under_walsall_domestic_abuse_needs_a_dash_risk_assessment_showing_reduced_risk()
    {
        var (national, walsall) = Both(c => c
            .Need("DA-VICTIM")
            .Evidence("DA-VICTIM", "practitioner-assessment", true));

        Assert.Equal(OutcomeStatus.Met, national);
        Assert.Equal(OutcomeStatus.NotMet, walsall);
    }

    [Fact]
    public void Under_walsall_a_referral_after_closure_does_not_undo_the_domestic_abuse_outcome()
    {
        var (national, walsall) = Both(c =>
        {
            c.Need("DA-VICTIM")
                .Event("referral", "2024-09-01", extra: e => e["headline"] = "domestic-abuse")
                .Evidence("DA-VICTIM", "practitioner-assessment", true);
            Dash(c, "DA-VICTIM", reduced: true);
        });

        Assert.Equal(OutcomeStatus.NotMet, national);
        Assert.Equal(OutcomeStatus.Met, walsall);
    }

    [Fact]
    public void Domestic_abuse_is_met_with_no_incident_before_or_after_closure_a_dash_reduction_and_a_safety_plan()
    {
        var need = Judge(Walsall, c =>
        {
            c.Need("DA-VICTIM")
                .Event("domestic-abuse-incident", "2023-09-20")
                .Evidence("DA-VICTIM", "self-assessment", true);
            Dash(c, "DA-VICTIM", reduced: true);
        });

        Assert.Equal(OutcomeStatus.Met, need.Status);
        Assert.Equal(new DateOnly(2024, 12, 28), need.MetOn);
    }

    [Fact]
    public void Domestic_abuse_support_received_is_an_alternative_to_a_safety_plan()
    {
        var need = Judge(Walsall, c =>
        {
            c.Need("DA-VICTIM").Evidence("DA-VICTIM", "data", true);
            Dash(c, "DA-VICTIM", reduced: true);
        });

        Assert.Equal(OutcomeStatus.Met, need.Status);
    }

    [Fact]
    public void Domestic_abuse_in_the_month_before_closure_is_not_met()
    {
        var need = Judge(Walsall, c =>
        {
            c.Need("DA-CHILD", "amy")
                .Event("domestic-abuse-incident", "2024-06-10")
                .Evidence("DA-CHILD", "practitioner-assessment", true, member: "amy");
            Dash(c, "DA-CHILD", reduced: true);
        });

        Assert.Equal(OutcomeStatus.NotMet, need.Status);
        Assert.Contains(need.Reasons, r => r.Contains("Found domestic abuse incidents in the month before closure") && r.Contains("2024-06-10"));
    }

    [Fact]
    public void Domestic_abuse_is_not_met_when_the_dash_assessment_shows_no_reduction_of_risk()
    {
        var need = Judge(Walsall, c =>
        {
            c.Need("DA-PERPETRATOR", "dad").Evidence("DA-PERPETRATOR", "practitioner-assessment", true, member: "dad");
            Dash(c, "DA-PERPETRATOR", reduced: false, member: "dad");
        });

        Assert.Equal(OutcomeStatus.NotMet, need.Status);
    }

    [Fact]
    public void Under_walsall_domestic_abuse_must_stay_stopped_for_six_months_after_closure()
    {
        void Build(CaseBuilder c)
        {
            c.Need("DA-VICTIM")
                .Event("domestic-abuse-incident", "2024-09-15")
                .Evidence("DA-VICTIM", "practitioner-assessment", true);
            Dash(c, "DA-VICTIM", reduced: true);
        }

        var (national, walsall) = Both(Build);
        var pending = Judge(Walsall, c =>
        {
            c.Need("DA-VICTIM").Evidence("DA-VICTIM", "practitioner-assessment", true);
            Dash(c, "DA-VICTIM", reduced: true);
        }, asOf: "2024-09-30");

        Assert.Equal(OutcomeStatus.Met, national);
        Assert.Equal(OutcomeStatus.NotMet, walsall);
        Assert.Equal(OutcomeStatus.Pending, pending.Status);
        Assert.Equal(new DateOnly(2024, 12, 28), pending.ExpectedOn);
    }

    // Housing

    [Fact]
    public void Under_walsall_the_practitioner_s_own_assessment_does_not_show_secure_housing()
    {
        var (national, walsall) = Both(c => c
            .Need("HSG-UNSUITABLE")
            .Evidence("HSG-UNSUITABLE", "practitioner-assessment", true));

        Assert.Equal(OutcomeStatus.Met, national);
        Assert.Equal(OutcomeStatus.NotMet, walsall);
    }

    [Fact]
    public void Housing_is_met_with_a_positive_homeless_team_update_and_no_eviction_notice_for_six_months()
    {
        var need = Judge(Walsall, c => c
            .Need("HSG-TA")
            .Evidence("HSG-TA", "data", true, extra: e => e["note"] = "Homeless team: no longer at risk"));

        Assert.Equal(OutcomeStatus.Met, need.Status);
        Assert.Equal(new DateOnly(2024, 12, 28), need.MetOn);
    }

    [Fact]
    public void Housing_is_met_with_a_tenancy_sustained_record_from_the_housing_provider()
    {
        var need = Judge(Walsall, c => c
            .Need("HSG-UNSUITABLE")
            .Event("eviction-notice", "2023-11-01")
            .Event("tenancy-sustained", "2024-03-01"));

        Assert.Equal(OutcomeStatus.Met, need.Status);
    }

    [Fact]
    public void Housing_is_not_met_with_an_eviction_notice_within_six_months_of_closure()
    {
        var need = Judge(Walsall, c => c
            .Need("HSG-TA")
            .Event("eviction-notice", "2024-10-01")
            .Evidence("HSG-TA", "data", true));

        Assert.Equal(OutcomeStatus.NotMet, need.Status);
        Assert.Contains(need.Reasons, r => r.Contains("eviction notices") && r.Contains("2024-10-01"));
    }

    [Fact]
    public void Housing_is_pending_until_six_months_after_closure()
    {
        var need = Judge(Walsall, c => c.Need("HSG-TA").Evidence("HSG-TA", "data", true), asOf: "2024-10-31");

        Assert.Equal(OutcomeStatus.Pending, need.Status);
        Assert.Equal(new DateOnly(2024, 12, 28), need.ExpectedOn);
    }

    // Substance use

    [Fact]
    public void Under_walsall_an_adult_s_reduction_in_substance_use_must_be_measured_by_rescreening()
    {
        var (national, walsall) = Both(c => c
            .Need("SUB-ADULT", "mum")
            .Evidence("SUB-ADULT", "practitioner-assessment", true, member: "mum"));

        Assert.Equal(OutcomeStatus.Met, national);
        Assert.Equal(OutcomeStatus.NotMet, walsall);
    }

    [Theory]
    [InlineData(20, 10, OutcomeStatus.Met)]
    [InlineData(20, 18, OutcomeStatus.NotMet)]
    public void Under_walsall_an_adult_needs_an_improved_rescreen_and_the_practitioner_s_assessment(int before, int after, OutcomeStatus expected)
    {
        var need = Judge(Walsall, c =>
        {
            c.Need("SUB-ADULT", "mum").Evidence("SUB-ADULT", "practitioner-assessment", true, member: "mum");
            Scored(c, "SUB-ADULT", "AUDIT", before, after, member: "mum");
        });

        Assert.Equal(expected, need.Status);
    }

    [Fact]
    public void Under_walsall_a_rescreen_alone_does_not_show_an_adult_better_equipped()
    {
        var (national, walsall) = Both(c => Scored(c.Need("SUB-ADULT", "mum"), "SUB-ADULT", "AUDIT", 20, 10, member: "mum"));

        Assert.Equal(OutcomeStatus.Met, national);
        Assert.Equal(OutcomeStatus.NotMet, walsall);
    }

    [Fact]
    public void Under_walsall_a_child_s_reduced_substance_use_must_come_with_the_family_better_equipped()
    {
        var (national, walsall) = Both(c => Scored(c.Need("SUB-CHILD", "kai"), "SUB-CHILD", "CRAFFT", 4, 1, member: "kai"));

        Assert.Equal(OutcomeStatus.Met, national);
        Assert.Equal(OutcomeStatus.NotMet, walsall);
    }

    // Health

    [Fact]
    public void Under_walsall_an_adult_s_improved_mental_health_must_come_with_the_family_better_equipped()
    {
        var (national, walsall) = Both(c => Scored(c.Need("HLT-ADULT-MH", "mum"), "HLT-ADULT-MH", "GAD-7", 15, 8, member: "mum"));
        var withFamily = Judge(Walsall, c =>
        {
            c.Need("HLT-ADULT-MH", "mum").Evidence("HLT-ADULT-MH", "self-assessment", true, member: "mum");
            Scored(c, "HLT-ADULT-MH", "GAD-7", 15, 8, member: "mum");
        });

        Assert.Equal(OutcomeStatus.Met, national);
        Assert.Equal(OutcomeStatus.NotMet, walsall);
        Assert.Equal(OutcomeStatus.Met, withFamily.Status);
    }

    [Fact]
    public void Under_walsall_a_validated_measure_alone_does_not_meet_a_child_s_mental_health_outcome()
    {
        var (national, walsall) = Both(c => Scored(c.Need("HLT-CHILD-MH", "jay"), "HLT-CHILD-MH", "GAD-7", 14, 6, member: "jay"));

        Assert.Equal(OutcomeStatus.Met, national);
        Assert.Equal(OutcomeStatus.NotMet, walsall);
    }

    [Fact]
    public void A_child_s_mental_health_outcome_is_met_by_the_practitioner_s_assessment()
    {
        var need = Judge(Walsall, c => c
            .Need("HLT-CHILD-MH", "amy")
            .Evidence("HLT-CHILD-MH", "practitioner-assessment", true, member: "amy"));

        Assert.Equal(OutcomeStatus.Met, need.Status);
    }

    // Family relationships

    [Fact]
    public void Under_walsall_less_parental_conflict_must_come_with_parents_understanding_its_impact()
    {
        var (national, walsall) = Both(c => c
            .Need("REL-CONFLICT")
            .Evidence("REL-CONFLICT", "validated-measure", true, extra: e => e["instrument"] = "Family relationship quality tool"));

        Assert.Equal(OutcomeStatus.Met, national);
        Assert.Equal(OutcomeStatus.NotMet, walsall);
    }

    [Fact]
    public void Under_walsall_a_young_carer_needs_a_completed_young_carers_assessment()
    {
        var (national, walsall) = Both(c => c
            .Need("REL-CARER", "jay")
            .Evidence("REL-CARER", "practitioner-assessment", true, member: "jay"));
        var assessed = Judge(Walsall, c => c
            .Need("REL-CARER", "jay")
            .Evidence("REL-CARER", "practitioner-assessment", true, member: "jay")
            .Evidence("REL-CARER", "data", true, member: "jay", extra: e => e["note"] = "Young Carers Assessment completed"));

        Assert.Equal(OutcomeStatus.Met, national);
        Assert.Equal(OutcomeStatus.NotMet, walsall);
        Assert.Equal(OutcomeStatus.Met, assessed.Status);
    }

    // Financial stability: AND/OR

    [Theory]
    [InlineData("self-assessment", null, OutcomeStatus.Met)]
    [InlineData(null, "data", OutcomeStatus.Met)]
    [InlineData("self-assessment", "data", OutcomeStatus.Met)]
    [InlineData(null, null, OutcomeStatus.NotMet)]
    public void Feeling_able_to_manage_finances_and_or_debt_being_managed_meets_the_debt_need(string? feels, string? debt, OutcomeStatus expected)
    {
        var need = Judge(Walsall, c =>
        {
            c.Need("FIN-DEBT");
            if (feels is not null)
            {
                c.Evidence("FIN-DEBT", feels, true);
            }

            if (debt is not null)
            {
                c.Evidence("FIN-DEBT", debt, true);
            }
        });

        Assert.Equal(expected, need.Status);
    }

    // Abuse and exploitation: no Walsall evidence measures, so national's criteria stand

    [Theory]
    [InlineData(false, OutcomeStatus.NotMet)]
    [InlineData(true, OutcomeStatus.Met)]
    public void Exploitation_is_judged_as_nationally(bool selfAssessed, OutcomeStatus expected)
    {
        void Build(CaseBuilder c)
        {
            c.Need("ABU-CSE", "kai").Evidence("ABU-CSE", "practitioner-assessment", true, member: "kai");
            if (selfAssessed)
            {
                c.Evidence("ABU-CSE", "self-assessment", true, member: "kai");
            }
        }

        Assert.Equal((expected, expected), Both(Build));
    }
}
