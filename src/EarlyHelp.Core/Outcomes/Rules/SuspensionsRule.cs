using EarlyHelp.Core.Calendar;

namespace EarlyHelp.Core.Outcomes.Rules;

public enum SuspensionMeasure
{
    /// <summary>Fewer school days lost to suspension over the latest terms than over the same number of terms before identification.</summary>
    DaysReduction,

    /// <summary>No more than a set number of suspensions over the latest terms.</summary>
    CountAtMost,
}

/// <summary>
/// Suspensions (fixed-term exclusions) and permanent exclusions over the latest consecutive terms ended by
/// the evaluation date. A permanent exclusion in those terms always fails.
/// </summary>
public sealed class SuspensionsRule(SuspensionMeasure measure, int consecutiveTerms, decimal minimumReductionPercent, int maximumCount, Scope scope) : Rule
{
    private static readonly HashSet<EventType> Exclusions = [EventType.Suspension, EventType.PermanentExclusion];

    public override RuleResult Evaluate(NeedContext context)
    {
        var calendar = context.Calendar;
        var recent = SchoolTerm.RunEndingWith(calendar.LastEndedOnOrBefore(context.AsOf), consecutiveTerms);
        var baseline = SchoolTerm.RunEndingWith(calendar.LastEndedOnOrBefore(context.Identified), consecutiveTerms);
        var people = context.People(scope);
        var parts = new List<RuleResult>();
        foreach (var person in people)
        {
            var events = context.Facts.Events.Where(e => Exclusions.Contains(e.Type) && NeedContext.Counts(e, scope, person)).ToList();
            var who = person ?? "The family";
            var inRecent = In(events, recent, calendar);
            var over = SchoolTerm.Describe(recent);
            var afterIdentification = recent.Count(t => calendar.End(t) > context.Identified);
            if (inRecent.FirstOrDefault(e => e.Type == EventType.PermanentExclusion) is { } permanent)
            {
                parts.Add(RuleResult.NotMet($"{who}: permanently excluded on {permanent.Date:yyyy-MM-dd}."));
                continue;
            }

            var suspensions = inRecent.Where(e => e.Type == EventType.Suspension).ToList();
            if (measure == SuspensionMeasure.CountAtMost)
            {
                var text = $"{who}: {IncidentsRule.Plural(suspensions.Count, "suspension")} over {over} (no more than {maximumCount} allowed).";
                parts.Add(suspensions.Count > maximumCount ? RuleResult.NotMet(text) : Complete(text));
                continue;
            }

            var before = In(events, baseline, calendar).Where(e => e.Type == EventType.Suspension).Sum(e => e.Days ?? 0);
            if (before == 0)
            {
                parts.Add(RuleResult.NoData($"{who}: no school days lost to suspension over {SchoolTerm.Describe(baseline)}, before the need was identified, to reduce."));
                continue;
            }

            var lost = suspensions.Sum(e => e.Days ?? 0);
            var limit = before * (1 - (minimumReductionPercent / 100m));
            var reduction = minimumReductionPercent > 0 ? $"at least {minimumReductionPercent:0.##}% fewer" : "fewer";
            var summary = $"{who}: {lost:0.#} school days lost to suspension over {over} against {before:0.#} over {SchoolTerm.Describe(baseline)} ({reduction} needed).";
            parts.Add(lost < before && lost <= limit ? Complete(summary) : RuleResult.NotMet(summary));

            RuleResult Complete(string reason) => afterIdentification == consecutiveTerms
                ? RuleResult.Met(calendar.End(recent[^1]), reason)
                : RuleResult.Pending(calendar.End(SchoolTerm.FromOrdinal(recent[^1].Ordinal + consecutiveTerms - afterIdentification)), reason + $" The {consecutiveTerms} terms measured must all end after the need was identified.");
        }

        return RuleResult.AllOf(parts);
    }

    private static List<CaseEvent> In(IEnumerable<CaseEvent> events, IReadOnlyList<SchoolTerm> terms, SchoolCalendar calendar)
    {
        var from = calendar.End(terms[0].Previous);
        var to = calendar.End(terms[^1]);
        return [.. events.Where(e => e.Date > from && e.Date <= to)];
    }
}
