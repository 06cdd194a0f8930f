using CsvHelper;
using EarlyHelp.Core.Value;

namespace EarlyHelp.Core.Claims;

/// <summary>Which unit cost items a headline outcome achieved is taken to avoid.</summary>
public sealed record HeadlineCostItem(string CostItem, string? WhoBearsIt, string Headline);

/// <summary>One headline outcome's estimate: the families claimed with it achieved, times the unit costs mapped to it.</summary>
public sealed record HeadlineValue(string Headline, int Families, decimal ValuePerFamily, IReadOnlyList<UnitCost> Items)
{
    public decimal Estimate => Families * ValuePerFamily;
}

public sealed record FiscalValueEstimate(IReadOnlyList<HeadlineValue> Headlines)
{
    public decimal Total => Headlines.Sum(h => h.Estimate);
}

/// <summary>
/// An estimate of the fiscal value of the outcomes claimed: for each headline outcome, each family claimed with a
/// need in it met is taken to avoid, for one year, one instance of each unit cost mapped to that outcome
/// (docs/value.md states this and the other assumptions). It is an estimate, not a saving anyone has banked.
/// </summary>
public static class FiscalValue
{
    /// <summary>The mapping shipped for Doncaster's table, from Claims/Data/doncaster-2017-headlines.csv.</summary>
    public static IReadOnlyList<HeadlineCostItem> DoncasterMapping { get; } = LoadMapping("doncaster-2017-headlines.csv");

    public static FiscalValueEstimate Estimate(IReadOnlyList<UnitCost> table, IReadOnlyList<HeadlineCostItem> mapping, IReadOnlyDictionary<string, int> familiesByHeadline)
    {
        var headlines = mapping
            .GroupBy(m => m.Headline, StringComparer.Ordinal)
            .Select(g =>
            {
                var items = table.Where(u => g.Any(m => m.CostItem == u.CostItem && (m.WhoBearsIt is null || m.WhoBearsIt == u.WhoBearsIt))).ToList();
                return new HeadlineValue(g.Key, familiesByHeadline.TryGetValue(g.Key, out var n) ? n : 0, items.Sum(i => i.ValuePerChild), items);
            })
            .OrderByDescending(h => h.Estimate)
            .ThenBy(h => h.Headline, StringComparer.Ordinal)
            .ToList();
        return new FiscalValueEstimate(headlines);
    }

    private static List<HeadlineCostItem> LoadMapping(string file)
    {
        using var stream = typeof(FiscalValue).Assembly.GetManifestResourceStream($"EarlyHelp.Core.Claims.Data.{file}")
            ?? throw new InvalidOperationException($"The shipped mapping {file} is missing from the build");
        using var text = new StreamReader(stream);
        using var csv = CsvReader.FromText(text.ReadToEnd(), new CsvReaderOptions { Separator = ',' });
        var rows = new List<HeadlineCostItem>();
        while (csv.Read())
        {
            var who = csv.GetString(1);
            rows.Add(new HeadlineCostItem(csv.GetString(0), string.IsNullOrEmpty(who) ? null : who, csv.GetString(2)));
        }

        return rows;
    }
}
