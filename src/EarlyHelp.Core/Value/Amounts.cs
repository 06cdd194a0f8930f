using System.Globalization;

namespace EarlyHelp.Core.Value;

/// <summary>
/// Amounts in pounds and percentages as people read and type them. Nothing is rounded: an amount shows every
/// significant figure it has, so the figures shown add up to the totals shown.
/// </summary>
public static class Amounts
{
    /// <summary>The same amount without trailing zeros (730.00 becomes 730), so JSON and forms show it plainly.</summary>
    public static decimal Normalise(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>For a form field or a CSV file: 730, 1415.50; no pound sign or thousands separators.</summary>
    public static string Plain(decimal value) => Normalise(value).ToString(Format(value, grouped: false), CultureInfo.InvariantCulture);

    /// <summary>For reading: £44,878,149, £448,781.49.</summary>
    public static string Pounds(decimal value) =>
        (value < 0 ? "-£" : "£") + Math.Abs(Normalise(value)).ToString(Format(value, grouped: true), CultureInfo.InvariantCulture);

    /// <summary>1%, 2.5%.</summary>
    public static string Percent(decimal value) => Normalise(value).ToString(CultureInfo.InvariantCulture) + "%";

    /// <summary>A whole number with thousands separators: 1,140.</summary>
    public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    // Whole pounds show no pence; otherwise at least two decimal places, and more only where the exact amount has them.
    private static string Format(decimal value, bool grouped)
    {
        var places = Normalise(value).Scale;
        var whole = grouped ? "#,##0" : "0";
        return places == 0 ? whole : whole + "." + new string('0', Math.Max(2, (int)places));
    }
}
