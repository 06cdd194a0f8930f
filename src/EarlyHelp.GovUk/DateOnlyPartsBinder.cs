using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace EarlyHelp.GovUk;

/// <summary>
/// Binds a GOV.UK date input (Name.Day, Name.Month, Name.Year) to a DateOnly, with the GOV.UK error messages:
/// "Enter ...", "... must include a month", "... must be a real date".
/// </summary>
public sealed class DateOnlyPartsBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext context)
    {
        var name = context.ModelName;
        string Part(string part) => context.ValueProvider.GetValue($"{name}.{part}").FirstValue?.Trim() ?? "";
        var (day, month, year) = (Part("Day"), Part("Month"), Part("Year"));
        if (day.Length == 0 && month.Length == 0 && year.Length == 0
            && context.ValueProvider.GetValue(name).FirstValue is { Length: > 0 } iso)
        {
            // A plain 2024-06-28, as links and query strings carry dates.
            if (DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                context.Result = ModelBindingResult.Success(parsed);
            }
            else
            {
                context.ModelState.TryAddModelError(name, $"{context.ModelMetadata.DisplayName ?? name} must be a real date");
            }

            return Task.CompletedTask;
        }

        var label = context.ModelMetadata.DisplayName ?? name;
        // Only the date itself gets a model state entry; the date input shows the parts as posted.
        context.ModelState.SetModelValue(name, new ValueProviderResult($"{year}-{month}-{day}"));

        if (day.Length == 0 && month.Length == 0 && year.Length == 0)
        {
            if (context.ModelMetadata.IsRequired)
            {
                // The field's own message where it gives one ("Enter the date of the evidence"): the validator
                // does not run once the binder has marked the field invalid.
                var required = context.ModelMetadata.ValidatorMetadata.OfType<RequiredAttribute>().FirstOrDefault();
                context.ModelState.TryAddModelError(name, required?.ErrorMessage ?? $"Enter {Lower(label)}");
            }

            return Task.CompletedTask;
        }

        var missing = new[] { ("day", day), ("month", month), ("year", year) }.Where(p => p.Item2.Length == 0).Select(p => p.Item1).ToList();
        if (missing.Count > 0)
        {
            context.ModelState.TryAddModelError(name, $"{label} must include a {string.Join(" and ", missing)}");
            return Task.CompletedTask;
        }

        if (year.Length != 4
            || !int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || !int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            context.ModelState.TryAddModelError(name, $"{label} must be a real date");
            return Task.CompletedTask;
        }

        context.Result = ModelBindingResult.Success(new DateOnly(y, m, d));
        return Task.CompletedTask;
    }

    private static string Lower(string label) => label.Length > 0 ? char.ToLowerInvariant(label[0]) + label[1..] : label;
}

public sealed class DateOnlyPartsBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(DateOnly) ? new DateOnlyPartsBinder() : null;
}
