using System.Globalization;

namespace EarlyHelp.Core.Scorecard;

/// <summary>
/// One measure's figure for the period chosen, its trend over the quarters up to the period's end, and, for the
/// whole service, each team's figure for the period.
/// </summary>
public sealed record ScorecardRow(
    IScorecardMeasure Measure,
    MeasureResult Result,
    IReadOnlyList<(Quarter Quarter, MeasureResult Result)> Trend,
    IReadOnlyList<(string Team, MeasureResult Result)> ByTeam);

public static class ScorecardCalculator
{
    public const int TrendQuarters = 4;

    /// <summary>
    /// Every measure for the period, for one team or (null) the whole service, with the quarters ending with the
    /// period's last; for the whole service, also each of <paramref name="teams"/> for the period.
    /// </summary>
    public static IReadOnlyList<ScorecardRow> Compute(
        ScorecardData data, Period period, Guid? team, IReadOnlyList<(Guid Id, string Name)>? teams = null, IEnumerable<IScorecardMeasure>? measures = null)
    {
        var quarters = Quarter.RunEndingWith(Quarter.Containing(period.To), TrendQuarters);
        var eachTeam = team is null ? teams ?? [] : [];
        return [.. (measures ?? ScorecardMeasures.All).Select(measure => new ScorecardRow(
            measure,
            measure.Measure(data, period, team),
            [.. quarters.Select(q => (q, measure.Measure(data, q.Period, team)))],
            [.. eachTeam.Select(t => (t.Name, measure.Measure(data, period, t.Id)))]))];
    }

    /// <summary>A figure as the page, chart and exports show it: "4.5 days", "12.5%", "35.2", "3 families".</summary>
    public static string Format(MeasureUnit unit, decimal? value) => value switch
    {
        null => "No figure",
        { } v => unit switch
        {
            MeasureUnit.WorkingDays => string.Create(CultureInfo.InvariantCulture, $"{v:0.0} working days"),
            MeasureUnit.Percent => string.Create(CultureInfo.InvariantCulture, $"{v:0.0}%"),
            MeasureUnit.RatePer10000 => string.Create(CultureInfo.InvariantCulture, $"{v:0.0} per 10,000"),
            _ => v == 1 ? "1 family" : string.Create(CultureInfo.InvariantCulture, $"{v:0} families"),
        },
    };
}
