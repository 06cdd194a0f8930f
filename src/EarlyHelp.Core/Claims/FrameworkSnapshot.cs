using System.Security.Cryptography;
using System.Text;
using EarlyHelp.Core.Calendar;
using EarlyHelp.Core.Frameworks;
using EarlyHelp.Core.Outcomes;
using EarlyHelp.Core.Outcomes.Measures;

namespace EarlyHelp.Core.Claims;

/// <summary>
/// Judges a claimed family again from what the claim froze: its case file and the framework definition's text,
/// not whatever the framework file says today, so a past claim gives the same verdict years later.
/// </summary>
public static class FrameworkSnapshot
{
    /// <summary>SHA-256 of the definition and the measures catalogue, as lowercase hex: the same text, the same hash.</summary>
    public static string Hash(string definition, string instruments)
    {
        var bytes = Encoding.UTF8.GetBytes(definition + "\n\u0000instruments\u0000\n" + instruments);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public static FrameworkVersion Capture(FrameworkCatalog catalog, string frameworkId, DateTimeOffset now)
    {
        if (!catalog.Definitions.TryGetValue(frameworkId, out var definition))
        {
            throw new InvalidOperationException($"The definition of framework '{frameworkId}' was not kept when it was loaded.");
        }

        return new FrameworkVersion
        {
            Hash = Hash(definition, catalog.InstrumentsDefinition),
            FrameworkId = frameworkId,
            Definition = definition,
            Instruments = catalog.InstrumentsDefinition,
            StoredAt = now,
        };
    }

    /// <summary>The verdict on a stored case file by a stored framework version; errors if either no longer reads.</summary>
    public static (Verdict? Verdict, IReadOnlyList<string> Errors) Evaluate(FrameworkVersion version, string caseFile)
    {
        var instruments = InstrumentCatalog.Empty;
        var errors = new List<string>();
        if (version.Instruments.Length > 0)
        {
            var (catalog, problems) = FrameworkLoader.LoadInstruments(FrameworkCatalog.InstrumentsFile, version.Instruments);
            errors.AddRange(problems.Select(p => p.ToString()));
            instruments = catalog ?? instruments;
        }

        var (framework, frameworkProblems) = FrameworkLoader.Load($"{version.FrameworkId}.yaml", version.Definition);
        errors.AddRange(frameworkProblems.Select(p => p.ToString()));
        if (framework is null || errors.Count > 0)
        {
            return (null, errors);
        }

        var frameworks = new FrameworkCatalog([framework], instruments);
        var (file, inputErrors) = new CaseFileReader(frameworks).Read(caseFile);
        if (file is null)
        {
            return (null, [.. inputErrors.Select(e => e.ToString())]);
        }

        return (new OutcomeEvaluator(frameworks, SchoolCalendar.England).Evaluate(file), []);
    }
}
