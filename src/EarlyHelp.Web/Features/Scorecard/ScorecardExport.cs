using System.Globalization;
using System.Text;
using CsvHelper;
using EarlyHelp.Core.Scorecard;
using MiniExcelLibs;

namespace EarlyHelp.Web.Features.Scorecard;

/// <summary>
/// The scorecard as a table to download: for every measure, a line for the period chosen, one for each quarter of the
/// trend, and, for the whole service, one for each team in the period chosen.
/// </summary>
public static class ScorecardExport
{
    public static readonly IReadOnlyList<string> Columns =
        ["Measure", "Title", "Group", "Team", "Period", "From", "To", "Value", "Unit", "Counted", "Out of", "Note"];

    public static IEnumerable<object?[]> Lines(IReadOnlyList<ScorecardRow> rows, Period period, string team)
    {
        foreach (var row in rows)
        {
            var measure = row.Measure;
            yield return Line(measure, team, "Period chosen", period, row.Result);
            foreach (var (quarter, result) in row.Trend)
            {
                yield return Line(measure, team, quarter.Label, quarter.Period, result);
            }

            foreach (var (teamName, result) in row.ByTeam)
            {
                yield return Line(measure, teamName, "Period chosen", period, result);
            }
        }
    }

    private static object?[] Line(IScorecardMeasure measure, string team, string label, Period period, MeasureResult result) =>
    [
        measure.Code, measure.Title, measure.Group.ToString(), team, label, period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), result.Value, UnitName(measure.Unit), result.Counted, result.OutOf, result.Note,
    ];

    public static string UnitName(MeasureUnit unit) => unit switch
    {
        MeasureUnit.WorkingDays => "working days",
        MeasureUnit.Percent => "percent",
        MeasureUnit.RatePer10000 => "per 10,000 children",
        _ => "families",
    };

    /// <summary>CSV with a byte order mark, so that Excel reads it as UTF-8.</summary>
    public static byte[] Csv(IReadOnlyList<ScorecardRow> rows, Period period, string team)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        // A cell that starts with = + - or @ would run as a formula when a spreadsheet opens the file.
        using (var writer = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape, NewLine = "\n" }, leaveOpen: true))
        {
            writer.WriteRecord([.. Columns]);
            foreach (var line in Lines(rows, period, team))
            {
                writer.WriteRecord([.. line.Select(field => field switch
                {
                    null => "",
                    decimal d => d.ToString(CultureInfo.InvariantCulture),
                    int i => i.ToString(CultureInfo.InvariantCulture),
                    var other => other.ToString() ?? "",
                })]);
            }

            writer.Flush();
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>An Excel workbook of one sheet, figures as numbers.</summary>
    public static byte[] Xlsx(IReadOnlyList<ScorecardRow> rows, Period period, string team)
    {
        var sheet = Lines(rows, period, team)
            .Select(line => Columns.Select((column, i) => (column, line[i])).ToDictionary(c => c.column, c => c.Item2))
            .ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: "Scorecard", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
