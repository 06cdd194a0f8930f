using System.Text;
using EarlyHelp.Core.Value;

namespace EarlyHelp.Core.Tests.Value;

/// <summary>Reading and writing tables of unit costs: every problem with its line and column.</summary>
public class UnitCostCsvTests
{
    private const string Header = "Service,Activity,Cost item,Value per child,Number per year,Who bears it,Source,Note\n";

    private static UnitCostCsvResult Read(string csv) => UnitCostCsv.Read(Encoding.UTF8.GetBytes(csv));

    private static IReadOnlyList<string> Problems(string csv) => [.. Read(csv).Problems.Select(p => p.ToString())];

    [Fact]
    public void The_shipped_table_is_written_and_read_back_unchanged()
    {
        var written = UnitCostCsv.Write(UnitCostTables.Doncaster);
        var read = Read(written);

        Assert.Empty(read.Problems);
        Assert.Equal(UnitCostTables.Doncaster, read.Items);
        Assert.StartsWith(Header, written, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_the_optional_ones_may_be_left_out()
    {
        var read = Read("number per year , Cost item,Value per child\n1140,\"Pupils, excluded\",£730.50\n,Young offender,\"£7,307\"\n");

        Assert.Empty(read.Problems);
        Assert.Equal(
            [new UnitCost { CostItem = "Pupils, excluded", ValuePerChild = 730.50m, NumberPerYear = 1140 }, new UnitCost { CostItem = "Young offender", ValuePerChild = 7307m }],
            read.Items);
    }

    [Fact]
    public void Every_problem_is_reported_with_its_line_and_column()
    {
        var csv = Header +
            "DCST,Support,LAC,66064,487,DMBC,NEM,\n" +
            "DCST,Support,,abc,-3,DMBC,NEM,\n" +
            "DCST,Support,Child in need,1610.555,\"1,66,1\",DMBC,NEM,\n" +
            "DCST,Support,Too many,1,1,DMBC,NEM,,extra\n";

        Assert.Null(Read(csv).Items);
        Assert.Equal(
            [
                "line 3, column 3: Enter the cost item",
                "line 3, column 4: The value per child must be an amount in pounds, like 730 or 1415.50",
                "line 3, column 5: The number per year must be 0 or more",
                "line 4, column 4: The value per child must have no more than 2 decimal places",
                "line 4, column 5: The number per year must be a whole number, like 1140, or blank if it is not known",
                "line 5, column 9: This line has 9 fields but the header has 8 columns",
            ],
            Problems(csv));
    }

    [Fact]
    public void Lines_count_from_the_start_of_the_file_including_blank_lines_and_lines_inside_quotes()
    {
        var csv = Header + "\n" + "DCST,\"Support over\ntwo lines\",LAC,66064,487,DMBC,NEM,\n" + ",,,,,,,\n" + "DCST,Support,LAC,lots,487,DMBC,NEM,\n";
        Assert.Equal(["line 6, column 4: The value per child must be an amount in pounds, like 730 or 1415.50"], Problems(csv));
    }

    [Fact]
    public void A_header_that_cannot_be_read_stops_the_file_with_every_problem_in_it()
    {
        Assert.Equal(
            [
                "line 1, column 2: There is no column called 'Value': the columns are Service, Activity, Cost item, Value per child, Number per year, Who bears it, Source and Note",
                "line 1, column 3: The column 'Cost item' appears twice",
                "line 1, column 4: The header has no 'Value per child' column",
                "line 1, column 4: The header has no 'Number per year' column",
            ],
            Problems("Cost item,Value,cost item\nLAC,1,2\n"));
    }

    [Theory]
    [InlineData("", "line 1, column 1: The file is empty: its first line must name the columns, Service, Activity, Cost item, Value per child, Number per year, Who bears it, Source and Note")]
    [InlineData("Cost item,Value per child,Number per year\n", "line 2, column 1: The file has no cost items: add a line for each one below the header")]
    [InlineData("Cost item,Value per child,Number per year\nLAC,\"66064,487\n", "line 2, column 2: A quote mark opens a value that is never closed")]
    [InlineData("Cost item,Value per child,Number per year\nL\"AC,66064,487\n", "line 2, column 1: A quote mark is inside a value that does not start with one: put the whole value in quotes and double the quote mark (\"\")")]
    [InlineData("Cost item,Value per child,Number per year\nLAC,\"660\"64,487\n", "line 2, column 2: There is text after the closing quote mark: put the whole value in quotes and double any quote mark inside it (\"\")")]
    public void Files_that_are_not_tables_of_unit_costs_are_refused(string csv, string problem)
    {
        Assert.Equal([problem], Problems(csv));
    }

    [Fact]
    public void Quoting_problems_are_reported_and_the_other_lines_still_checked()
    {
        var csv = "Cost item,Value per child,Number per year\nL\"AC,66064,487\nPRU,x,84\n";
        Assert.Equal(
            [
                "line 2, column 1: A quote mark is inside a value that does not start with one: put the whole value in quotes and double the quote mark (\"\")",
                "line 3, column 2: The value per child must be an amount in pounds, like 730 or 1415.50",
            ],
            Problems(csv));
    }

    [Fact]
    public void A_table_longer_than_the_limit_is_refused_at_the_first_line_too_many()
    {
        var csv = "Cost item,Value per child,Number per year\n" + string.Concat(Enumerable.Range(1, UnitCostCsv.MaximumRows + 5).Select(i => $"Item {i},1,1\n"));
        Assert.Equal([$"line {UnitCostCsv.MaximumRows + 2}, column 1: A table can have no more than {UnitCostCsv.MaximumRows} cost items"], Problems(csv));
    }

    [Fact]
    public void A_file_larger_than_the_limit_is_refused_before_it_is_read()
    {
        var problems = UnitCostCsv.Read(new byte[UnitCostCsv.MaximumBytes + 1]).Problems;
        Assert.Equal(["line 1, column 1: The file must be smaller than 1 MB"], problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Excel_files_in_the_Windows_code_page_or_UTF_16_or_with_a_byte_order_mark_are_read()
    {
        var windows = Encoding.Latin1.GetBytes("Cost item,Value per child,Number per year\nLAC,£66064,487\n");
        var bom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Cost item,Value per child,Number per year\nLAC,£66064,487\n")).ToArray();
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Cost item,Value per child,Number per year\nLAC,£66064,487\n")).ToArray();

        foreach (var file in new[] { windows, bom, utf16 })
        {
            var read = UnitCostCsv.Read(file);
            Assert.Empty(read.Problems);
            Assert.Equal(66_064m, Assert.Single(read.Items!).ValuePerChild);
        }
    }

    [Fact]
    public void Cells_a_spreadsheet_would_run_as_formulas_are_written_as_text()
    {
        var written = UnitCostCsv.Write([new UnitCost { CostItem = "=HYPERLINK(\"http://example.test\")", ValuePerChild = 1m }]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://example.test\"\")\"", written, StringComparison.Ordinal);
    }
}
