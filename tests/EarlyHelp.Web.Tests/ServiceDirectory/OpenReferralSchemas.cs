using System.Text.Json.Nodes;
using NJsonSchema;

namespace EarlyHelp.Web.Tests.ServiceDirectory;

/// <summary>
/// The Open Referral UK schemas shipped beside the tests (OpenReferral/schema, copied from the UK profile), and
/// validation of a response against the one openapi.json names for its endpoint.
/// </summary>
public static class OpenReferralSchemas
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "ServiceDirectory", "OpenReferral", "schema");

    private static readonly Dictionary<string, JsonSchema> Loaded = [];

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static string Examples => Path.Combine(AppContext.BaseDirectory, "ServiceDirectory", "OpenReferral", "examples");

    public static async Task<JsonSchema> LoadAsync(string file)
    {
        await Gate.WaitAsync();
        try
        {
            if (!Loaded.TryGetValue(file, out var schema))
            {
                schema = await JsonSchema.FromFileAsync(Path.Combine(Folder, file));
                Loaded[file] = schema;
            }

            return schema;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// The UK profile's phone (phone.json), which a contact's <c>phones</c> follow. Its <c>required</c> list names
    /// <c>url</c>, a field phone.json does not define (copied from the service table), so that one is dropped;
    /// <c>languages</c>, which refers to a file not shipped here and which the directory never sends, is dropped too.
    /// </summary>
    public static async Task<JsonSchema> PhoneAsync()
    {
        var phone = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "phone.json")))!.AsObject();
        phone.Remove("datapackage_metadata");
        ((JsonObject)phone["properties"]!).Remove("languages");
        var required = phone["required"]!.AsArray();
        required.Remove(required.Single(r => r!.GetValue<string>() == "url"));
        return await JsonSchema.FromJsonAsync(phone.ToJsonString());
    }

    /// <summary>
    /// The schema openapi.json gives for a GET path's 200 response: its file, and whether it is a page of them.
    /// Read from openapi.json itself, so that the tests follow the standard rather than a copy of it.
    /// </summary>
    public static (string File, bool Paged) ResponseOf(string path)
    {
        var openApi = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "openapi.json")))!;
        var schema = openApi["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        var reference = (schema["$ref"] ?? schema["properties"]!["contents"]!["items"]!["$ref"])!.GetValue<string>();
        return (reference[(reference.LastIndexOf('/') + 1)..], schema["$ref"] is null);
    }

    /// <summary>Every problem with a response body, as "path: kind" lines; empty when it is valid.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(string path, string body)
    {
        var (file, paged) = ResponseOf(path);
        var item = await LoadAsync(file);
        var problems = new List<string>();
        if (!paged)
        {
            problems.AddRange(item.Validate(body).Select(e => $"{e.Path}: {e.Kind} {e.Property}"));
            return problems;
        }

        var page = JsonNode.Parse(body)!.AsObject();
        var pageSchema = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "openapi.json")))!["components"]!["schemas"]!["Page"]!;
        foreach (var (name, definition) in pageSchema["properties"]!.AsObject())
        {
            var type = definition!["type"]!.GetValue<string>();
            var value = page[name];
            var ok = type switch
            {
                "integer" => value is JsonValue v && v.TryGetValue<int>(out _),
                "boolean" => value is JsonValue b && b.TryGetValue<bool>(out _),
                _ => value is not null,
            };
            if (!ok)
            {
                problems.Add($"#/{name}: missing or not {type}");
            }
        }

        if (page["contents"] is not JsonArray contents)
        {
            problems.Add("#/contents: missing or not an array");
            return problems;
        }

        for (var i = 0; i < contents.Count; i++)
        {
            problems.AddRange(item.Validate(contents[i]!.ToJsonString()).Select(e => $"#/contents/{i}{e.Path?.TrimStart('#')}: {e.Kind} {e.Property}"));
        }

        return problems;
    }
}
