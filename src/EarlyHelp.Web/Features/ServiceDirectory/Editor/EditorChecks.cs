using System.Globalization;
using System.Net.Mail;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace EarlyHelp.Web.Features.ServiceDirectory.Editor;

/// <summary>The directory editor's checks of what was typed, each saying exactly what is wrong and how to put it right.</summary>
public sealed class EditorChecks(ModelStateDictionary state, string prefix)
{
    public void Add(string field, string message) => state.AddModelError($"{prefix}.{field}", message);

    public string? Required(string field, string? value, string missing, int maxLength, string what)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            Add(field, missing);
            return null;
        }

        return Length(field, text, maxLength, what);
    }

    public string? Optional(string field, string? value, int maxLength, string what) =>
        string.IsNullOrWhiteSpace(value) ? null : Length(field, value.Trim(), maxLength, what);

    private string? Length(string field, string text, int maxLength, string what)
    {
        if (text.Length > maxLength)
        {
            Add(field, $"{what} must be {maxLength:N0} characters or fewer");
            return null;
        }

        return text;
    }

    public string? WebAddress(string field, string? value, string what)
    {
        var text = Optional(field, value, 500, what);
        if (text is not null && !(Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Contains('.', StringComparison.Ordinal)))
        {
            Add(field, $"{what} must be a full web address, like https://www.example.org.uk");
            return null;
        }

        return text;
    }

    public string? Email(string field, string? value, string what)
    {
        var text = Optional(field, value, 200, what);
        if (text is not null && !(MailAddress.TryCreate(text, out var address) && address.Address == text && address.Host.Contains('.', StringComparison.Ordinal)))
        {
            Add(field, $"Enter {what} in the correct format, like name@example.org.uk");
            return null;
        }

        return text;
    }

    public int? Age(string field, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years <= 130)
        {
            return years;
        }

        Add(field, $"{what} must be a whole number of years, like 5");
        return null;
    }

    public TimeOnly? Time(string field, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim().ToLowerInvariant().Replace('.', ':');
        string[] formats = ["H:mm", "HH:mm", "h:mmtt", "htt", "h:mm tt", "h tt"];
        if (TimeOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var time))
        {
            return time;
        }

        Add(field, $"{what} must be a time, like 9:30am or 14:00");
        return null;
    }

    public decimal? Pounds(string field, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (decimal.TryParse(value.Trim().TrimStart('£'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var pounds) && pounds < 100_000_000 && decimal.Round(pounds, 2) == pounds)
        {
            return pounds;
        }

        Add(field, $"{what} must be an amount in pounds, like 0, 5 or 2.50");
        return null;
    }
}
