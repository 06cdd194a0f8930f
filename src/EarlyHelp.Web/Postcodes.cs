using System.Text.RegularExpressions;

namespace EarlyHelp.Web;

/// <summary>UK postcodes: the shape of a real postcode, and the usual way of writing one (upper case, one space).</summary>
public static partial class Postcodes
{
    public static bool IsValid(string value) => Shape().IsMatch(Normalise(value));

    public static string Normalise(string value)
    {
        var compact = new string([.. value.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);
        return compact.Length > 3 ? $"{compact[..^3]} {compact[^3..]}" : compact;
    }

    [GeneratedRegex("^(GIR 0AA|[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][A-Z]{2})$")]
    private static partial Regex Shape();
}
