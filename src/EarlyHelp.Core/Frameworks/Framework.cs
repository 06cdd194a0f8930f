using EarlyHelp.Core.Outcomes.Rules;

namespace EarlyHelp.Core.Frameworks;

/// <summary>An outcome framework, loaded from a file under <c>frameworks/</c>.</summary>
public sealed class Framework
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Source { get; init; }

    public required int MinimumHeadlineOutcomes { get; init; }

    /// <summary>Months an outcome must be sustained after closure before a claim.</summary>
    public required int SustainmentMonths { get; init; }

    /// <summary>Headline outcomes a family's needs must span before a multi-agency Team Around the Family, where the framework says.</summary>
    public int? TeamAroundTheFamilyMinimum { get; init; }

    public required IReadOnlyList<HeadlineOutcome> HeadlineOutcomes { get; init; }

    /// <summary>The readings this file takes where the source text is ambiguous, by name.</summary>
    public IReadOnlyList<Reading> Readings { get; init; } = [];

    public IReadOnlyDictionary<string, NeedDefinition> Needs => needs ??= HeadlineOutcomes
        .SelectMany(h => h.Needs)
        .ToDictionary(n => n.Code, StringComparer.Ordinal);

    /// <summary>A need's summary for people to read; its code where the framework does not know it.</summary>
    public string SummaryOf(string code) => Needs.TryGetValue(code, out var need) ? need.Summary : code;

    public IReadOnlyDictionary<string, HeadlineOutcome> HeadlinesByCode => headlines ??= HeadlineOutcomes
        .ToDictionary(h => h.Code, StringComparer.Ordinal);

    private IReadOnlyDictionary<string, NeedDefinition>? needs;
    private IReadOnlyDictionary<string, HeadlineOutcome>? headlines;
}

public sealed class HeadlineOutcome
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public required IReadOnlyList<NeedDefinition> Needs { get; init; }

    /// <summary>Numbered family outcome measures, for frameworks that have them (Herefordshire).</summary>
    public IReadOnlyList<OutcomeMeasure> OutcomeMeasures { get; init; } = [];
}

/// <summary>Who a need is about: its age rules pick the members a family-level need looks at.</summary>
public enum AppliesTo
{
    Family,
    Child,
    YoungPerson,
    Adult,
}

public sealed class NeedDefinition
{
    public required string Code { get; init; }

    public required string HeadlineCode { get; init; }

    public required string Summary { get; init; }

    public string? Description { get; init; }

    public AppliesTo AppliesTo { get; init; } = AppliesTo.Family;

    public required IReadOnlyList<string> DataSources { get; init; }

    public required IReadOnlyList<string> Outcomes { get; init; }

    /// <summary>The evidence the framework lists, as written; supplementary items say so.</summary>
    public required IReadOnlyList<string> Evidence { get; init; }

    public required Rule Criteria { get; init; }

    /// <summary>The criteria as the file states them, for display.</summary>
    public System.Text.Json.Nodes.JsonNode? CriteriaDefinition { get; init; }

    /// <summary>How partner data shows the need; null when no partner data can.</summary>
    public IdentificationRule? Identification { get; init; }

    /// <summary>The identification rule as the framework file wrote it, for showing the framework.</summary>
    public System.Text.Json.Nodes.JsonNode? IdentificationDefinition { get; init; }
}

public sealed class OutcomeMeasure
{
    public required int Number { get; init; }

    public required string Text { get; init; }

    public required IReadOnlyList<string> DataSources { get; init; }

    public required Rule Criteria { get; init; }

    public System.Text.Json.Nodes.JsonNode? CriteriaDefinition { get; init; }
}

/// <summary>A place where the source text is ambiguous, and the reading the framework file takes.</summary>
public sealed record Reading(string Name, string Question, string Answer);
