using EarlyHelp.Core.Frameworks;
using EarlyHelp.Core.Outcomes.Rules;

namespace EarlyHelp.Core.Tests.Frameworks;

public class FrameworkLoaderTests
{
    [Fact]
    public void National_2022_has_the_10_headline_outcomes_and_34_needs_of_the_contract()
    {
        var framework = TestFrameworks.Catalog.Get("national-2022");
        var contract = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "needs-national-2022.csv"))
            .Skip(1)
            .Select(l => l.Split(',', 4))
            .ToList();

        Assert.Equal(3, framework.MinimumHeadlineOutcomes);
        Assert.Equal(6, framework.SustainmentMonths);
        Assert.Equal(contract.Select(c => c[0]).Distinct(), framework.HeadlineOutcomes.Select(h => h.Code));
        Assert.Equal(contract.Select(c => c[2]), framework.HeadlineOutcomes.SelectMany(h => h.Needs).Select(n => n.Code));
        foreach (var row in contract)
        {
            var need = framework.Needs[row[2]];
            Assert.Equal(row[0], need.HeadlineCode);
            Assert.Equal(row[1], framework.HeadlinesByCode[row[0]].Name);
            Assert.NotEmpty(need.DataSources);
            Assert.NotEmpty(need.Outcomes);
            Assert.NotEmpty(need.Evidence);
        }
    }

    [Fact]
    public void Every_reading_of_an_ambiguity_is_recorded()
    {
        var framework = TestFrameworks.Catalog.Get("national-2022");
        Assert.Contains(framework.Readings, r => r.Name == "attendance-improvement" && r.Answer.Contains("Relative", StringComparison.Ordinal));
        Assert.All(framework.Readings, r => Assert.False(string.IsNullOrWhiteSpace(r.Answer)));
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
                outcomes: [y]
                evidence: [z]
                criteria:
                  evidence:
                    kinds: [practitioner-assessment]
        """;

    [Fact]
    public void A_minimal_framework_loads()
    {
        var (framework, errors) = FrameworkLoader.Load("test-1.yaml", Minimal);
        Assert.Empty(errors);
        Assert.IsType<EvidenceRule>(framework!.Needs["N-1"].Criteria);
    }

    [Fact]
    public void A_broken_definition_is_refused_with_file_path_line_and_reason()
    {
        var broken = Minimal
            .Replace("minimumHeadlineOutcomes: 1", "minimumHeadlineOutcomes: lots", StringComparison.Ordinal)
            .Replace("kinds: [practitioner-assessment]", "kinds: [hunch]", StringComparison.Ordinal)
            .Replace("summary: A need", "summery: A need", StringComparison.Ordinal);
        var (framework, errors) = FrameworkLoader.Load("test-1.yaml", broken);

        Assert.Null(framework);
        var lines = errors.Select(e => e.ToString()).ToList();
        Assert.Contains("test-1.yaml:4: $.eligibility.minimumHeadlineOutcomes: must be a number from 1 to 20", lines);
        Assert.Contains(lines, l => l.Contains("$.headlineOutcomes[0].needs[0].summary: is required", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("$.headlineOutcomes[0].needs[0].summery: is not a known setting here", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("$.headlineOutcomes[0].needs[0].criteria.evidence.kinds: 'hunch' is not an evidence kind", StringComparison.Ordinal));
    }

    [Fact]
    public void Criteria_must_name_one_known_rule_kind()
    {
        var broken = Minimal.Replace("evidence:\n            kinds: [practitioner-assessment]", "guesswork: {}", StringComparison.Ordinal);
        Assert.NotEqual(Minimal, broken);
        var (_, errors) = FrameworkLoader.Load("test-1.yaml", broken);
        Assert.Contains(errors, e => e.Path == "$.headlineOutcomes[0].needs[0].criteria.guesswork" && e.Message.StartsWith("is not a rule kind", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_YAML_is_refused_with_its_line()
    {
        var (framework, errors) = FrameworkLoader.Load("bad.yaml", "id: x\nname: [unclosed\n");
        Assert.Null(framework);
        Assert.StartsWith("is not valid YAML", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_with_a_broken_framework_refuses_to_load()
    {
        var dir = Directory.CreateTempSubdirectory("frameworks-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "test-1.yaml"), Minimal);
            File.WriteAllText(Path.Combine(dir.FullName, "test-2.yaml"), Minimal.Replace("sustainmentMonths: 6", "sustainmentMonths: -1", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(dir.FullName, "test-3.yaml"), Minimal);
            var e = Assert.Throws<FrameworkDefinitionException>(() => FrameworkCatalog.LoadDirectory(dir.FullName));
            Assert.Contains(e.Errors, x => x.File.EndsWith("test-2.yaml", StringComparison.Ordinal) && x.Path == "$.sustainmentMonths");
            Assert.Contains(e.Errors, x => x.File.EndsWith("test-3.yaml", StringComparison.Ordinal) && x.Path == "$.id" && x.Message.Contains("is 'test-1'", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void One_framework_can_be_loaded_without_parsing_the_others()
    {
        var dir = Directory.CreateTempSubdirectory("earlyhelp-frameworks-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "test-1.yaml"), Minimal);
            File.WriteAllText(Path.Combine(dir.FullName, "test-2.yaml"), "not: [a framework");
            var catalog = FrameworkCatalog.LoadDirectory(dir.FullName, only: "test-1");
            Assert.Equal(["test-1"], catalog.All.Select(f => f.Id));
            Assert.Throws<FrameworkDefinitionException>(() => FrameworkCatalog.LoadDirectory(dir.FullName));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_shipped_instruments_include_the_free_validated_measures()
    {
        var instruments = TestFrameworks.Catalog.Instruments;
        foreach (var code in new[] { "GAD-7", "K10", "AUDIT", "AUDIT-C", "DASS-21", "SADQ", "CRAFFT", "WEMWBS", "SWEMWBS" })
        {
            Assert.NotNull(instruments.Find(code));
        }

        var gad = instruments.Find("GAD 7")!;
        Assert.True(gad.Improved(15, 11));
        Assert.False(gad.Improved(15, 12));
        Assert.False(gad.InRange(22));
        var wemwbs = instruments.Find("wemwbs")!;
        Assert.True(wemwbs.Improved(40, 43));
        Assert.False(wemwbs.Improved(43, 40));
    }
}
