namespace EarlyHelp.Core.Value;

/// <summary>The tables of unit costs shipped as examples, read from the CSV files in Value/Data.</summary>
public static class UnitCostTables
{
    /// <summary>
    /// Doncaster Early Help Strategy 2017 to 2020, Appendix 1: cost benefit values based on Early Intervention
    /// Foundation estimates. docs/value.md says how each line was read from the source.
    /// </summary>
    public static IReadOnlyList<UnitCost> Doncaster { get; } = Load("doncaster-2017.csv");

    public const string DoncasterName = "Doncaster Early Help Strategy 2017 to 2020, Appendix 1 (Early Intervention Foundation estimates)";

    private static IReadOnlyList<UnitCost> Load(string file)
    {
        using var stream = typeof(UnitCostTables).Assembly.GetManifestResourceStream($"EarlyHelp.Core.Value.Data.{file}")
            ?? throw new InvalidOperationException($"The shipped table {file} is missing from the build");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var read = UnitCostCsv.Read(buffer.ToArray());
        return read.Items ?? throw new InvalidOperationException($"The shipped table {file} is not valid: {string.Join("; ", read.Problems)}");
    }
}
