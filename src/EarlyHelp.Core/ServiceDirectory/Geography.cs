using System.Globalization;
using System.Text.RegularExpressions;

namespace EarlyHelp.Core.ServiceDirectory;

/// <summary>A point on the earth (WGS84 degrees).</summary>
public readonly record struct Point(double Latitude, double Longitude);

/// <summary>
/// Postcode district centroids from the shipped copy of Code-Point Open (postcode-districts.csv), so "near a
/// postcode" works offline; good enough for "services near you", never for locating a household.
/// </summary>
public static partial class PostcodeDistricts
{
    private static readonly Lazy<IReadOnlyDictionary<string, Point>> Centroids = new(Load);

    public static int Count => Centroids.Value.Count;

    /// <summary>Every district the shipped file places, e.g. "WS1".</summary>
    public static IReadOnlyCollection<string> Districts => (IReadOnlyCollection<string>)Centroids.Value.Keys;

    /// <summary>
    /// The district of a full postcode ("WS1 1AA") or a district on its own ("WS1"), its centroid, or why not.
    /// </summary>
    public static bool TryLocate(string? text, out string district, out Point centroid, out string? problem)
    {
        district = "";
        centroid = default;
        var compact = new string([.. (text ?? "").Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);
        if (compact.Length == 0)
        {
            problem = "Enter a postcode, like WS1 1AA, or a postcode district, like WS1";
            return false;
        }

        if (FullPostcode().IsMatch(compact))
        {
            district = compact[..^3];
        }
        else if (District().IsMatch(compact))
        {
            district = compact;
        }
        else
        {
            problem = "Enter a real postcode, like WS1 1AA, or a postcode district, like WS1";
            return false;
        }

        if (!Centroids.Value.TryGetValue(district, out centroid))
        {
            problem = $"We do not know where postcode district {district} is: check the postcode";
            return false;
        }

        problem = null;
        return true;
    }

    private static Dictionary<string, Point> Load()
    {
        using var stream = typeof(PostcodeDistricts).Assembly.GetManifestResourceStream("EarlyHelp.Core.ServiceDirectory.postcode-districts.csv")
            ?? throw new InvalidOperationException("postcode-districts.csv is not embedded");
        using var reader = new StreamReader(stream);
        var centroids = new Dictionary<string, Point>(StringComparer.Ordinal);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var cells = line.Split(',');
            if (cells.Length >= 3
                && double.TryParse(cells[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
                && double.TryParse(cells[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude))
            {
                centroids[cells[0].Trim().ToUpperInvariant()] = new Point(latitude, longitude);
            }
        }

        return centroids;
    }

    [GeneratedRegex("^([A-Z]{1,2}[0-9][0-9A-Z]?)[0-9][A-Z]{2}$")]
    private static partial Regex FullPostcode();

    [GeneratedRegex("^[A-Z]{1,2}[0-9][0-9A-Z]?$")]
    private static partial Regex District();
}

/// <summary>
/// Distances for "near you": the equirectangular approximation, which a database can compute in plain
/// arithmetic (so both SQLite and PostgreSQL order and filter by it) and which is within a fraction of a per cent
/// of the great-circle distance over the tens of kilometres a family travels.
/// </summary>
public static class Distance
{
    public const double KilometresPerDegree = 111.195;

    public const double MetresPerMile = 1609.344;

    /// <summary>How much a degree of longitude shrinks at a latitude.</summary>
    public static double LongitudeScale(double latitude) => Math.Cos(latitude * Math.PI / 180);

    public static double Kilometres(Point from, Point to)
    {
        var dy = to.Latitude - from.Latitude;
        var dx = (to.Longitude - from.Longitude) * LongitudeScale(from.Latitude);
        return Math.Sqrt((dx * dx) + (dy * dy)) * KilometresPerDegree;
    }

    /// <summary>A distance radius in squared degrees (latitude-scaled), to compare with <c>dx² + dy²</c> in a query.</summary>
    public static double SquaredDegrees(double kilometres) => Math.Pow(kilometres / KilometresPerDegree, 2);

    public static string Miles(double kilometres)
    {
        var miles = kilometres * 1000 / MetresPerMile;
        return miles < 0.1 ? "less than 0.1 miles" : string.Create(CultureInfo.InvariantCulture, $"{miles:0.0} miles");
    }
}
