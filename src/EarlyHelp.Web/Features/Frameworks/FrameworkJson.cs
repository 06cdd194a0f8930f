using System.Text.Json.Nodes;
using EarlyHelp.Core.Frameworks;

namespace EarlyHelp.Web.Features.Frameworks;

/// <summary>A framework as JSON, for <c>earlyhelp frameworks show --json</c> and GET /api/frameworks/{id}.</summary>
public static class FrameworkJson
{
    public static JsonObject Summary(Framework f) => new()
    {
        ["id"] = f.Id,
        ["name"] = f.Name,
        ["headlineOutcomes"] = f.HeadlineOutcomes.Count,
        ["needs"] = f.Needs.Count,
    };

    public static JsonObject Full(Framework f)
    {
        var json = new JsonObject
        {
            ["id"] = f.Id,
            ["name"] = f.Name,
            ["source"] = f.Source,
            ["eligibility"] = new JsonObject { ["minimumHeadlineOutcomes"] = f.MinimumHeadlineOutcomes },
            ["sustainmentMonths"] = f.SustainmentMonths,
        };
        if (f.TeamAroundTheFamilyMinimum is { } taf)
        {
            json["teamAroundTheFamily"] = new JsonObject { ["minimumHeadlineOutcomes"] = taf };
        }

        json["headlineOutcomes"] = new JsonArray([.. f.HeadlineOutcomes.Select(Headline)]);
        json["readings"] = new JsonArray([.. f.Readings.Select(r => new JsonObject { ["name"] = r.Name, ["question"] = r.Question, ["answer"] = r.Answer })]);
        return json;
    }

    private static JsonObject Headline(HeadlineOutcome h)
    {
        var json = new JsonObject
        {
            ["code"] = h.Code,
            ["name"] = h.Name,
            ["needs"] = new JsonArray([.. h.Needs.Select(Need)]),
        };
        if (h.OutcomeMeasures.Count > 0)
        {
            json["outcomeMeasures"] = new JsonArray([.. h.OutcomeMeasures.Select(m => new JsonObject
            {
                ["number"] = m.Number,
                ["text"] = m.Text,
                ["dataSources"] = Strings(m.DataSources),
                ["criteria"] = m.CriteriaDefinition?.DeepClone(),
            })]);
        }

        return json;
    }

    private static JsonObject Need(NeedDefinition n) => new()
    {
        ["code"] = n.Code,
        ["summary"] = n.Summary,
        ["description"] = n.Description,
        ["appliesTo"] = n.AppliesTo switch
        {
            AppliesTo.Adult => "adult",
            AppliesTo.Child => "child",
            AppliesTo.YoungPerson => "young-person",
            _ => "family",
        },
        ["dataSources"] = Strings(n.DataSources),
        ["outcomes"] = Strings(n.Outcomes),
        ["evidence"] = Strings(n.Evidence),
        ["criteria"] = n.CriteriaDefinition?.DeepClone(),
        ["identification"] = n.IdentificationDefinition?.DeepClone(),
    };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
}
