using EarlyHelp.Core.Calendar;

namespace EarlyHelp.Core.Outcomes.Rules;

public enum AuthorisedAbsence
{
    /// <summary>Authorised absence counts as absence: attended ÷ possible sessions (the DfE attendance rate).</summary>
    Counted,

    /// <summary>Authorised absence is left out: attended ÷ (possible − authorised) sessions.</summary>
    Excluded,
}

public enum ChildrenInScope
{
    /// <summary>Every child in the family with attendance in the terms measured.</summary>
    Every,

    /// <summary>The need's member; every child when the need names none.</summary>
    Member,
}

/// <summary>Shared arithmetic for attendance rules: pooled sessions over a run of consecutive terms.</summary>
internal static class Attendance
{
    public static decimal? Percent(IEnumerable<AttendanceRecord> rows, AuthorisedAbsence authorised)
    {
        long possible = 0, attended = 0;
        foreach (var row in rows)
        {
            possible += authorised == AuthorisedAbsence.Excluded ? row.PossibleSessions - row.AuthorisedAbsence : row.PossibleSessions;
            attended += row.AttendedSessions;
        }

        return possible <= 0 ? null : Math.Min(100m, 100m * attended / possible);
    }

    public static IEnumerable<AttendanceRecord> In(IReadOnlyList<AttendanceRecord> rows, IReadOnlyList<SchoolTerm> terms) =>
        rows.Where(r => r.Term >= terms[0] && r.Term <= terms[^1]);

    public static string Format(decimal percent) => $"{Math.Round(percent, 1, MidpointRounding.AwayFromZero):0.0}%";

    /// <summary>
    /// The terms an outcome is measured over: the latest <paramref name="count"/> consecutive terms with
    /// attendance, counting only terms that ended after the need was identified. Returns the run, and how
    /// many of its terms are still to come.
    /// </summary>
    public static (IReadOnlyList<SchoolTerm> Terms, int Missing)? OutcomeTerms(NeedContext context, IEnumerable<string> children, int count)
    {
        var latest = children
            .SelectMany(c => context.Facts.Attendance.TryGetValue(c, out var rows) ? rows : [])
            .Select(r => r.Term)
            .DefaultIfEmpty()
            .Max();
        if (latest == default || context.Calendar.End(latest) <= context.Identified)
        {
            return null;
        }

        var run = SchoolTerm.RunEndingWith(latest, count).Where(t => context.Calendar.End(t) > context.Identified).ToList();
        return (run, count - run.Count);
    }

    public static IReadOnlyList<string> Children(NeedContext context, ChildrenInScope scope) =>
        scope == ChildrenInScope.Member && context.Need.Member is { } member
            ? [member]
            : [.. context.Facts.Attendance.Keys.Order(StringComparer.Ordinal)];
}

/// <summary>Attendance at or above a threshold over consecutive terms, e.g. 90% or above for every child over 2 terms.</summary>
public sealed class AttendanceThresholdRule(decimal minimumPercent, int consecutiveTerms, ChildrenInScope children, AuthorisedAbsence authorised) : Rule
{
    public override RuleResult Evaluate(NeedContext context)
    {
        var pupils = Attendance.Children(context, children);
        if (Attendance.OutcomeTerms(context, pupils, consecutiveTerms) is not var (terms, missing))
        {
            return RuleResult.NoData($"No attendance recorded for a term ended since the need was identified on {context.Identified:yyyy-MM-dd}.");
        }

        var parts = new List<RuleResult>();
        foreach (var pupil in pupils)
        {
            var rows = context.Facts.Attendance.TryGetValue(pupil, out var r) ? Attendance.In(r, terms).ToList() : [];
            var percent = Attendance.Percent(rows, authorised);
            if (percent is not { } p)
            {
                if (pupil == context.Need.Member || children == ChildrenInScope.Member)
                {
                    parts.Add(RuleResult.NoData($"{pupil}: no attendance recorded for {SchoolTerm.Describe(terms)}."));
                }

                continue;
            }

            var over = SchoolTerm.Describe([.. rows.Select(x => x.Term).Distinct()]);
            var needed = $"{minimumPercent:0.##}% or above needed";
            if (p < minimumPercent)
            {
                parts.Add(RuleResult.NotMet($"{pupil}: {Attendance.Format(p)} attendance over {over} ({needed})."));
            }
            else if (missing > 0)
            {
                var completing = SchoolTerm.FromOrdinal(terms[^1].Ordinal + missing);
                parts.Add(RuleResult.Pending(
                    context.Calendar.End(completing),
                    $"{pupil}: {Attendance.Format(p)} attendance over {over} ({needed}); it must hold over {consecutiveTerms} consecutive terms since the need was identified, which ends with {completing}."));
            }
            else
            {
                parts.Add(RuleResult.Met(context.Calendar.End(terms[^1]), $"{pupil}: {Attendance.Format(p)} attendance over {over} ({needed})."));
            }
        }

        return parts.Count == 0
            ? RuleResult.NoData($"No attendance recorded for {SchoolTerm.Describe(terms)}.")
            : RuleResult.AllOf(parts);
    }
}

public enum ImprovementMeasure
{
    /// <summary>A relative rise: from 40% to 52% is a 30% improvement.</summary>
    Relative,

    /// <summary>Percentage points: from 40% to 70% is a 30-point improvement.</summary>
    Points,
}

/// <summary>
/// Improvement from very poor attendance: against the terms before the need was identified, at least a given
/// improvement and a minimum level over consecutive terms.
/// </summary>
public sealed class AttendanceImprovementRule(
    decimal improvementPercent,
    ImprovementMeasure measure,
    decimal minimumPercent,
    int consecutiveTerms,
    decimal? baselineBelowPercent,
    ChildrenInScope children,
    AuthorisedAbsence authorised) : Rule
{
    public override RuleResult Evaluate(NeedContext context)
    {
        var baselineTerms = SchoolTerm.RunEndingWith(context.Calendar.LastEndedOnOrBefore(context.Identified), consecutiveTerms);
        var pupils = new List<(string Pupil, decimal Baseline)>();
        var skipped = new List<string>();
        foreach (var pupil in Attendance.Children(context, children))
        {
            var all = context.Facts.Attendance.TryGetValue(pupil, out var r) ? r : [];
            if (Attendance.Percent(Attendance.In(all, baselineTerms), authorised) is not { } baseline)
            {
                skipped.Add($"{pupil}: no attendance recorded for {SchoolTerm.Describe(baselineTerms)}, before the need was identified, to measure an improvement from.");
                continue;
            }

            if (baselineBelowPercent is { } below && baseline >= below)
            {
                skipped.Add($"{pupil}: {Attendance.Format(baseline)} attendance over {SchoolTerm.Describe(baselineTerms)} was not below {below:0.##}%.");
                continue;
            }

            pupils.Add((pupil, baseline));
        }

        if (pupils.Count == 0)
        {
            return RuleResult.NoData(skipped.Count > 0 ? [.. skipped] : ["No attendance recorded before the need was identified."]);
        }

        if (Attendance.OutcomeTerms(context, pupils.Select(p => p.Pupil), consecutiveTerms) is not var (terms, missing))
        {
            return RuleResult.NoData($"No attendance recorded for a term ended since the need was identified on {context.Identified:yyyy-MM-dd}.");
        }

        var parts = new List<RuleResult>();
        foreach (var (pupil, baseline) in pupils)
        {
            var rows = Attendance.In(context.Facts.Attendance.TryGetValue(pupil, out var r) ? r : [], terms).ToList();
            if (Attendance.Percent(rows, authorised) is not { } now)
            {
                parts.Add(RuleResult.NoData($"{pupil}: no attendance recorded for {SchoolTerm.Describe(terms)}."));
                continue;
            }

            var improvement = measure == ImprovementMeasure.Relative
                ? (baseline == 0 ? (now > 0 ? decimal.MaxValue : 0) : 100m * (now - baseline) / baseline)
                : now - baseline;
            var change = measure == ImprovementMeasure.Relative
                ? (baseline == 0 ? "up from none" : $"a {Attendance.Format(improvement)} relative improvement")
                : $"{Math.Round(improvement, 1, MidpointRounding.AwayFromZero):0.0} percentage points";
            var unit = measure == ImprovementMeasure.Relative ? $"{improvementPercent:0.##}% improvement" : $"{improvementPercent:0.#} points";
            var text = $"{pupil}: {Attendance.Format(now)} attendance over {SchoolTerm.Describe([.. rows.Select(x => x.Term).Distinct()])} against {Attendance.Format(baseline)} over {SchoolTerm.Describe(baselineTerms)}, {change} (at least a {unit} and {minimumPercent:0.##}% needed).";
            if (improvement < improvementPercent || now < minimumPercent)
            {
                parts.Add(RuleResult.NotMet(text));
            }
            else if (missing > 0)
            {
                var completing = SchoolTerm.FromOrdinal(terms[^1].Ordinal + missing);
                parts.Add(RuleResult.Pending(context.Calendar.End(completing), text + $" It must hold over {consecutiveTerms} consecutive terms, which ends with {completing}."));
            }
            else
            {
                parts.Add(RuleResult.Met(context.Calendar.End(terms[^1]), text));
            }
        }

        return RuleResult.AllOf(parts);
    }
}
