namespace EarlyHelp.Core.Outcomes.Rules;

/// <summary>How incidents after closure are compared with the baseline, for the reduction route.</summary>
public enum IncidentComparison
{
    /// <summary>Incidents in the outcome period against the baseline count as it stands (8 in 12 months, then no more than 4 in the 6 months after closure).</summary>
    Count,

    /// <summary>Against the baseline scaled to the length of the outcome period (8 in 12 months is 4 in 6, so no more than 2).</summary>
    ProRata,
}

/// <summary>
/// Crime and ASB incidents: few incidents at identification need none in the outcome period; many need at
/// least a set reduction, which a severe offence can rule out.
/// </summary>
public sealed class IncidentsRule(
    IReadOnlySet<EventType> types,
    int baselineMonths,
    int outcomeMonths,
    int? incidentFreeUpTo,
    decimal reductionPercent,
    IncidentComparison comparison,
    bool severeBlocksReduction,
    Scope scope,
    bool requireFewer = false,
    bool zeroBaselineApplies = true) : Rule
{
    public override RuleResult Evaluate(NeedContext context)
    {
        if (context.Closed is not { } closed)
        {
            return RuleResult.Pending(null, $"Incidents are measured in the {Window.Months(outcomeMonths)} after closure; the episode is open.");
        }

        var baselineFrom = context.Identified.AddMonths(-baselineMonths);
        var windowEnd = closed.AddMonths(outcomeMonths);
        var people = context.People(scope);
        if (people.Count == 0)
        {
            return RuleResult.NoData("Nobody in the family fits this need.");
        }

        var parts = new List<RuleResult>();
        foreach (var person in people)
        {
            var relevant = context.Facts.Events.Where(e => types.Contains(e.Type) && NeedContext.Counts(e, scope, person)).ToList();
            var baseline = relevant.Count(e => e.Date > baselineFrom && e.Date <= context.Identified);
            var after = relevant.Where(e => e.Date > closed && e.Date <= windowEnd).ToList();
            var who = person is null ? "The family" : person;
            var period = $"{Window.Months(outcomeMonths)} after closure ({closed:yyyy-MM-dd} to {windowEnd:yyyy-MM-dd})";
            var found = $"{who}: {Plural(baseline, "incident")} in the {Window.Months(baselineMonths)} to {context.Identified:yyyy-MM-dd}";
            var soFar = context.AsOf < windowEnd ? " so far" : "";

            if (incidentFreeUpTo is { } upTo && baseline <= upTo)
            {
                if (after.Count > 0)
                {
                    parts.Add(RuleResult.NotMet($"{found}, so none are allowed in the {period}; found {Plural(after.Count, "incident")} ({Dates(after)})."));
                }
                else
                {
                    parts.Add(Timed(context, windowEnd, $"{found}; none in the {period}{soFar}."));
                }

                continue;
            }

            if (baseline == 0 && !zeroBaselineApplies)
            {
                parts.Add(RuleResult.NoData($"{found}: there is nothing to reduce."));
                continue;
            }

            var scale = comparison == IncidentComparison.ProRata ? (decimal)outcomeMonths / baselineMonths : 1m;
            var allowed = baseline * scale * (1 - (reductionPercent / 100m));
            var route = requireFewer && reductionPercent == 0
                ? $"{found}, so fewer are needed in the {period}"
                : $"{found}, so at least a {reductionPercent:0.##}% reduction is needed: no more than {allowed:0.##} in the {period}";
            var severe = after.Where(e => e.Severe).ToList();
            if (severeBlocksReduction && severe.Count > 0)
            {
                parts.Add(RuleResult.NotMet($"{route}; a severe offence on {Dates(severe)} rules out the reduction route."));
            }
            else if (after.Count > allowed || (baseline == 0 && after.Count > 0) || (requireFewer && baseline > 0 && after.Count >= baseline))
            {
                parts.Add(RuleResult.NotMet($"{route}; found {after.Count} ({Dates(after)})."));
            }
            else
            {
                parts.Add(Timed(context, windowEnd, $"{route}; found {after.Count}{soFar}."));
            }
        }

        return RuleResult.AllOf(parts);
    }

    internal static RuleResult Timed(NeedContext context, DateOnly windowEnd, string reason) =>
        context.AsOf >= windowEnd ? RuleResult.Met(windowEnd, reason) : RuleResult.Pending(windowEnd, reason);

    internal static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    internal static string Dates(IEnumerable<CaseEvent> events) => string.Join(", ", events.Select(e => e.Date.ToString("yyyy-MM-dd")));
}

/// <summary>Which referrals count against a need.</summary>
public enum ReferralMatch
{
    /// <summary>A referral that names the need's headline outcome, one of its needs, or nothing in particular.</summary>
    Headline,

    /// <summary>A referral that names the need itself, its headline without a need, or nothing in particular.</summary>
    Need,

    /// <summary>Any referral into services.</summary>
    Any,
}

/// <summary>
/// No events of some types in a window: no domestic abuse incident in the month before closure, no
/// referral into services in the 6 months after it.
/// </summary>
public sealed class NoEventsRule(IReadOnlySet<EventType> types, Scope scope, Window window, ReferralMatch referrals, string description) : Rule
{
    public override RuleResult Evaluate(NeedContext context)
    {
        if (window.Resolve(context) is not var (from, to))
        {
            return RuleResult.Pending(null, $"No {description} {window.Describe()}: the episode is open.");
        }

        var people = context.People(scope);
        var found = context.Facts.Events
            .Where(e => types.Contains(e.Type) && e.Date > from && e.Date <= to)
            .Where(e => people.Any(p => NeedContext.Counts(e, scope, p)))
            .Where(e => e.Type != EventType.Referral || Matches(e, context))
            .ToList();
        var period = $"{window.Describe()} ({from:yyyy-MM-dd} to {to:yyyy-MM-dd})";
        if (found.Count > 0)
        {
            return RuleResult.NotMet($"Found {description} {period}: {IncidentsRule.Dates(found)}.");
        }

        var soFar = context.AsOf < to ? " so far" : "";
        return window.LooksForward
            ? IncidentsRule.Timed(context, to, $"No {description} {period}{soFar}.")
            : RuleResult.Met(to, $"No {description} {period}.");
    }

    private bool Matches(CaseEvent referral, NeedContext context)
    {
        if (referrals == ReferralMatch.Any || (referral.Headline is null && referral.Need is null))
        {
            return true;
        }

        var headline = context.Definition.HeadlineCode;
        var needHeadline = referral.Need is { } need && context.Framework.Needs.TryGetValue(need, out var d) ? d.HeadlineCode : null;
        return referrals == ReferralMatch.Need
            ? referral.Need == context.Need.Code || (referral.Need is null && referral.Headline == headline)
            : referral.Headline == headline || needHeadline == headline;
    }
}

/// <summary>
/// A status shown by the latest of some events: in work (employment start, not end), in education,
/// employment or training, a tenancy sustained. It may have to be held for some months, or until the
/// end of a period after closure.
/// </summary>
public sealed class StatusRule(
    IReadOnlySet<EventType> positive,
    IReadOnlySet<EventType> negative,
    int heldMonths,
    IReadOnlyDictionary<string, int> heldMonthsByBenefit,
    int sustainedAfterClosureMonths,
    Scope scope,
    string description,
    int heldWeeks = 0,
    bool completedSpellCounts = false) : Rule
{
    public override RuleResult Evaluate(NeedContext context)
    {
        DateOnly? cutoff = null;
        if (sustainedAfterClosureMonths > 0)
        {
            if (context.Closed is not { } closed)
            {
                return RuleResult.Pending(null, $"{Capitalised} must hold for {Window.Months(sustainedAfterClosureMonths)} after closure; the episode is open.");
            }

            cutoff = closed.AddMonths(sustainedAfterClosureMonths);
        }

        var people = context.People(scope);
        var results = new List<RuleResult>();
        foreach (var person in people)
        {
            var events = context.Facts.Events
                .Where(e => (positive.Contains(e.Type) || negative.Contains(e.Type)) && e.Date >= context.Identified && (cutoff is null || e.Date <= cutoff))
                .Where(e => NeedContext.Counts(e, scope, person))
                .OrderBy(e => e.Date)
                .ThenBy(e => negative.Contains(e.Type)) // on the same day, the setback counts as the later event
                .ToList();
            var who = person is null ? "The family" : person;
            if (events.Count == 0)
            {
                results.Add(RuleResult.NoData($"{who}: nothing recorded since {context.Identified:yyyy-MM-dd} shows {description}."));
                continue;
            }

            var latest = events[^1];
            if (completedSpellCounts && negative.Contains(latest.Type) && CompletedSpell(events, context.AsOf) is { } spell)
            {
                results.Add(RuleResult.Met(spell.HeldUntil, $"{who}: {description} from {spell.Start:yyyy-MM-dd}, held for {HeldFor(spell.Months)} by {spell.HeldUntil:yyyy-MM-dd}."));
                continue;
            }

            if (negative.Contains(latest.Type))
            {
                results.Add(RuleResult.NotMet($"{who}: {CaseVocabulary.Name(latest.Type)} on {latest.Date:yyyy-MM-dd}, so not {description}."));
                continue;
            }

            var lastSetback = events.FindLastIndex(e => negative.Contains(e.Type));
            var spellStart = events[lastSetback + 1].Date;
            var months = MonthsFor(events[lastSetback + 1]);
            var until = spellStart.AddMonths(months).AddDays(7 * heldWeeks);
            if (cutoff is { } c && c > until)
            {
                until = c;
            }

            var held = months > 0 || heldWeeks > 0 ? $", to be held for {HeldFor(months)}" : "";
            var after = cutoff is { } end ? $" and until {end:yyyy-MM-dd}, {Window.Months(sustainedAfterClosureMonths)} after closure" : "";
            results.Add(IncidentsRule.Timed(context, until, $"{who}: {description} since {spellStart:yyyy-MM-dd}{held}{after}."));
        }

        return RuleResult.AnyOf(results);
    }

    private string Capitalised => char.ToUpperInvariant(description[0]) + description[1..];

    private int MonthsFor(CaseEvent start) =>
        start.Benefit is { } benefit && heldMonthsByBenefit.TryGetValue(benefit.ToLowerInvariant(), out var m) ? m : heldMonths;

    private string HeldFor(int months) => (months, heldWeeks) switch
    {
        (_, 0) => Window.Months(months),
        (0, _) => heldWeeks == 1 ? "1 week" : $"{heldWeeks} weeks",
        _ => $"{Window.Months(months)} and {heldWeeks} weeks",
    };

    /// <summary>A spell since identification, now over or not, that lasted as long as it had to.</summary>
    private (DateOnly Start, DateOnly HeldUntil, int Months)? CompletedSpell(List<CaseEvent> events, DateOnly asOf)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (!positive.Contains(events[i].Type) || (i > 0 && positive.Contains(events[i - 1].Type)))
            {
                continue;
            }

            var months = MonthsFor(events[i]);
            var heldUntil = events[i].Date.AddMonths(months).AddDays(7 * heldWeeks);
            var ended = events.Skip(i + 1).FirstOrDefault(e => negative.Contains(e.Type))?.Date;
            if ((ended is null || ended >= heldUntil) && heldUntil <= asOf)
            {
                return (events[i].Date, heldUntil, months);
            }
        }

        return null;
    }
}
