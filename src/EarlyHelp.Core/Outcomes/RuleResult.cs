namespace EarlyHelp.Core.Outcomes;

public enum OutcomeStatus
{
    Met,
    Pending,
    NotMet,
}

/// <summary>
/// What one rule found. <see cref="Date"/> is the day the outcome was met, or for a pending result the day
/// it will be met if nothing changes (unknown while the episode is open). A result that is not
/// <see cref="Applicable"/> had no data to judge by: alternatives ignore it, and alone it counts as not met.
/// </summary>
public sealed record RuleResult(OutcomeStatus Status, DateOnly? Date, IReadOnlyList<string> Reasons, bool Applicable = true)
{
    public static RuleResult Met(DateOnly date, params string[] reasons) => new(OutcomeStatus.Met, date, reasons);

    public static RuleResult Pending(DateOnly? date, params string[] reasons) => new(OutcomeStatus.Pending, date, reasons);

    public static RuleResult NotMet(params string[] reasons) => new(OutcomeStatus.NotMet, null, reasons);

    public static RuleResult NoData(params string[] reasons) => new(OutcomeStatus.NotMet, null, reasons, Applicable: false);

    /// <summary>All of several parts (per person, or the branches of an AND) must hold.</summary>
    public static RuleResult AllOf(IReadOnlyList<RuleResult> parts)
    {
        if (parts.Count == 0)
        {
            return NoData();
        }

        // The parts that decide the verdict speak first, so the first reason says why.
        IReadOnlyList<string> ReasonsLeadingWith(OutcomeStatus deciding) =>
            [.. parts.Where(p => p.Status == deciding).SelectMany(p => p.Reasons), .. parts.Where(p => p.Status != deciding).SelectMany(p => p.Reasons)];

        if (parts.Any(p => p.Status == OutcomeStatus.NotMet))
        {
            return new RuleResult(OutcomeStatus.NotMet, null, ReasonsLeadingWith(OutcomeStatus.NotMet), parts.Any(p => p.Applicable));
        }

        if (parts.Any(p => p.Status == OutcomeStatus.Pending))
        {
            var undated = parts.Any(p => p.Status == OutcomeStatus.Pending && p.Date is null);
            return new RuleResult(OutcomeStatus.Pending, undated ? null : parts.Max(p => p.Date), ReasonsLeadingWith(OutcomeStatus.Pending));
        }

        return new RuleResult(OutcomeStatus.Met, parts.Max(p => p.Date), [.. parts.SelectMany(p => p.Reasons)]);
    }

    /// <summary>At least one of several alternatives must hold; alternatives without data are ignored.</summary>
    public static RuleResult AnyOf(IReadOnlyList<RuleResult> alternatives)
    {
        var met = alternatives.Where(a => a.Status == OutcomeStatus.Met).ToList();
        if (met.Count > 0)
        {
            var first = met.MinBy(a => a.Date)!;
            return new RuleResult(OutcomeStatus.Met, first.Date, [.. met.SelectMany(a => a.Reasons)]);
        }

        var pending = alternatives.Where(a => a.Status == OutcomeStatus.Pending).ToList();
        if (pending.Count > 0)
        {
            var date = pending.Any(a => a.Date is null) ? null : pending.Min(a => a.Date);
            return new RuleResult(OutcomeStatus.Pending, date, [.. pending.SelectMany(a => a.Reasons)]);
        }

        var reasons = alternatives.SelectMany(a => a.Reasons).ToList();
        return new RuleResult(OutcomeStatus.NotMet, null, reasons, alternatives.Any(a => a.Applicable));
    }
}
