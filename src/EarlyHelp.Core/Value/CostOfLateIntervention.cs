namespace EarlyHelp.Core.Value;

/// <summary>What a reduction in late intervention would save a year: <see cref="Percent"/> of the total cost.</summary>
public sealed record Reduction(decimal Percent, decimal Saving);

/// <summary>
/// The cost of late intervention: each unit cost times the children a year, added up, and what reductions of that
/// total would save. The arithmetic is exact decimal arithmetic, never rounded, so a council can check every figure
/// by hand (docs/value.md shows where Doncaster's own table rounded).
/// </summary>
public sealed record CostOfLateIntervention(IReadOnlyList<UnitCost> Items, decimal TotalCost, IReadOnlyList<Reduction> Reductions)
{
    /// <summary>The reductions worked out when none are asked for: those of Doncaster's table.</summary>
    public static IReadOnlyList<decimal> DefaultReductions { get; } = [1m, 5m];

    /// <summary>The most reductions worked out at once; more would not make the table easier to read.</summary>
    public const int MaximumReductions = 10;

    /// <summary>Cost items whose number per year is not known, so that are not in the total.</summary>
    public IReadOnlyList<UnitCost> NotCounted => [.. Items.Where(i => i.TotalCost is null)];

    /// <summary>A sentence that says how many cost items are not in the total, or null if all are.</summary>
    public string? NotCountedSentence => NotCounted.Count switch
    {
        0 => null,
        1 => "1 cost item has no number per year, so it is not in the total.",
        var n => $"{n} cost items have no number per year, so they are not in the total.",
    };

    /// <summary>Works out the total and the savings; a reduction asked for twice is worked out once.</summary>
    public static CostOfLateIntervention Calculate(IReadOnlyList<UnitCost> items, IEnumerable<decimal> reductionPercents)
    {
        var total = items.Sum(i => i.TotalCost ?? 0m);
        var reductions = reductionPercents.Distinct().Select(percent => new Reduction(percent, total * percent / 100m)).ToList();
        return new CostOfLateIntervention(items, total, reductions);
    }

    /// <summary>
    /// Reductions typed as a list ("1, 5" or "2.5% 10"), or the problem with the first one that is not a reduction.
    /// </summary>
    public static string? ParseReductions(string? text, out IReadOnlyList<decimal> percents)
    {
        var list = new List<decimal>();
        percents = list;
        foreach (var part in (text ?? "").Split([',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (UnitCostText.ParsePercent(part, $"the reduction {part}", out var percent) is { } problem)
            {
                return problem;
            }

            if (!list.Contains(percent))
            {
                list.Add(percent);
            }
        }

        return list.Count > MaximumReductions ? $"Enter no more than {MaximumReductions} reductions" : null;
    }
}
