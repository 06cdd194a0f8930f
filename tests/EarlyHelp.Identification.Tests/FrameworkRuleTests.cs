using EarlyHelp.Core.Frameworks;
using EarlyHelp.Core.Outcomes.Rules;

namespace EarlyHelp.Identification.Tests;

/// <summary>The identification blocks of the framework files: what the shipped files say, and validation on load.</summary>
public class FrameworkRuleTests
{
    [Theory]
    [InlineData("national-2022")]
    [InlineData("walsall-2022")]
    public void National_and_Walsall_identify_the_same_needs_from_partner_data(string id)
    {
        var framework = TestData.Catalog.Get(id);
        var identified = framework.Needs.Values.Where(n => n.Identification is not null).Select(n => n.Code).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                "ABU-ABUSE", "ABU-MISSING", "CRM-ADULT", "CRM-YP", "DA-CHILD", "DA-PERPETRATOR", "DA-VICTIM", "EDU-ATTEND-50", "EDU-ATTEND-90",
                "EDU-ENGAGE", "EY-DEVELOP", "EY-HEALTH", "FIN-NEET", "FIN-WORKLESS", "HLT-ADULT-MH", "HLT-CHILD-MH", "HLT-PHYSICAL", "HSG-TA",
                "HSG-UNSUITABLE", "REL-CPV", "SUB-ADULT", "SUB-CHILD",
            ],
            identified);
        var attendance = Assert.IsType<AttendanceIdentification>(framework.Needs["EDU-ATTEND-90"].Identification);
        Assert.Equal((90m, 2, AuthorisedAbsence.Counted), (attendance.BelowPercent, attendance.ConsecutiveTerms, attendance.AuthorisedAbsence));
        var crime = Assert.IsType<PoliceIdentification>(framework.Needs["CRM-ADULT"].Identification);
        Assert.Equal(12, crime.Months);
        Assert.Equal(18, crime.Ages!.From);

        // Needs that only practitioners' information shows have no rule.
        Assert.All(["EY-PARENT", "EDU-SEN", "REL-PARENTING", "REL-CONFLICT", "REL-CARER", "ABU-CSE", "ABU-CCE", "ABU-RADICAL", "ABU-EXTRA", "CRM-YP-RISK", "HSG-YP-EXCLUDED", "FIN-DEBT"],
            code => Assert.Null(framework.Needs[code].Identification));
    }

    [Fact]
    public void Herefordshire_takes_its_appendix_1_indicators()
    {
        var framework = TestData.Catalog.Get("herefordshire-2020");
        var attendance = Assert.IsType<AttendanceIdentification>(framework.Needs["HF-EDU-ATTENDANCE"].Identification);
        Assert.Equal((90m, 3, AuthorisedAbsence.Excluded), (attendance.BelowPercent, attendance.ConsecutiveTerms, attendance.AuthorisedAbsence));
        var exclusions = Assert.IsType<AnyIdentification>(framework.Needs["HF-EDU-EXCLUSIONS"].Identification);
        Assert.Equal(3, exclusions.Rules.Count);
        Assert.IsType<PoliceIdentification>(framework.Needs["HF-DA-POLICE-CALLOUT"].Identification);
        Assert.Null(framework.Needs["HF-CRIME-LICENCE"].Identification); // probation data is not among the partner files
    }

    private const string Minimal = """
        id: test-1
        name: Test
        eligibility:
          minimumHeadlineOutcomes: 1
        sustainmentMonths: 6
        headlineOutcomes:
          - code: h
            name: H
            needs:
              - code: N-1
                summary: A need
                dataSources: [x]
                identification:
                  IDENTIFICATION
                outcomes: [y]
                evidence: [z]
                criteria:
                  evidence:
                    kinds: [practitioner-assessment]
        """;

    private static IReadOnlyList<string> Errors(string identification)
    {
        var (framework, errors) = FrameworkLoader.Load("test-1.yaml", Minimal.Replace("IDENTIFICATION", identification, StringComparison.Ordinal));
        Assert.Null(framework);
        return [.. errors.Select(e => e.ToString())];
    }

    [Fact]
    public void A_valid_block_loads()
    {
        var (framework, errors) = FrameworkLoader.Load("test-1.yaml", Minimal.Replace("IDENTIFICATION", "police: { types: [asb], months: 6, atLeast: 2, ages: { from: 10, to: 17 } }", StringComparison.Ordinal));
        Assert.Empty(errors);
        var police = Assert.IsType<PoliceIdentification>(framework!.Needs["N-1"].Identification);
        Assert.Equal((6, 2, 3), (police.Months, police.AtLeast, police.Roles.Count));
    }

    [Fact]
    public void Every_problem_is_reported_with_its_file_line_and_path()
    {
        var errors = Errors("police: { types: [asb, burglary], months: 0, roles: [witness], ages: { from: 18, to: 10 } }");
        Assert.Contains("test-1.yaml:14: $.headlineOutcomes[0].needs[0].identification.police.types: 'burglary' is not one of offence, arrest, named-suspect, asb, domestic-abuse, missing", errors);
        Assert.Contains("test-1.yaml:14: $.headlineOutcomes[0].needs[0].identification.police.months: must be a number from 1 to 120", errors);
        Assert.Contains("test-1.yaml:14: $.headlineOutcomes[0].needs[0].identification.police.roles: 'witness' is not one of subject, victim, perpetrator", errors);
        Assert.Contains("test-1.yaml:14: $.headlineOutcomes[0].needs[0].identification.police.ages.to: is below from (18)", errors);
        Assert.Equal(4, errors.Count);
    }

    [Theory]
    [InlineData("guesswork: {}", "identification.guesswork: is not an identification kind (any, all, attendance, exclusions, police, benefits, neet, socialCare, health, housing, expectedBaby)")]
    [InlineData("attendance: { belowPercent: 90, consecutiveTerms: 2 }", "identification.attendance.authorisedAbsence: is required (counted or excluded)")]
    [InlineData("attendance: { belowPercent: 190, consecutiveTerms: 2, authorisedAbsence: counted }", "identification.attendance.belowPercent: must be a number from 0 to 100")]
    [InlineData("benefits: { ages: { from: 18 } }", "identification.benefits: needs outOfWork: true or a list of benefits")]
    [InlineData("health: { flags: [], months: 12 }", "identification.health.flags: must list at least one")]
    [InlineData("any: [ { expectedBaby: {} } ]", "identification.any: must list at least two rules")]
    [InlineData("housing: { statuses: [settled], months: 3 }", "identification.housing.months: is not a known setting here (known: statuses, withinMonths)")]
    public void Mistakes_are_named(string identification, string expected)
    {
        Assert.Contains(Errors(identification), e => e.EndsWith(expected, StringComparison.Ordinal));
    }
}
