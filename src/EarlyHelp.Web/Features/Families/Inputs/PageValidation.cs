using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace EarlyHelp.Web.Features.Families.Inputs;

/// <summary>
/// MVC runs an input's own rules (its <see cref="IValidatableObject.Validate"/>) only once every field has
/// passed its attributes, so a page would show its mistakes in two rounds. GOV.UK forms show every mistake
/// at once: a page runs the rules itself, adding what MVC has not already said.
/// </summary>
public static class PageValidation
{
    public static void AddRules(ModelStateDictionary state, string prefix, IValidatableObject input, IServiceProvider services)
    {
        var results = input.Validate(new ValidationContext(input, services, null))
            .Where(r => r.MemberNames.DefaultIfEmpty("").All(m => !Said(state, m.Length == 0 ? prefix : $"{prefix}.{m}", r.ErrorMessage)));
        InputCheck.AddTo(state, prefix, [.. results]);
    }

    private static bool Said(ModelStateDictionary state, string key, string? message) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Any(e => e.ErrorMessage == message);
}
