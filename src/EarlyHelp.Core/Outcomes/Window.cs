namespace EarlyHelp.Core.Outcomes;

public enum Anchor
{
    Identified,
    Opened,
    Closed,
    AsOf,
}

/// <summary>
/// A period relative to a date in the case: <c>monthsBefore</c> is (anchor − n months, anchor],
/// <c>monthsAfter</c> is (anchor, anchor + n months].
/// </summary>
public sealed record Window(Anchor Anchor, int MonthsBefore, int MonthsAfter)
{
    public (DateOnly From, DateOnly To)? Resolve(NeedContext context)
    {
        if (context.AnchorDate(Anchor) is not { } anchor)
        {
            return null;
        }

        return MonthsBefore > 0 ? (anchor.AddMonths(-MonthsBefore), anchor) : (anchor, anchor.AddMonths(MonthsAfter));
    }

    /// <summary>True when the window lies after its anchor (it is then still open until its last day passes).</summary>
    public bool LooksForward => MonthsAfter > 0;

    public string Describe() => MonthsBefore > 0
        ? $"in the {Months(MonthsBefore)} before {AnchorName(Anchor)}"
        : $"in the {Months(MonthsAfter)} after {AnchorName(Anchor)}";

    public static string Months(int n) => n == 1 ? "month" : $"{n} months";

    public static string AnchorName(Anchor anchor) => anchor switch
    {
        Anchor.Identified => "the need was identified",
        Anchor.Opened => "the episode opened",
        Anchor.Closed => "closure",
        _ => "the evaluation date",
    };
}
