using System.Globalization;
using CsvHelper;
using EarlyHelp.Core.Claims;
using MiniExcelLibs;

namespace EarlyHelp.Web.Features.Claims;

/// <summary>A submitted claim as a table, one family a row, for CSV and Excel: the same columns in both.</summary>
public static class ClaimExport
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "Programme", "Window", "Family reference", "Team", "Claimed on", "Payment", "Headline outcomes met",
        "Framework", "Framework version", "Sampled for audit", "Audit result",
    ];

    /// <summary>The claim's families still in it (a family the auditor rejected has left it), by reference.</summary>
    public static IReadOnlyList<string[]> Rows(Claim claim, IReadOnlyDictionary<Guid, string> teams) =>
        [.. claim.Lines
            .Where(l => l.State != ClaimLineState.Rejected)
            .OrderBy(l => l.FamilyReference, StringComparer.Ordinal)
            .Select(l => new[]
            {
                l.Programme,
                l.WindowName,
                l.FamilyReference,
                l.TeamId is { } team ? teams.GetValueOrDefault(team, "") : "",
                l.ClaimedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                l.Payment.ToString("0.00", CultureInfo.InvariantCulture),
                l.HeadlineOutcomesMet.Replace(",", "; ", StringComparison.Ordinal),
                FrameworkOf(l.CaseFile),
                l.FrameworkHash,
                l.Sampled ? "yes" : "no",
                l.AuditResult switch { AuditResult.Passed => "passed", AuditResult.Rejected => "rejected", _ => "" },
            })];

    public static string FileName(Claim claim, string extension)
    {
        var name = new string([.. $"{claim.Programme} {claim.WindowName}".Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]);
        while (name.Contains("--", StringComparison.Ordinal))
        {
            name = name.Replace("--", "-", StringComparison.Ordinal);
        }

        return $"claim-{name.Trim('-')}.{extension}";
    }

    public static byte[] Csv(Claim claim, IReadOnlyDictionary<Guid, string> teams)
    {
        using var output = new StringWriter();
        // A cell that starts with = + - or @ would run as a formula when a spreadsheet opens the file.
        using (var writer = CsvWriter.Create(output, new CsvWriterOptions { Injection = CsvInjection.Escape, NewLine = "\n" }, leaveOpen: true))
        {
            writer.WriteRecord([.. Columns]);
            foreach (var row in Rows(claim, teams))
            {
                writer.WriteRecord(row);
            }

            writer.Flush();
        }

        return System.Text.Encoding.UTF8.GetBytes(output.ToString());
    }

    public static byte[] Xlsx(Claim claim, IReadOnlyDictionary<Guid, string> teams)
    {
        var rows = Rows(claim, teams).Select(row =>
        {
            var cells = new Dictionary<string, object>(StringComparer.Ordinal);
            for (var i = 0; i < Columns.Count; i++)
            {
                // Payments as numbers, so a spreadsheet can add them up; everything else as the CSV has it.
                cells[Columns[i]] = Columns[i] == "Payment" ? decimal.Parse(row[i], CultureInfo.InvariantCulture) : row[i];
            }

            return cells;
        }).ToList();
        using var buffer = new MemoryStream();
        buffer.SaveAs(rows, sheetName: "Claim", excelType: ExcelType.XLSX);
        return buffer.ToArray();
    }

    private static string FrameworkOf(string caseFile)
    {
        using var json = System.Text.Json.JsonDocument.Parse(caseFile);
        return json.RootElement.GetProperty("framework").GetString() ?? "";
    }
}
