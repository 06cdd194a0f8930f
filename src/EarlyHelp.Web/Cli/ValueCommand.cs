using System.CommandLine;
using EarlyHelp.Core.Value;

namespace EarlyHelp.Web.Cli;

/// <summary>
/// <c>earlyhelp value</c>: the cost of late intervention from a table of unit costs (Doncaster's by default), and
/// what reductions of it would save.
/// </summary>
public static class ValueCommand
{
    public static Command Create()
    {
        var unitCosts = new Option<string>("--unit-costs")
        {
            Description = "A CSV file of unit costs (docs/value.md), or - for standard input. Without it, Doncaster's Appendix 1.",
            HelpName = "FILE.csv",
        };
        var reductions = new Option<string[]>("--reduction")
        {
            Description = "A reduction to work out the saving of, in per cent; give it again for more. Without it, 1 and 5.",
            HelpName = "PCT",
        };
        var json = new Option<bool>("--json") { Description = "Print the total, the items and the savings as JSON." };
        var command = new Command("value", "The cost of late intervention: unit costs times children a year, and the savings from reducing it.")
        {
            unitCosts, reductions, json,
        };
        command.SetAction(result =>
        {
            var percents = new List<decimal>();
            foreach (var text in result.GetValue(reductions) ?? [])
            {
                if (UnitCostText.ParsePercent(text, $"the reduction {text}", out var percent) is { } problem)
                {
                    Console.Error.WriteLine($"--reduction: {problem}");
                    return CommandLine.BadInput;
                }

                percents.Add(percent);
            }

            var path = result.GetValue(unitCosts);
            var items = path is null ? UnitCostTables.Doncaster : ReadTable(path);
            if (items is null)
            {
                return CommandLine.BadInput;
            }

            var cost = CostOfLateIntervention.Calculate(items, percents.Count > 0 ? percents : CostOfLateIntervention.DefaultReductions);
            if (result.GetValue(json))
            {
                Console.WriteLine(CostOfLateInterventionJson.ToJson(cost));
            }
            else
            {
                WriteText(Console.Out, cost, path ?? UnitCostTables.DoncasterName);
            }

            return 0;
        });
        return command;
    }

    /// <summary>The table in the file, or null once every problem in it has been printed.</summary>
    private static IReadOnlyList<UnitCost>? ReadTable(string path)
    {
        byte[] bytes;
        try
        {
            using var input = path == "-" ? Console.OpenStandardInput() : File.OpenRead(path);
            // One byte more than the reader takes, so that it can say the file is too large without reading it all.
            var buffer = new byte[UnitCostCsv.MaximumBytes + 1];
            bytes = buffer[..input.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{path}: {e.Message}");
            return null;
        }

        var read = UnitCostCsv.Read(bytes);
        foreach (var problem in read.Problems)
        {
            Console.Error.WriteLine($"{path}: {problem}");
        }

        return read.Items;
    }

    /// <summary>The table, the total and the savings as a person reads them.</summary>
    public static void WriteText(TextWriter output, CostOfLateIntervention cost, string table)
    {
        output.WriteLine("The cost of late intervention");
        output.WriteLine($"Unit costs: {table}");
        output.WriteLine();
        string[] headings = ["Cost item", "Who bears it", "Value per child", "Number per year", "Total a year"];
        var rows = cost.Items.Select(i => new[]
        {
            i.CostItem,
            i.WhoBearsIt ?? "",
            Amounts.Pounds(i.ValuePerChild),
            i.NumberPerYear is { } n ? Amounts.Number(n) : "not known",
            i.TotalCost is { } t ? Amounts.Pounds(t) : "not counted",
        }).ToList();
        var widths = headings.Select((h, c) => rows.Select(r => r[c].Length).Append(h.Length).Max()).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((cell, c) => c < 2 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd();
        output.WriteLine(Line(headings));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row));
        }

        output.WriteLine();
        output.WriteLine($"Total cost a year: {Amounts.Pounds(cost.TotalCost)}");
        foreach (var reduction in cost.Reductions)
        {
            output.WriteLine($"A {Amounts.Percent(reduction.Percent)} reduction would save {Amounts.Pounds(reduction.Saving)} a year");
        }

        if (cost.NotCountedSentence is { } notCounted)
        {
            output.WriteLine();
            output.WriteLine(notCounted);
        }
    }
}
