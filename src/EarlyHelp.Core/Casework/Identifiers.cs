namespace EarlyHelp.Core.Casework;

/// <summary>NHS numbers: ten digits, the last a modulus 11 check digit over the first nine (weights 10 down to 2).</summary>
public static class NhsNumber
{
    /// <summary>The check digit for nine digits, or null when there is none (a remainder giving 10 is never issued).</summary>
    public static int? CheckDigit(string nine)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (nine[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            11 => 0,
            10 => null,
            _ => check,
        };
    }

    /// <summary>Digits only, spaces and hyphens removed ("943 476 5919" becomes "9434765919").</summary>
    public static string Normalise(string value) => new([.. value.Where(c => c is not (' ' or '-'))]);

    public static bool IsValid(string? value, out string error)
    {
        error = "";
        if (string.IsNullOrWhiteSpace(value))
        {
            error = "Enter an NHS number";
            return false;
        }

        var digits = Normalise(value);
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
        {
            error = "NHS number must be 10 digits, like 943 476 5919";
            return false;
        }

        if (CheckDigit(digits[..9]) is not { } check || check != digits[9] - '0')
        {
            error = "NHS number is not valid: check the digits";
            return false;
        }

        return true;
    }
}

/// <summary>
/// Unique Pupil Numbers (DfE): a check letter then 12 characters (local authority, establishment, year and a
/// serial, the last of which is a letter in a temporary UPN). The check letter is the weighted sum of the 12
/// characters (weights 2 to 13) modulo 23, as a letter of A–Z without I, O and S.
/// </summary>
public static class UniquePupilNumber
{
    private const string Letters = "ABCDEFGHJKLMNPQRTUVWXYZ";

    public static string Normalise(string value) => new([.. value.Where(c => c != ' ').Select(char.ToUpperInvariant)]);

    public static bool IsValid(string? value, out string error)
    {
        error = "";
        if (string.IsNullOrWhiteSpace(value))
        {
            error = "Enter a Unique Pupil Number";
            return false;
        }

        var upn = Normalise(value);
        var shapeIsRight = upn.Length == 13
            && Letters.Contains(upn[0], StringComparison.Ordinal)
            && upn[1..12].All(char.IsAsciiDigit)
            && (char.IsAsciiDigit(upn[12]) || Letters.Contains(upn[12], StringComparison.Ordinal));
        if (!shapeIsRight)
        {
            error = "Unique Pupil Number must be a letter followed by 12 characters, like A123456789012";
            return false;
        }

        var sum = 0;
        for (var i = 1; i < 13; i++)
        {
            var c = upn[i];
            var value2 = char.IsAsciiDigit(c) ? c - '0' : Letters.IndexOf(c, StringComparison.Ordinal);
            sum += value2 * (i + 1);
        }

        if (Letters[sum % 23] != upn[0])
        {
            error = "Unique Pupil Number is not valid: check the characters";
            return false;
        }

        return true;
    }

    /// <summary>The check letter for the 12 characters after it, for generating synthetic pupils.</summary>
    public static char CheckLetter(string twelve)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            var c = char.ToUpperInvariant(twelve[i]);
            sum += (char.IsAsciiDigit(c) ? c - '0' : Letters.IndexOf(c, StringComparison.Ordinal)) * (i + 2);
        }

        return Letters[sum % 23];
    }
}

/// <summary>The Unique Property Reference Number: the address's permanent id in AddressBase, up to 12 digits.</summary>
public static class Uprn
{
    public static bool IsValid(string? value, out string error)
    {
        var trimmed = value?.Trim() ?? "";
        error = trimmed.Length is 0 or > 12 || !trimmed.All(char.IsAsciiDigit) || trimmed.All(c => c == '0')
            ? "Enter a UPRN of up to 12 digits, like 100071234567"
            : "";
        return error.Length == 0;
    }
}
