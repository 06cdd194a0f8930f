using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace EarlyHelp.Core.Frameworks;

/// <summary>A problem in a definition file: which file, where in it, and what is wrong.</summary>
public sealed record DefinitionError(string File, string Path, long Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Path}: {Message}";
}

/// <summary>
/// Reads a YAML mapping with a JSON-style path, collecting every problem rather than stopping at the first.
/// </summary>
internal sealed class YamlObject(YamlMappingNode node, string path, DefinitionErrors errors)
{
    public string Path => path;

    public YamlMappingNode Node => node;

    public DefinitionErrors Errors => errors;

    public bool Has(string key) => node.Children.ContainsKey(new YamlScalarNode(key));

    public IEnumerable<string> Keys => node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "");

    public YamlNode? Raw(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    public string? String(string key, bool required = true)
    {
        var value = Raw(key);
        if (value is null)
        {
            if (required)
            {
                errors.Add(Child(key), node, "is required");
            }

            return null;
        }

        if (value is not YamlScalarNode { Value: { Length: > 0 } text })
        {
            errors.Add(Child(key), value, "must be text");
            return null;
        }

        return text.Trim();
    }

    public decimal? Number(string key, decimal min, decimal max, decimal? fallback = null)
    {
        var value = Raw(key);
        if (value is null)
        {
            if (fallback is null)
            {
                errors.Add(Child(key), node, "is required");
            }

            return fallback;
        }

        if (value is YamlScalarNode { Value: { } text }
            && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            && number >= min && number <= max)
        {
            return number;
        }

        errors.Add(Child(key), value, $"must be a number from {min} to {max}");
        return fallback;
    }

    public int? Integer(string key, int min, int max, int? fallback = null)
    {
        var number = Number(key, min, max, fallback);
        if (number is { } n && n != decimal.Truncate(n))
        {
            errors.Add(Child(key), Raw(key)!, "must be a whole number");
            return fallback;
        }

        return (int?)number;
    }

    public bool Boolean(string key, bool fallback)
    {
        var value = Raw(key);
        if (value is null)
        {
            return fallback;
        }

        if (value is YamlScalarNode { Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }

        errors.Add(Child(key), value, "must be true or false");
        return fallback;
    }

    public T Choice<T>(string key, IReadOnlyDictionary<string, T> choices, T fallback)
    {
        var value = Raw(key);
        if (value is null)
        {
            return fallback;
        }

        if (value is YamlScalarNode { Value: { } text } && choices.TryGetValue(text, out var choice))
        {
            return choice;
        }

        errors.Add(Child(key), value, $"must be one of {string.Join(", ", choices.Keys)}");
        return fallback;
    }

    public IReadOnlyList<string> Strings(string key, bool required = true)
    {
        var value = Raw(key);
        if (value is null)
        {
            if (required)
            {
                errors.Add(Child(key), node, "is required");
            }

            return [];
        }

        if (value is not YamlSequenceNode sequence)
        {
            errors.Add(Child(key), value, "must be a list");
            return [];
        }

        var list = new List<string>();
        var i = 0;
        foreach (var item in sequence)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } text })
            {
                list.Add(text.Trim());
            }
            else
            {
                errors.Add($"{Child(key)}[{i}]", item, "must be text");
            }

            i++;
        }

        return list;
    }

    public IReadOnlyList<YamlObject> Objects(string key, bool required = true)
    {
        var value = Raw(key);
        if (value is null)
        {
            if (required)
            {
                errors.Add(Child(key), node, "is required");
            }

            return [];
        }

        if (value is not YamlSequenceNode sequence)
        {
            errors.Add(Child(key), value, "must be a list");
            return [];
        }

        var list = new List<YamlObject>();
        var i = 0;
        foreach (var item in sequence)
        {
            if (item is YamlMappingNode mapping)
            {
                list.Add(new YamlObject(mapping, $"{Child(key)}[{i}]", errors));
            }
            else
            {
                errors.Add($"{Child(key)}[{i}]", item, "must be a mapping");
            }

            i++;
        }

        return list;
    }

    public YamlObject? Object(string key, bool required = true)
    {
        var value = Raw(key);
        if (value is YamlMappingNode mapping)
        {
            return new YamlObject(mapping, Child(key), errors);
        }

        if (value is not null || required)
        {
            errors.Add(Child(key), value ?? node, value is null ? "is required" : "must be a mapping");
        }

        return null;
    }

    public void OnlyKeys(params string[] allowed)
    {
        foreach (var key in Keys.Where(k => !allowed.Contains(k)))
        {
            errors.Add(Child(key), Raw(key)!, $"is not a known setting here (known: {string.Join(", ", allowed)})");
        }
    }

    public string Child(string key) => $"{path}.{key}";

    /// <summary>The same YAML as JSON, with numbers and booleans typed, for display.</summary>
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", ToJson(c.Value)))),
        YamlSequenceNode s => new JsonArray([.. s.Children.Select(ToJson)]),
        YamlScalarNode { Value: { } v, Style: not (YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted) } when v is "true" or "false" => JsonValue.Create(v == "true"),
        YamlScalarNode { Value: { } v, Style: not (YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted) } when decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };
}

internal sealed class DefinitionErrors(string file)
{
    private readonly List<DefinitionError> list = [];

    public IReadOnlyList<DefinitionError> List => list;

    public void Add(string path, YamlNode node, string message) => list.Add(new DefinitionError(file, path, node.Start.Line, message));

    public void Add(string path, long line, string message) => list.Add(new DefinitionError(file, path, line, message));
}
