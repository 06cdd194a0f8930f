namespace EarlyHelp.Core.Outcomes.Measures;

public enum BetterWhen
{
    Lower,
    Higher,
}

/// <summary>
/// A validated outcome measure that is free to use, whose scoring the engine knows: its range, which way is
/// better, and the change that counts as a real improvement rather than measurement noise.
/// </summary>
public sealed record Instrument(string Code, string Name, decimal Minimum, decimal Maximum, BetterWhen Better, decimal ReliableChange, string Basis)
{
    public bool InRange(decimal score) => score >= Minimum && score <= Maximum;

    public decimal Improvement(decimal before, decimal after) => Better == BetterWhen.Lower ? before - after : after - before;

    public bool Improved(decimal before, decimal after) => Improvement(before, after) >= ReliableChange;

    public string Explain(decimal before, decimal after)
    {
        var direction = Better == BetterWhen.Lower ? "fall" : "rise";
        var verb = after < before ? "fell" : after > before ? "rose" : "stayed";
        var movement = after == before ? $"stayed at {after:0.##}" : $"{verb} from {before:0.##} to {after:0.##}";
        var verdict = Improved(before, after) ? "an improvement" : "not enough to count as an improvement";
        return $"{Code} {movement}: {verdict} (a {direction} of {ReliableChange:0.##} or more is needed)";
    }
}

public sealed class InstrumentCatalog(IEnumerable<Instrument> instruments)
{
    private readonly Dictionary<string, Instrument> byKey = instruments.ToDictionary(i => Key(i.Code), StringComparer.Ordinal);

    public static InstrumentCatalog Empty { get; } = new([]);

    public IReadOnlyCollection<Instrument> All => byKey.Values;

    /// <summary>Finds an instrument whatever its case, spaces or hyphens: "GAD-7", "gad7" and "GAD 7" are one.</summary>
    public Instrument? Find(string? code) => code is not null && byKey.TryGetValue(Key(code), out var i) ? i : null;

    /// <summary>The comparison key of an instrument name: letters and digits, upper case.</summary>
    public static string Key(string code) => new([.. code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);
}
