namespace EarlyHelp.Core.Outcomes.Rules;

/// <summary>
/// Evidence a practitioner recorded for the need: at least one of the listed kinds (or every one of them)
/// shows the outcome achieved. For each kind the latest record stands, so a later assessment replaces an
/// earlier one. A validated measure the engine knows is scored by its instrument.
/// </summary>
public sealed class EvidenceRule(IReadOnlyList<EvidenceKind> kinds, bool requireAll, string? description, IReadOnlyList<string>? instruments = null) : Rule
{
    public override RuleResult Evaluate(NeedContext context)
    {
        var records = context.EvidenceForNeed().Where(e => kinds.Contains(e.Kind) && Counts(e)).ToList();
        var latestByKind = kinds.Select(k => (Kind: k, Record: Latest(records.Where(r => r.Kind == k), context))).ToList();
        var what = description ?? string.Join(requireAll ? " and " : " or ", kinds.Select(Label));
        var parts = new List<RuleResult>();
        foreach (var (kind, record) in latestByKind)
        {
            if (record is null)
            {
                parts.Add(RuleResult.NoData($"No {Label(kind)} recorded."));
                continue;
            }

            var (achieved, explanation) = Judge(record, context);
            var text = $"{Capital(Label(kind))} on {record.Date:yyyy-MM-dd}: {explanation}{(record.Note is { Length: > 0 } note ? $" ({note})" : "")}.";
            parts.Add(achieved ? RuleResult.Met(record.Date, text) : RuleResult.NotMet(text));
        }

        if (parts.All(p => !p.Applicable))
        {
            return RuleResult.NoData($"No {what} recorded.");
        }

        return requireAll ? RuleResult.AllOf(parts) : RuleResult.AnyOf([.. parts.Where(p => p.Applicable)]);
    }

    /// <summary>Where the framework names instruments, a validated measure counts only if it used one of them (a DASH, a rescreen).</summary>
    private bool Counts(EvidenceRecord record) =>
        record.Kind != EvidenceKind.ValidatedMeasure
        || instruments is not { Count: > 0 }
        || (record.Instrument is { } used && instruments.Contains(Measures.InstrumentCatalog.Key(used)));

    /// <summary>
    /// The record that stands for a kind: the latest. Records on the same day do not depend on the order they
    /// were listed in: one showing the outcome not achieved stands over one showing it achieved.
    /// </summary>
    private static EvidenceRecord? Latest(IEnumerable<EvidenceRecord> records, NeedContext context)
    {
        EvidenceRecord? latest = null;
        foreach (var record in records)
        {
            if (latest is null || record.Date > latest.Date || (record.Date == latest.Date && !Judge(record, context).Achieved && Judge(latest, context).Achieved))
            {
                latest = record;
            }
        }

        return latest;
    }

    private static (bool Achieved, string Explanation) Judge(EvidenceRecord record, NeedContext context)
    {
        if (record.Kind == EvidenceKind.ValidatedMeasure
            && context.Instruments.Find(record.Instrument) is { } instrument
            && record.Before is { } before && record.After is { } after)
        {
            return (instrument.Improved(before, after), instrument.Explain(before, after));
        }

        var achieved = record.OutcomeAchieved == true;
        var instrumentName = record.Instrument is { Length: > 0 } i ? $"{i}: " : "";
        return (achieved, instrumentName + (achieved ? "outcome achieved" : "outcome not achieved"));
    }

    public static string Label(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Data => "data evidence",
        EvidenceKind.ValidatedMeasure => "validated outcome measure",
        EvidenceKind.PractitionerAssessment => "practitioner assessment",
        EvidenceKind.SelfAssessment => "self-assessment",
        _ => "supplementary evidence",
    };

    private static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
