using System.ComponentModel.DataAnnotations;

namespace EarlyHelp.Web.Features.Families.Inputs;

/// <summary>
/// The checks an input needs beyond its own fields: against the family's record and the framework. The pages
/// and the API run the same checks, so that both say the same thing about the same mistake.
/// </summary>
public static class InputCheck
{
    /// <summary>Runs an input's field rules (DataAnnotations and IValidatableObject) as the API needs them.</summary>
    public static List<ValidationResult> Fields(object input, IServiceProvider services)
    {
        var results = new List<ValidationResult>();
        var context = new ValidationContext(input, services, null);
        Validator.TryValidateObject(input, context, results, validateAllProperties: true);

        // The validator skips an input's own rules once a field has failed; run them anyway, so that one answer lists
        // every problem, as the pages do (MvcOptions.ValidateComplexTypesIfChildValidationFails).
        if (input is IValidatableObject own)
        {
            results.AddRange(own.Validate(context).Where(r => !results.Any(known => known.ErrorMessage == r.ErrorMessage && known.MemberNames.SequenceEqual(r.MemberNames))).ToList());
        }

        return results;
    }

    /// <summary>The API's problem details: errors keyed by camelCase field names, as the JSON names them.</summary>
    public static IResult Problem(IEnumerable<ValidationResult> results) => TypedResults.ValidationProblem(
        results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Field: JsonName(m), Message: r.ErrorMessage ?? "Invalid value")))
            .GroupBy(e => e.Field, e => e.Message)
            .ToDictionary(g => g.Key, g => g.Distinct().ToArray()));

    /// <summary>Adds the results to a page's model state under the page's input prefix.</summary>
    public static void AddTo(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string prefix, IEnumerable<ValidationResult> results)
    {
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                state.AddModelError(member.Length == 0 ? prefix : $"{prefix}.{member}", result.ErrorMessage ?? "Invalid value");
            }
        }
    }

    public static DateOnly Today(ValidationContext context) =>
        DateOnly.FromDateTime(((TimeProvider?)context.GetService(typeof(TimeProvider)) ?? TimeProvider.System).GetLocalNow().Date);

    private static string JsonName(string member) => member.Length == 0 ? "" : char.ToLowerInvariant(member[0]) + member[1..];
}
