using System.ComponentModel.DataAnnotations;
using System.Text;
using EarlyHelp.Core.Value;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Web.Features.Value;

/// <summary>
/// The cost of late intervention for strategic leads: a table of unit costs to change, the total and the savings.
/// Nothing is stored: the page recalculates from what is posted, and a council keeps its table by downloading it
/// as CSV and uploading it again, so it needs no database and works without JavaScript.
/// </summary>
// A table of the most lines posts 8 fields a line. A large upload is let through to be refused with a GOV.UK error.
[RequestFormLimits(ValueCountLimit = (UnitCostCsv.MaximumRows * 8) + 100)]
public sealed class IndexModel : PageModel
{
    // In the order the form asks for them, which is the order the error summary lists their problems.
    [BindProperty]
    [Display(Name = "Reductions to work out")]
    public string? Reductions { get; set; }

    [BindProperty]
    public List<UnitCostText> Items { get; set; } = [];

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The total and savings of the table as shown; null while it has problems.</summary>
    public CostOfLateIntervention? Cost { get; private set; }

    /// <summary>Where the table came from: Doncaster's, or the name of the file uploaded.</summary>
    [BindProperty]
    public string? TableName { get; set; }

    /// <summary>Every problem in an uploaded file, with its line and column.</summary>
    public IReadOnlyList<CsvProblem> UploadProblems { get; private set; } = [];

    public static string ValueKey(int row) => $"Items[{row}].ValuePerChild";

    public static string NumberKey(int row) => $"Items[{row}].NumberPerYear";

    public void OnGet()
    {
        Items = [.. UnitCostTables.Doncaster.Select(UnitCostText.From)];
        Reductions = string.Join(", ", CostOfLateIntervention.DefaultReductions.Select(Amounts.Plain));
        TableName = UnitCostTables.DoncasterName;
        Cost = Calculate();
    }

    public IActionResult OnPost()
    {
        Cost = Calculate();
        return Page();
    }

    public IActionResult OnPostDownload()
    {
        Cost = Calculate();
        if (Cost is null)
        {
            return Page();
        }

        // With a byte order mark, as Excel needs to read the pound signs in the notes as UTF-8.
        return File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(UnitCostCsv.Write(Cost.Items))], "text/csv; charset=utf-8", "unit-costs.csv");
    }

    public async Task<IActionResult> OnPostUploadAsync()
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Select a CSV file of unit costs");
        }
        else if (!Upload.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(Upload), "The selected file must be a CSV");
        }
        else if (Upload.Length > UnitCostCsv.MaximumBytes)
        {
            ModelState.AddModelError(nameof(Upload), "The selected file must be smaller than 1 MB");
        }
        else
        {
            var buffer = new byte[Upload.Length];
            await using var stream = Upload.OpenReadStream();
            await stream.ReadExactlyAsync(buffer);
            var read = UnitCostCsv.Read(buffer);
            if (read.Items is { } items)
            {
                // The file's table replaces the one on the page; the page shows the table, not what was posted.
                Items = [.. items.Select(UnitCostText.From)];
                TableName = Path.GetFileName(Upload.FileName);
                TempData["Notice"] = $"{TableName} uploaded: {items.Count} cost {(items.Count == 1 ? "item" : "items")}";
            }
            else
            {
                UploadProblems = read.Problems;
                ModelState.AddModelError(nameof(Upload), read.Problems.Count == 1
                    ? "The selected file has a problem: correct it and upload the file again"
                    : $"The selected file has {read.Problems.Count} problems: correct them and upload the file again");
            }
        }

        Cost = Calculate();
        return Page();
    }

    /// <summary>Checks every line and the reductions, adding each problem to the page; the result, or null if there were any.</summary>
    private CostOfLateIntervention? Calculate()
    {
        // A problem with an uploaded file leaves the table on the page as it was, so its totals still show.
        var before = ModelState.ErrorCount;
        var items = new List<UnitCost>();
        for (var row = 0; row < Items.Count; row++)
        {
            var text = Items[row];
            var problems = new List<(UnitCostField Field, string Message)>();
            var name = RowName(text);
            if (text.Parse(f => $"{UnitCostText.Fields[f].Subject} for {name}", problems) is { } item)
            {
                items.Add(item);
            }

            foreach (var (field, message) in problems)
            {
                // Only the figures can be changed on the page; anything else wrong came from outside the form.
                var key = field switch
                {
                    UnitCostField.ValuePerChild => ValueKey(row),
                    UnitCostField.NumberPerYear => NumberKey(row),
                    _ => "",
                };
                ModelState.AddModelError(key, key.Length > 0 ? message : "The table could not be read: start again or upload it again");
            }
        }

        if (Items.Count > UnitCostCsv.MaximumRows)
        {
            ModelState.AddModelError("", $"A table can have no more than {UnitCostCsv.MaximumRows} cost items");
        }

        if (CostOfLateIntervention.ParseReductions(Reductions, out var percents) is { } reductionProblem)
        {
            ModelState.AddModelError(nameof(Reductions), reductionProblem);
        }

        return ModelState.ErrorCount == before ? CostOfLateIntervention.Calculate(items, percents) : null;
    }

    /// <summary>How a line is named in its labels and messages: its cost item and who bears it, which together tell the lines apart.</summary>
    public static string RowName(UnitCostText text) =>
        string.IsNullOrWhiteSpace(text.WhoBearsIt) ? text.CostItem?.Trim() ?? "" : $"{text.CostItem?.Trim()} ({text.WhoBearsIt.Trim()})";
}
