using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using EarlyHelp.Web.Features.Families.Inputs;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace EarlyHelp.Web.Features.Families.Api;

/// <summary>
/// Reads an API call's JSON body into an input and checks its fields. Read by hand rather than bound, so that the
/// access check comes first and a value of the wrong type is a problem keyed by its field like any other, not a
/// bare 400.
/// </summary>
public static class ApiBody
{
    /// <summary>The input, or the problem to answer with: 415 for a body that is not JSON, 400 for invalid fields.</summary>
    public static async Task<(T? Input, IResult? Problem)> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        // JSON only: a form on another site can post text/plain, never application/json without CORS allowing it.
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the body as JSON, with Content-Type: application/json"));
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return (null, InputCheck.Problem([new ValidationResult("The body is not valid JSON")]));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, InputCheck.Problem([new ValidationResult("The body must be a JSON object")]));
            }

            T input;
            try
            {
                var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
                input = document.RootElement.Deserialize<T>(options)!;
            }
            catch (JsonException e)
            {
                var field = Field(e.Path);
                return (null, InputCheck.Problem([new ValidationResult(Expected(typeof(T), field), [field])]));
            }

            var problems = InputCheck.Fields(input, request.HttpContext.RequestServices);
            return problems.Count > 0 ? (null, InputCheck.Problem(problems)) : (input, null);
        }
    }

    /// <summary>"$.needs[2]" is the field "needs".</summary>
    private static string Field(string? path)
    {
        var field = (path ?? "$").TrimStart('$', '.');
        var end = field.IndexOfAny(['.', '[']);
        return end < 0 ? field : field[..end];
    }

    /// <summary>What the field takes, said the way the pages say it.</summary>
    private static string Expected(Type input, string field)
    {
        var property = input.GetProperties().FirstOrDefault(p => string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase));
        var type = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type switch
        {
            null => "The value is not valid",
            _ when type == typeof(DateOnly) => "Enter a real date, in the form yyyy-mm-dd",
            _ when type == typeof(bool) => "Enter true or false",
            _ when type == typeof(Guid) => "Enter an id, like 0f8fad5b-d9cb-469f-a165-70867728950e",
            _ when type == typeof(decimal) || type == typeof(int) => "Enter a number",
            _ when type.IsEnum => $"Enter one of {string.Join(", ", Enum.GetNames(type))}",
            _ when type == typeof(string) => "Enter text",
            _ when type == typeof(List<string>) => "Enter a list of codes, like [\"EDU-ATTEND-90\"]",
            _ => "The value is not valid",
        };
    }
}
