using EarlyHelp.Core.Outcomes.Measures;

namespace EarlyHelp.Core.Frameworks;

/// <summary>Thrown when a definition under frameworks/ is broken: the application refuses to start with it.</summary>
public sealed class FrameworkDefinitionException(IReadOnlyList<DefinitionError> errors)
    : Exception("Broken framework definitions:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<DefinitionError> Errors => errors;
}

/// <summary>Every framework in a folder, with the validated measures catalogue beside them (instruments.yaml).</summary>
public sealed class FrameworkCatalog
{
    public const string InstrumentsFile = "instruments.yaml";

    private readonly Dictionary<string, Framework> byId;

    public FrameworkCatalog(IEnumerable<Framework> frameworks, InstrumentCatalog instruments)
    {
        byId = frameworks.ToDictionary(f => f.Id, StringComparer.Ordinal);
        Instruments = instruments;
    }

    public InstrumentCatalog Instruments { get; }

    /// <summary>Each framework's definition as its file was read, by id, so a claim can keep the very text it was judged by.</summary>
    public IReadOnlyDictionary<string, string> Definitions { get; init; } = new Dictionary<string, string>();

    /// <summary>The validated measures catalogue as its file was read; empty when there is none.</summary>
    public string InstrumentsDefinition { get; init; } = "";

    public IReadOnlyList<Framework> All => [.. byId.Values.OrderBy(f => f.Id, StringComparer.Ordinal)];

    public bool TryGet(string id, out Framework framework) => byId.TryGetValue(id, out framework!);

    public Framework Get(string id) => byId.TryGetValue(id, out var f) ? f : throw new KeyNotFoundException($"No framework '{id}'.");

    /// <summary>
    /// Loads every *.yaml file in a folder, or with <paramref name="only"/> just that framework's file (a command that
    /// needs one framework need not parse the others); any broken definition throws with all the problems found.
    /// </summary>
    public static FrameworkCatalog LoadDirectory(string directory, string? only = null)
    {
        if (!Directory.Exists(directory))
        {
            throw new FrameworkDefinitionException([new DefinitionError(directory, "$", 0, "the frameworks folder does not exist")]);
        }

        var errors = new List<DefinitionError>();
        var instruments = InstrumentCatalog.Empty;
        var instrumentsText = "";
        var definitions = new Dictionary<string, string>(StringComparer.Ordinal);
        var instrumentsPath = Path.Combine(directory, InstrumentsFile);
        if (File.Exists(instrumentsPath))
        {
            instrumentsText = File.ReadAllText(instrumentsPath);
            var (catalog, problems) = FrameworkLoader.LoadInstruments(instrumentsPath, instrumentsText);
            errors.AddRange(problems);
            instruments = catalog ?? instruments;
        }

        var frameworks = new List<Framework>();
        var files = Directory.EnumerateFiles(directory, "*.yaml")
            .Where(p => Path.GetFileName(p) != InstrumentsFile && (only is null || Path.GetFileNameWithoutExtension(p) == only));
        foreach (var path in files.Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(path);
            var (framework, problems) = FrameworkLoader.Load(path, text);
            errors.AddRange(problems);
            if (framework is null)
            {
                continue;
            }

            var expected = Path.GetFileNameWithoutExtension(path);
            if (framework.Id != expected)
            {
                errors.Add(new DefinitionError(path, "$.id", 1, $"is '{framework.Id}' but the file is named '{expected}.yaml'"));
            }
            else
            {
                frameworks.Add(framework);
                definitions[framework.Id] = text;
            }
        }

        if (errors.Count > 0)
        {
            throw new FrameworkDefinitionException(errors);
        }

        return new FrameworkCatalog(frameworks, instruments) { Definitions = definitions, InstrumentsDefinition = instrumentsText };
    }
}
