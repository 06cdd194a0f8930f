using System.Globalization;
using System.Net;
using System.Text;
using EarlyHelp.Core.Scorecard;

namespace EarlyHelp.Web.Features.Scorecard;

/// <summary>
/// A measure's trend as a bar chart drawn on the server in SVG: no JavaScript, and accessible, with a title and
/// a description that gives every figure, which the table beside it also shows.
/// </summary>
public static class ScorecardChart
{
    private const int Width = 480;
    private const int Height = 220;
    private const int Left = 16;
    private const int Top = 28;
    private const int Bottom = 44;

    public static string Svg(ScorecardRow row, string id)
    {
        var measure = row.Measure;
        var values = row.Trend.Select(t => t.Result.Value).ToList();
        var max = values.OfType<decimal>().DefaultIfEmpty(0).Max();
        var scale = max <= 0 ? 1m : max;
        var slot = (Width - (2 * Left)) / (decimal)row.Trend.Count;
        var barWidth = slot * 0.6m;
        var plotHeight = Height - Top - Bottom;
        string N(decimal number) => number.ToString("0.##", CultureInfo.InvariantCulture);
        string E(string text) => WebUtility.HtmlEncode(text);

        var description = $"{measure.Title}, by quarter: " + string.Join("; ", row.Trend.Select(t => $"{t.Quarter.Label} {ScorecardCalculator.Format(measure.Unit, t.Result.Value)}")) + ".";
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"app-scorecard-chart\" id=\"{id}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" font-family=\"Arial, sans-serif\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E($"{measure.Code} {measure.Title}: trend over {row.Trend.Count} quarters")}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">{E(description)}</desc>");
        var baseline = Height - Bottom;
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{baseline}\" x2=\"{Width - Left}\" y2=\"{baseline}\" stroke=\"#0b0c0c\" stroke-width=\"1\"/>");
        for (var i = 0; i < row.Trend.Count; i++)
        {
            var (quarter, result) = row.Trend[i];
            var centre = Left + (slot * i) + (slot / 2);
            if (result.Value is { } value)
            {
                var barHeight = value <= 0 ? 0 : plotHeight * value / scale;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(centre - (barWidth / 2))}\" y=\"{N(baseline - barHeight)}\" width=\"{N(barWidth)}\" height=\"{N(barHeight)}\" fill=\"#1d70b8\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(centre)}\" y=\"{N(baseline - barHeight - 6)}\" text-anchor=\"middle\" font-size=\"14\" fill=\"#0b0c0c\">{E(Short(measure.Unit, value))}</text>");
            }
            else
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(centre)}\" y=\"{baseline - 6}\" text-anchor=\"middle\" font-size=\"13\" fill=\"#505a5f\">no figure</text>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(centre)}\" y=\"{baseline + 20}\" text-anchor=\"middle\" font-size=\"14\" fill=\"#0b0c0c\">{E(quarter.Label)}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The figure above a bar: the number, with % for a percentage.</summary>
    public static string Short(MeasureUnit unit, decimal value) =>
        unit == MeasureUnit.Percent ? value.ToString("0.0", CultureInfo.InvariantCulture) + "%"
        : unit == MeasureUnit.Families ? value.ToString("0", CultureInfo.InvariantCulture)
        : value.ToString("0.0", CultureInfo.InvariantCulture);
}
