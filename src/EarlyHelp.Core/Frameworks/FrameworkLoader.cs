using System.Text.RegularExpressions;
using EarlyHelp.Core.Outcomes;
using EarlyHelp.Core.Outcomes.Measures;
using EarlyHelp.Core.Outcomes.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EarlyHelp.Core.Frameworks;

/// <summary>
/// Reads framework definitions (YAML) and checks them: every problem is reported with its file, path, line
/// and reason, and a framework with any problem is refused. The file format is described in
/// docs/frameworks/format.md.
/// </summary>
public static partial class FrameworkLoader
{
    private static readonly Dictionary<string, AppliesTo> AppliesToChoices = new()
    {
        ["family"] = AppliesTo.Family,
        ["child"] = AppliesTo.Child,
        ["young-person"] = AppliesTo.YoungPerson,
        ["adult"] = AppliesTo.Adult,
    };

    private static readonly Dictionary<string, Scope> Scopes = new() { ["member"] = Scope.Member, ["family"] = Scope.Family, ["other-children"] = Scope.OtherChildren };

    private static readonly Dictionary<string, ChildrenInScope> ChildrenChoices = new() { ["every"] = ChildrenInScope.Every, ["member"] = ChildrenInScope.Member };

    private static readonly Dictionary<string, AuthorisedAbsence> AuthorisedChoices = new() { ["counted"] = AuthorisedAbsence.Counted, ["excluded"] = AuthorisedAbsence.Excluded };

    private static readonly Dictionary<string, ImprovementMeasure> ImprovementChoices = new() { ["relative"] = ImprovementMeasure.Relative, ["points"] = ImprovementMeasure.Points };

    private static readonly Dictionary<string, IncidentComparison> ComparisonChoices = new() { ["count"] = IncidentComparison.Count, ["pro-rata"] = IncidentComparison.ProRata };

    private static readonly Dictionary<string, ReferralMatch> ReferralChoices = new() { ["headline"] = ReferralMatch.Headline, ["need"] = ReferralMatch.Need, ["any"] = ReferralMatch.Any };

    private static readonly Dictionary<string, SuspensionMeasure> SuspensionChoices = new() { ["days-reduction"] = SuspensionMeasure.DaysReduction, ["count-at-most"] = SuspensionMeasure.CountAtMost };

    private static readonly Dictionary<string, Anchor> AnchorChoices = new() { ["identified"] = Anchor.Identified, ["opened"] = Anchor.Opened, ["closed"] = Anchor.Closed, ["asOf"] = Anchor.AsOf };

    private static readonly Dictionary<string, BetterWhen> BetterChoices = new() { ["lower"] = BetterWhen.Lower, ["higher"] = BetterWhen.Higher };

    /// <summary>Loads one framework file; the framework is null when the file has any problem.</summary>
    public static (Framework? Framework, IReadOnlyList<DefinitionError> Errors) Load(string file, string text)
    {
        var errors = new DefinitionErrors(file);
        if (Root(text, errors) is not { } root)
        {
            return (null, errors.List);
        }

        root.OnlyKeys("id", "name", "source", "eligibility", "sustainmentMonths", "teamAroundTheFamily", "readings", "headlineOutcomes");
        var id = root.String("id");
        if (id is not null && !IdPattern().IsMatch(id))
        {
            errors.Add(root.Child("id"), root.Raw("id")!, "must be lower case letters, digits and hyphens");
        }

        var name = root.String("name");
        var eligibility = root.Object("eligibility");
        var minimum = eligibility?.Integer("minimumHeadlineOutcomes", 1, 20);
        var sustainment = root.Integer("sustainmentMonths", 0, 60);
        var taf = root.Object("teamAroundTheFamily", required: false)?.Integer("minimumHeadlineOutcomes", 1, 20);
        var readings = root.Objects("readings", required: false)
            .Select(r => new Reading(r.String("name") ?? "", r.String("question") ?? "", r.String("answer") ?? ""))
            .ToList();

        var headlineNodes = root.Objects("headlineOutcomes");
        var measures = new Dictionary<int, Rule>();
        var measureLists = headlineNodes.Select(h => ReadMeasures(h, measures)).ToList();
        var needCodes = new HashSet<string>(StringComparer.Ordinal);
        var headlineCodes = new HashSet<string>(StringComparer.Ordinal);
        var headlines = new List<HeadlineOutcome>();
        for (var i = 0; i < headlineNodes.Count; i++)
        {
            var h = headlineNodes[i];
            h.OnlyKeys("code", "name", "description", "needs", "outcomeMeasures");
            var code = h.String("code");
            if (code is not null && !headlineCodes.Add(code))
            {
                errors.Add(h.Child("code"), h.Raw("code")!, $"headline outcome '{code}' appears more than once");
            }

            var needs = h.Objects("needs").Select(n => ReadNeed(n, code ?? "", needCodes, measures)).OfType<NeedDefinition>().ToList();
            if (h.Raw("needs") is YamlSequenceNode { Children.Count: 0 })
            {
                errors.Add(h.Child("needs"), h.Raw("needs")!, "must list at least one need");
            }

            headlines.Add(new HeadlineOutcome
            {
                Code = code ?? "",
                Name = h.String("name") ?? "",
                Description = h.String("description", required: false),
                Needs = needs,
                OutcomeMeasures = measureLists[i],
            });
        }

        if (minimum is { } m && headlines.Count > 0 && m > headlines.Count)
        {
            errors.Add(eligibility!.Child("minimumHeadlineOutcomes"), eligibility.Raw("minimumHeadlineOutcomes")!, $"asks for {m} headline outcomes but the framework has {headlines.Count}");
        }

        if (errors.List.Count > 0)
        {
            return (null, errors.List);
        }

        return (new Framework
        {
            Id = id!,
            Name = name!,
            Source = root.String("source", required: false),
            MinimumHeadlineOutcomes = minimum!.Value,
            SustainmentMonths = sustainment!.Value,
            TeamAroundTheFamilyMinimum = taf,
            HeadlineOutcomes = headlines,
            Readings = readings,
        }, errors.List);
    }

    /// <summary>Loads the catalogue of validated outcome measures whose scoring the engine knows.</summary>
    public static (InstrumentCatalog? Catalog, IReadOnlyList<DefinitionError> Errors) LoadInstruments(string file, string text)
    {
        var errors = new DefinitionErrors(file);
        if (Root(text, errors) is not { } root)
        {
            return (null, errors.List);
        }

        var instruments = new List<Instrument>();
        foreach (var i in root.Objects("instruments"))
        {
            i.OnlyKeys("code", "name", "minimum", "maximum", "better", "reliableChange", "basis");
            var min = i.Number("minimum", -1000, 1000) ?? 0;
            var max = i.Number("maximum", -1000, 1000) ?? 0;
            if (max <= min)
            {
                errors.Add(i.Child("maximum"), i.Node, "must be above the minimum");
            }

            instruments.Add(new Instrument(
                i.String("code") ?? "",
                i.String("name") ?? "",
                min,
                max,
                i.Choice("better", BetterChoices, BetterWhen.Lower),
                i.Number("reliableChange", 0, 1000) ?? 0,
                i.String("basis") ?? ""));
        }

        return errors.List.Count > 0 ? (null, errors.List) : (new InstrumentCatalog(instruments), errors.List);
    }

    private static YamlObject? Root(string text, DefinitionErrors errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            errors.Add("$", e.Start.Line, $"is not valid YAML: {e.Message}");
            return null;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            errors.Add("$", 1, "must be one YAML document holding a mapping");
            return null;
        }

        return new YamlObject(mapping, "$", errors);
    }

    private static List<OutcomeMeasure> ReadMeasures(YamlObject headline, Dictionary<int, Rule> measures)
    {
        var list = new List<OutcomeMeasure>();
        foreach (var m in headline.Objects("outcomeMeasures", required: false))
        {
            m.OnlyKeys("number", "text", "dataSources", "criteria");
            var number = m.Integer("number", 1, 999) ?? 0;
            var criteria = m.Object("criteria") is { } c ? ReadRule(c, measures: null) : null;
            if (measures.ContainsKey(number))
            {
                headline.Errors.Add(m.Child("number"), m.Raw("number")!, $"outcome measure {number} appears more than once");
            }
            else if (criteria is not null)
            {
                measures[number] = criteria;
            }

            list.Add(new OutcomeMeasure
            {
                Number = number,
                Text = m.String("text") ?? "",
                DataSources = m.Strings("dataSources"),
                Criteria = criteria ?? new AllRule([]),
                CriteriaDefinition = m.Raw("criteria") is { } raw ? YamlObject.ToJson(raw) : null,
            });
        }

        return list;
    }

    private static NeedDefinition? ReadNeed(YamlObject n, string headline, HashSet<string> codes, Dictionary<int, Rule> measures)
    {
        n.OnlyKeys("code", "summary", "description", "appliesTo", "dataSources", "outcomes", "evidence", "criteria", "identification");
        var code = n.String("code");
        if (code is not null && !codes.Add(code))
        {
            n.Errors.Add(n.Child("code"), n.Raw("code")!, $"need code '{code}' appears more than once");
        }

        var criteria = n.Object("criteria") is { } c ? ReadRule(c, measures) : null;
        var need = new NeedDefinition
        {
            Code = code ?? "",
            HeadlineCode = headline,
            Summary = n.String("summary") ?? "",
            Description = n.String("description", required: false),
            AppliesTo = n.Choice("appliesTo", AppliesToChoices, AppliesTo.Family),
            DataSources = n.Strings("dataSources"),
            Outcomes = n.Strings("outcomes"),
            Evidence = n.Strings("evidence"),
            Criteria = criteria ?? new AllRule([]),
            CriteriaDefinition = n.Raw("criteria") is { } raw ? YamlObject.ToJson(raw) : null,
            Identification = n.Object("identification", required: false) is { } i ? ReadIdentification(i) : null,
            IdentificationDefinition = n.Raw("identification") is { } rawRule ? YamlObject.ToJson(rawRule) : null,
        };
        return need;
    }

    /// <summary>Reads one criteria node: a mapping with exactly one key naming the rule kind.</summary>
    private static Rule? ReadRule(YamlObject node, Dictionary<int, Rule>? measures)
    {
        var keys = node.Keys.ToList();
        if (keys.Count != 1)
        {
            node.Errors.Add(node.Path, node.Node, $"must name exactly one rule kind (and, or, orAnd, optional, attendance, attendanceImprovement, incidents, noEvents, status, evidence, suspensions, measure); found {(keys.Count == 0 ? "none" : string.Join(", ", keys))}");
            return null;
        }

        var kind = keys[0];
        switch (kind)
        {
            case "and":
            case "or":
            case "orAnd":
                var parts = node.Objects(kind).Select(p => ReadRule(p, measures)).ToList();
                if (parts.Count < 2 && node.Raw(kind) is YamlSequenceNode)
                {
                    node.Errors.Add(node.Child(kind), node.Raw(kind)!, "must list at least two rules");
                }

                if (parts.Any(p => p is null))
                {
                    return null;
                }

                if (kind != "and" && parts.Any(p => p is OptionalRule))
                {
                    node.Errors.Add(node.Child(kind), node.Raw(kind)!, "an optional rule belongs in an 'and'");
                }

                return kind == "and" ? new AllRule(parts!) : new AnyRule(parts!);
            case "optional":
                return node.Object(kind) is { } inner && ReadRule(inner, measures) is { } rule ? new OptionalRule(rule) : null;
            case "measure":
                if (measures is null)
                {
                    node.Errors.Add(node.Child(kind), node.Raw(kind)!, "an outcome measure cannot refer to another measure");
                    return null;
                }

                var number = node.Integer(kind, 1, 999);
                if (number is { } n && !measures.ContainsKey(n))
                {
                    node.Errors.Add(node.Child(kind), node.Raw(kind)!, $"there is no outcome measure {n} in this framework");
                    return null;
                }

                return number is { } found ? measures[found] : null;
        }

        if (node.Object(kind) is not { } o)
        {
            return null;
        }

        switch (kind)
        {
            case "attendance":
                o.OnlyKeys("minimumPercent", "consecutiveTerms", "children", "authorisedAbsence");
                return new AttendanceThresholdRule(
                    o.Number("minimumPercent", 0, 100) ?? 0,
                    o.Integer("consecutiveTerms", 1, 9) ?? 1,
                    o.Choice("children", ChildrenChoices, ChildrenInScope.Every),
                    o.Choice("authorisedAbsence", AuthorisedChoices, AuthorisedAbsence.Counted));
            case "attendanceImprovement":
                o.OnlyKeys("improvementPercent", "measure", "minimumPercent", "consecutiveTerms", "baselineBelowPercent", "children", "authorisedAbsence");
                return new AttendanceImprovementRule(
                    o.Number("improvementPercent", 0, 1000) ?? 0,
                    o.Choice("measure", ImprovementChoices, ImprovementMeasure.Relative),
                    o.Number("minimumPercent", 0, 100) ?? 0,
                    o.Integer("consecutiveTerms", 1, 9) ?? 1,
                    o.Has("baselineBelowPercent") ? o.Number("baselineBelowPercent", 0, 100) : null,
                    o.Choice("children", ChildrenChoices, ChildrenInScope.Member),
                    o.Choice("authorisedAbsence", AuthorisedChoices, AuthorisedAbsence.Counted));
            case "incidents":
                o.OnlyKeys("types", "baselineMonths", "outcomeMonths", "incidentFreeUpTo", "reductionPercent", "comparison", "severeBlocksReduction", "scope", "requireFewer", "zeroBaseline");
                return new IncidentsRule(
                    EventTypes(o, "types"),
                    o.Integer("baselineMonths", 1, 60) ?? 12,
                    o.Integer("outcomeMonths", 1, 60) ?? 6,
                    o.Has("incidentFreeUpTo") ? o.Integer("incidentFreeUpTo", 0, 1000) : null,
                    o.Number("reductionPercent", 0, 100) ?? 0,
                    o.Choice("comparison", ComparisonChoices, IncidentComparison.Count),
                    o.Boolean("severeBlocksReduction", false),
                    o.Choice("scope", Scopes, Scope.Member),
                    o.Boolean("requireFewer", false),
                    o.Choice("zeroBaseline", new Dictionary<string, bool> { ["met-if-none-after"] = true, ["not-applicable"] = false }, true));
            case "noEvents":
                o.OnlyKeys("types", "scope", "window", "referrals", "description");
                var types = EventTypes(o, "types");
                return ReadWindow(o) is { } window
                    ? new NoEventsRule(types, o.Choice("scope", Scopes, Scope.Member), window, o.Choice("referrals", ReferralChoices, ReferralMatch.Headline), o.String("description") ?? "")
                    : null;
            case "status":
                o.OnlyKeys("positive", "negative", "heldMonths", "heldWeeks", "heldMonthsByBenefit", "sustainedAfterClosureMonths", "completedSpellCounts", "scope", "description");
                var byBenefit = new Dictionary<string, int>(StringComparer.Ordinal);
                if (o.Object("heldMonthsByBenefit", required: false) is { } benefits)
                {
                    foreach (var key in benefits.Keys)
                    {
                        byBenefit[key.ToLowerInvariant()] = benefits.Integer(key, 0, 60) ?? 0;
                    }
                }

                return new StatusRule(
                    EventTypes(o, "positive"),
                    EventTypes(o, "negative"),
                    o.Integer("heldMonths", 0, 60, 0) ?? 0,
                    byBenefit,
                    o.Integer("sustainedAfterClosureMonths", 0, 60, 0) ?? 0,
                    o.Choice("scope", Scopes, Scope.Member),
                    o.String("description") ?? "",
                    o.Integer("heldWeeks", 0, 260, 0) ?? 0,
                    o.Boolean("completedSpellCounts", false));
            case "evidence":
                o.OnlyKeys("kinds", "require", "description", "instruments");
                var kinds = new List<EvidenceKind>();
                foreach (var k in o.Strings("kinds"))
                {
                    if (CaseVocabulary.EvidenceKinds.TryGetValue(k, out var evidenceKind))
                    {
                        kinds.Add(evidenceKind);
                    }
                    else
                    {
                        o.Errors.Add(o.Child("kinds"), o.Raw("kinds")!, $"'{k}' is not an evidence kind ({string.Join(", ", CaseVocabulary.EvidenceKinds.Keys)})");
                    }
                }

                if (kinds.Count == 0 && o.Has("kinds"))
                {
                    o.Errors.Add(o.Child("kinds"), o.Raw("kinds")!, "must list at least one evidence kind");
                }

                var require = o.Choice("require", new Dictionary<string, bool> { ["any"] = false, ["all"] = true }, false);
                var named = o.Strings("instruments", required: false).Select(InstrumentCatalog.Key).ToList();
                return new EvidenceRule(kinds, require, o.String("description", required: false), named);
            case "suspensions":
                o.OnlyKeys("measure", "consecutiveTerms", "minimumReductionPercent", "maximumCount", "scope");
                return new SuspensionsRule(
                    o.Choice("measure", SuspensionChoices, SuspensionMeasure.DaysReduction),
                    o.Integer("consecutiveTerms", 1, 9) ?? 2,
                    o.Number("minimumReductionPercent", 0, 100, 0) ?? 0,
                    o.Integer("maximumCount", 0, 100, 0) ?? 0,
                    o.Choice("scope", Scopes, Scope.Member));
            default:
                node.Errors.Add(node.Child(kind), node.Raw(kind)!, "is not a rule kind (and, or, orAnd, optional, attendance, attendanceImprovement, incidents, noEvents, status, evidence, suspensions, measure)");
                return null;
        }
    }

    private static Window? ReadWindow(YamlObject rule)
    {
        if (rule.Object("window") is not { } w)
        {
            return null;
        }

        w.OnlyKeys("anchor", "monthsBefore", "monthsAfter");
        var anchor = w.Choice("anchor", AnchorChoices, Anchor.Closed);
        if (!w.Has("anchor"))
        {
            w.Errors.Add(w.Child("anchor"), w.Node, "is required (identified, opened, closed or asOf)");
        }

        var before = w.Has("monthsBefore") ? w.Integer("monthsBefore", 1, 60) : null;
        var after = w.Has("monthsAfter") ? w.Integer("monthsAfter", 1, 60) : null;
        if ((before is null) == (after is null))
        {
            w.Errors.Add(w.Path, w.Node, "needs exactly one of monthsBefore and monthsAfter");
            return null;
        }

        return new Window(anchor, before ?? 0, after ?? 0);
    }

    private static HashSet<EventType> EventTypes(YamlObject o, string key)
    {
        var set = new HashSet<EventType>();
        foreach (var name in o.Strings(key))
        {
            if (CaseVocabulary.EventTypes.TryGetValue(name, out var type))
            {
                set.Add(type);
            }
            else
            {
                o.Errors.Add(o.Child(key), o.Raw(key)!, $"'{name}' is not an event type ({string.Join(", ", CaseVocabulary.EventTypes.Keys)})");
            }
        }

        return set;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
