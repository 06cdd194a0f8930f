using EarlyHelp.Core.Claims;
using EarlyHelp.Core.Outcomes;
using EarlyHelp.Core.Value;

namespace EarlyHelp.Core.Tests.Claims;

public sealed class ClaimsCoreTests
{
    /// <summary>The contract's example family: closed 28 June 2024, three needs met, claimable from 28 December 2024.</summary>
    private const string Family = """
        {
          "framework": "national-2022",
          "asOf": "2025-03-31",
          "family": { "id": "F-001", "members": [
              { "id": "mum", "dateOfBirth": "1988-04-02" }, { "id": "dad", "dateOfBirth": "1985-11-20" }, { "id": "jay", "dateOfBirth": "2012-09-15" } ] },
          "episode": { "opened": "2023-10-02", "closed": "2024-06-28", "leadPractitioner": "Sam Patel",
            "wholeFamilyAssessment": "2023-10-20", "familyPlan": "2023-11-01", "supportReceived": true },
          "needs": [
            { "code": "EDU-ATTEND-90", "member": "jay", "identified": "2023-10-02" },
            { "code": "ABU-MISSING", "member": "jay", "identified": "2023-10-02" },
            { "code": "FIN-DEBT", "identified": "2023-10-02" } ],
          "attendance": [
            { "member": "jay", "academicYear": "2023/24", "term": "spring", "possibleSessions": 120, "attendedSessions": 111, "authorisedAbsence": 4, "unauthorisedAbsence": 5 },
            { "member": "jay", "academicYear": "2023/24", "term": "summer", "possibleSessions": 130, "attendedSessions": 120, "authorisedAbsence": 6, "unauthorisedAbsence": 4 } ],
          "events": [
            { "type": "missing-episode", "member": "jay", "date": "2023-09-12" },
            { "type": "offence", "member": "dad", "date": "2023-03-01", "severe": false },
            { "type": "referral", "headline": "domestic-abuse", "date": "2024-09-01" } ],
          "evidence": [
            { "need": "FIN-DEBT", "date": "2024-06-20", "kind": "practitioner-assessment", "outcomeAchieved": true, "note": "Debt repayment plan agreed with the landlord" },
            { "need": "ABU-MISSING", "member": "jay", "date": "2024-06-20", "kind": "practitioner-assessment", "outcomeAchieved": true } ]
        }
        """;

    [Fact]
    public void A_case_file_written_as_contract_JSON_reads_back_to_the_same_file_and_verdict()
    {
        var (file, errors) = TestFrameworks.Reader.Read(Family);
        Assert.Empty(errors);
        var written = CaseFileJson.ToJson(file!);
        var (again, againErrors) = TestFrameworks.Reader.Read(written);
        Assert.Empty(againErrors);
        Assert.Equal(written, CaseFileJson.ToJson(again!));
        Assert.Equal(3, again!.Events.Count);
        Assert.Equal(2, again.Attendance.Count);
        Assert.Equal("Debt repayment plan agreed with the landlord", again.Evidence[0].Note);
        Assert.Equal(VerdictJson.ToJson(TestFrameworks.Evaluator.Evaluate(file!)), VerdictJson.ToJson(TestFrameworks.Evaluator.Evaluate(again)));
    }

    [Fact]
    public void A_past_claim_judged_again_from_its_frozen_framework_gets_the_same_verdict_after_the_framework_file_changes()
    {
        var catalog = TestFrameworks.Catalog;
        var frozen = FrameworkSnapshot.Capture(catalog, "national-2022", DateTimeOffset.UnixEpoch);
        Assert.Equal(64, frozen.Hash.Length);
        var (file, _) = TestFrameworks.Reader.Read(Family);
        var atClaim = TestFrameworks.Evaluator.Evaluate(file!);
        Assert.Equal(ClaimStatus.Claimable, atClaim.Claim.Status);

        // The council later lengthens the sustainment period in its framework file: the same family, judged by
        // today's file, would no longer be claimable on that day.
        var changedText = frozen.Definition.Replace("sustainmentMonths: 6", "sustainmentMonths: 12", StringComparison.Ordinal);
        Assert.NotEqual(frozen.Definition, changedText);
        var changed = new FrameworkVersion { Hash = FrameworkSnapshot.Hash(changedText, frozen.Instruments), FrameworkId = "national-2022", Definition = changedText, Instruments = frozen.Instruments };
        Assert.NotEqual(frozen.Hash, changed.Hash);
        var (today, todayErrors) = FrameworkSnapshot.Evaluate(changed, CaseFileJson.ToJson(file!));
        Assert.Empty(todayErrors);
        Assert.Equal(ClaimStatus.Pending, today!.Claim.Status);

        // Judged from what the claim froze, it is exactly the verdict of the day it was claimed.
        var (again, errors) = FrameworkSnapshot.Evaluate(frozen, CaseFileJson.ToJson(file!));
        Assert.Empty(errors);
        Assert.Equal(VerdictJson.ToJson(atClaim), VerdictJson.ToJson(again!));
        Assert.Equal(frozen.Hash, FrameworkSnapshot.Hash(frozen.Definition, frozen.Instruments));
    }

    [Fact]
    public void The_audit_sample_is_a_share_of_at_least_one_family_and_the_same_for_the_same_seed_in_any_order()
    {
        var families = Enumerable.Range(1, 45).Select(i => new AuditSample.Candidate($"FAM-{i:000}", i % 3 == 0)).ToList();
        var sample = AuditSample.Choose(families, 0.10m, "claim-1");
        Assert.Equal(5, sample.Count); // 10% of 45 is 4.5: rounded up
        Assert.Equal(sample, AuditSample.Choose(Enumerable.Reverse(families), 0.10m, "claim-1"));
        Assert.NotEqual(sample, AuditSample.Choose(families, 0.10m, "claim-2"));
        Assert.Single(AuditSample.Choose(families.Take(3), 0.10m, "claim-1"));
        Assert.Empty(AuditSample.Choose([], 0.10m, "claim-1"));
        Assert.Equal(45, AuditSample.Choose(families, 1m, "claim-1").Count);
    }

    [Fact]
    public void Families_resting_only_on_practitioner_judgement_are_drawn_about_three_times_as_often()
    {
        // 100 families, half of them on judgement only, sampled at 10% under 400 seeds: 4,000 draws in all.
        var families = Enumerable.Range(1, 100).Select(i => new AuditSample.Candidate($"FAM-{i:000}", i % 2 == 0)).ToList();
        var judgementOnly = 0;
        var other = 0;
        for (var seed = 0; seed < 400; seed++)
        {
            foreach (var reference in AuditSample.Choose(families, 0.10m, $"seed-{seed}"))
            {
                if (families.Single(f => f.Reference == reference).JudgementOnly)
                {
                    judgementOnly++;
                }
                else
                {
                    other++;
                }
            }
        }

        Assert.Equal(4000, judgementOnly + other);
        var ratio = (double)judgementOnly / other;
        Assert.InRange(ratio, 2.0, 4.5);
    }

    [Fact]
    public void A_family_rests_on_judgement_only_when_no_evidence_is_data_or_a_validated_measure_and_no_partner_data_is_read()
    {
        var (file, _) = TestFrameworks.Reader.Read(Family);
        Assert.False(AuditSample.RestsOnJudgementOnly(file!)); // attendance and events are data
        var judgement = file! with { Attendance = [], Events = [] };
        Assert.True(AuditSample.RestsOnJudgementOnly(judgement));
        var withData = judgement with { Evidence = [.. judgement.Evidence, new EvidenceRecord("FIN-DEBT", null, new DateOnly(2024, 6, 20), EvidenceKind.Data, true)] };
        Assert.False(AuditSample.RestsOnJudgementOnly(withData));
    }

    [Fact]
    public void Every_cost_item_mapped_to_a_headline_outcome_is_in_Doncasters_table_and_no_item_is_counted_twice()
    {
        var mapping = FiscalValue.DoncasterMapping;
        Assert.Equal(16, mapping.Count);
        foreach (var item in mapping)
        {
            Assert.Single(UnitCostTables.Doncaster, u => u.CostItem == item.CostItem && u.WhoBearsIt == item.WhoBearsIt);
            Assert.True(TestFrameworks.Catalog.Get("national-2022").HeadlinesByCode.ContainsKey(item.Headline), item.Headline);
        }

        Assert.Equal(mapping.Count, mapping.Select(m => (m.CostItem, m.WhoBearsIt)).Distinct().Count());
    }

    [Fact]
    public void The_fiscal_value_is_each_headline_outcomes_families_times_its_mapped_unit_costs()
    {
        var estimate = FiscalValue.Estimate(UnitCostTables.Doncaster, FiscalValue.DoncasterMapping, new Dictionary<string, int> { ["education"] = 2, ["crime"] = 1 });
        var education = estimate.Headlines.Single(h => h.Headline == "education");
        Assert.Equal(730m + 15000m, education.ValuePerFamily); // an exclusion and a PRU placement
        Assert.Equal(2 * 15730m, education.Estimate);
        var crime = estimate.Headlines.Single(h => h.Headline == "crime");
        Assert.Equal(353m + 7307m + 1132m + 459m, crime.ValuePerFamily);
        Assert.Equal((0, 0m), estimate.Headlines.Where(h => h.Headline == "health").Select(h => (h.Families, h.Estimate)).Single());
        Assert.DoesNotContain(estimate.Headlines, h => h.Headline == "housing"); // nothing in the table is mapped to it
        Assert.Equal(31460m + 9251m, estimate.Total);
    }
}
