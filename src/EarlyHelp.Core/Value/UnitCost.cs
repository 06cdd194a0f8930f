namespace EarlyHelp.Core.Value;

/// <summary>
/// One line of a table of unit costs: what a late intervention costs public services for one child, how many
/// children a year it happens to, and who bears the cost.
/// </summary>
public sealed record UnitCost
{
    public required string CostItem { get; init; }

    /// <summary>Pounds per child.</summary>
    public required decimal ValuePerChild { get; init; }

    /// <summary>Children a year; null where it is not known, so the line adds nothing to the total.</summary>
    public int? NumberPerYear { get; init; }

    /// <summary>Who bears the cost (the Doncaster table calls it the beneficiary: who gains when it falls).</summary>
    public string? WhoBearsIt { get; init; }

    public string? Service { get; init; }

    public string? Activity { get; init; }

    /// <summary>Where the unit cost and the number come from.</summary>
    public string? Source { get; init; }

    public string? Note { get; init; }

    /// <summary>Value per child times number per year, exactly; null where the number is not known.</summary>
    public decimal? TotalCost => NumberPerYear is { } number ? ValuePerChild * number : null;
}
