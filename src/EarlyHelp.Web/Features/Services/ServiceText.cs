using System.Globalization;
using EarlyHelp.Core.ServiceDirectory;
using EarlyHelp.Web.Features.ServiceDirectory;

namespace EarlyHelp.Web.Features.Services;

/// <summary>How the directory's records read on a page.</summary>
public static class ServiceText
{
    public static string Ages(DirectoryService s) => (s.MinimumAge, s.MaximumAge) switch
    {
        (null, null) => "All ages",
        ({ } min, null) => $"Ages {min} and over",
        (null, { } max) => $"Ages up to {max}",
        ({ } min, { } max) => $"Ages {min} to {max}",
    };

    public static string Schedule(ServiceSchedule x)
    {
        var days = string.Join(", ", (x.ByDay ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(code => OpenReferralApi.Days.FirstOrDefault(d => d.Code == code).Name ?? code));
        var hours = x.OpensAt is { } opens && x.ClosesAt is { } closes ? $", {Time(opens)} to {Time(closes)}" : "";
        return $"{(days.Length == 0 ? "Times vary" : days)}{hours}";
    }

    /// <summary>GOV.UK style: 9am, 1:30pm.</summary>
    public static string Time(TimeOnly t) =>
        (t.Hour % 12 == 0 ? 12 : t.Hour % 12).ToString(CultureInfo.InvariantCulture) + (t.Minute == 0 ? "" : $":{t.Minute:00}") + (t.Hour < 12 ? "am" : "pm");

    // Pounds written out with the invariant culture: the application runs in globalization-invariant mode, where en-GB is unavailable.
    public static string Cost(ServiceCostOption c) =>
        c.Amount is { } amount
            ? (amount == 0 ? "Free" : "£" + amount.ToString("#,##0.00", CultureInfo.InvariantCulture)) + (c.AmountDescription is { } d && !(amount == 0 && d == "Free") ? $" ({d})" : "") + (c.Option is { } o ? $": {o}" : "")
            : c.AmountDescription ?? c.Option ?? "";
}
