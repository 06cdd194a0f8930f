using EarlyHelp.Core.Value;

namespace EarlyHelp.Core.Tests.Value;

/// <summary>
/// The shipped table against Doncaster's Appendix 1 (seed 003), figure by figure: the total and the reductions by
/// exact arithmetic, and where the source's own figures differ from them (docs/value.md).
/// </summary>
public class DoncasterTableTests
{
    private static readonly IReadOnlyList<UnitCost> Table = UnitCostTables.Doncaster;

    /// <summary>
    /// Every line the source prints a total for: its value, number, and its own total, 1% and 5% columns. The ninth
    /// line's value is blank in the source; the table reads it as £11,088 / 88.
    /// </summary>
    public static TheoryData<int, string, decimal, int, decimal, decimal, decimal> PrintedLines => new()
    {
        { 0, "Pupils receiving one + fixed period exclusion", 730m, 1140, 832_200m, 8_322m, 41_160m },
        { 1, "PRU placements", 15_000m, 84, 1_260_000m, 12_600m, 63_000m },
        { 2, "Child Protection Plan", 5_524m, 320, 1_767_680m, 17_676m, 88_384m },
        { 3, "LAC", 66_064m, 487, 32_173_168m, 321_731m, 1_608_658m },
        { 4, "Children in Need", 1_610m, 1661, 2_674_210m, 26_742m, 133_710m },
        { 5, "Admission due to injury", 1_384m, 354, 489_936m, 4_899m, 24_496m },
        { 6, "Admission due to self-harm", 1_996m, 126, 251_496m, 2_515m, 12_574m },
        { 7, "Substance abuse treatment", 126m, 144, 18_144m, 181m, 907m },
        { 8, "Substance abuse treatment", 126m, 88, 11_088m, 110m, 554m },
        { 9, "16/17 NEET number", 575m, 127, 73_025m, 730m, 3_651m },
        { 10, "18/19 NEET number", 4_597m, 397, 1_825_009m, 18_250m, 91_250m },
        { 15, "Reported domestic violence cases involving children", 5_550m, 566, 3_141_300m, 31_413m, 157_065m },
    };

    [Fact]
    public void The_total_and_the_1_and_5_percent_reductions_are_exact()
    {
        var cost = CostOfLateIntervention.Calculate(Table, CostOfLateIntervention.DefaultReductions);

        Assert.Equal(44_878_149m, cost.TotalCost);
        Assert.Equal([new Reduction(1m, 448_781.49m), new Reduction(5m, 2_243_907.45m)], cost.Reductions);
    }

    [Theory]
    [MemberData(nameof(PrintedLines))]
    public void Each_printed_total_is_value_times_number(int index, string costItem, decimal value, int number, decimal total, decimal onePercent, decimal fivePercent)
    {
        var line = Table[index];
        Assert.Equal(costItem, line.CostItem);
        Assert.Equal(value, line.ValuePerChild);
        Assert.Equal(number, line.NumberPerYear);
        Assert.Equal(total, line.TotalCost);

        // The source's reduction columns drop the pence, with two exceptions the documentation names.
        var exactOne = total / 100m;
        var exactFive = total * 5m / 100m;
        if (index == 6)
        {
            Assert.Equal(2_514.96m, exactOne);
            Assert.Equal(Math.Round(exactOne), onePercent); // rounded up, not down
        }
        else
        {
            Assert.Equal(Math.Floor(exactOne), onePercent);
        }

        if (index == 0)
        {
            Assert.Equal(41_610m, exactFive); // the source prints 41,160: two digits swapped
            Assert.Equal(41_160m, fivePercent);
        }
        else
        {
            Assert.Equal(Math.Floor(exactFive), fivePercent);
        }
    }

    [Fact]
    public void The_source_grand_total_counts_the_Innovations_line_it_prints_no_total_for()
    {
        var printed = PrintedLines.Sum(l => (decimal)l[4]);
        var innovations = Assert.Single(Table, i => i.CostItem == "DMBC Innovations figure");

        Assert.Equal(44_517_256m, printed);
        Assert.Equal(360_893m, innovations.TotalCost);
        Assert.Equal(923m * 391, innovations.TotalCost);
        Assert.Equal(44_878_149m, printed + innovations.TotalCost);
    }

    [Fact]
    public void The_source_reduction_totals_add_its_rounded_lines_and_the_Innovations_line_rounded_down()
    {
        var innovations = Table.Single(i => i.CostItem == "DMBC Innovations figure").TotalCost!.Value;
        var printedOne = PrintedLines.Sum(l => (decimal)l[5]);
        var printedFive = PrintedLines.Sum(l => (decimal)l[6]);

        Assert.Equal(448_777m, printedOne + Math.Floor(innovations / 100m));
        Assert.Equal(2_243_453m, printedFive + Math.Floor(innovations * 5m / 100m));

        // So the source is £4.49 short at 1%, and £454.45 at 5%: £450 of it the swapped digits, £4.45 dropped pence.
        Assert.Equal(4.49m, 448_781.49m - 448_777m);
        Assert.Equal(454.45m, 2_243_907.45m - 2_243_453m);
    }

    [Fact]
    public void Lines_without_a_number_a_year_are_kept_but_not_counted()
    {
        var cost = CostOfLateIntervention.Calculate(Table, []);

        Assert.Equal(17, Table.Count);
        Assert.Equal(
            ["Reported anti-social behaviour incidents", "Young offender in youth justice system", "Young offender in youth justice system", "Young offender in youth justice system"],
            cost.NotCounted.Select(i => i.CostItem));
        Assert.Equal([353m, 7_307m, 1_132m, 459m], cost.NotCounted.Select(i => i.ValuePerChild));
        Assert.Equal(["Police", "Justice", "Police", "DMBC DCST contract (YOS)"], cost.NotCounted.Select(i => i.WhoBearsIt));
        Assert.Equal("4 cost items have no number per year, so they are not in the total.", cost.NotCountedSentence);
    }

    [Fact]
    public void Every_line_says_who_bears_the_cost_and_where_it_comes_from()
    {
        Assert.All(Table, i => Assert.False(string.IsNullOrWhiteSpace(i.WhoBearsIt)));
        Assert.All(Table.Where(i => i.Source is null), i => Assert.Contains("leaves", i.Note, StringComparison.Ordinal));
    }
}
