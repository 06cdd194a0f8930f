using EarlyHelp.Core.Value;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EarlyHelp.Core.Tests.Value;

/// <summary>The calculator: exact pounds and pence, reductions, and lines whose number is not known.</summary>
public class CostOfLateInterventionTests
{
    private static UnitCost Cost(decimal value, int? number, string item = "Item") => new() { CostItem = item, ValuePerChild = value, NumberPerYear = number };

    [Fact]
    public void Pence_are_kept_exactly()
    {
        var cost = CostOfLateIntervention.Calculate([Cost(1_415.50m, 3), Cost(0.01m, 7)], [2.5m, 33.33m]);

        Assert.Equal(4_246.57m, cost.TotalCost);
        Assert.Equal(106.16425m, cost.Reductions[0].Saving);
        Assert.Equal(1_415.381781m, cost.Reductions[1].Saving);
    }

    [Fact]
    public void A_line_whose_number_is_not_known_adds_nothing_and_is_listed()
    {
        var unknown = Cost(7_307m, null, "Young offender");
        var cost = CostOfLateIntervention.Calculate([Cost(100m, 2), unknown], [10m]);

        Assert.Null(unknown.TotalCost);
        Assert.Equal(200m, cost.TotalCost);
        Assert.Equal([unknown], cost.NotCounted);
        Assert.Equal("1 cost item has no number per year, so it is not in the total.", cost.NotCountedSentence);
        Assert.Equal(20m, cost.Reductions.Single().Saving);
    }

    [Fact]
    public void An_empty_table_costs_nothing()
    {
        var cost = CostOfLateIntervention.Calculate([], [1m]);
        Assert.Equal(0m, cost.TotalCost);
        Assert.Equal(0m, cost.Reductions.Single().Saving);
        Assert.Null(cost.NotCountedSentence);
    }

    [Fact]
    public void A_reduction_asked_for_twice_is_worked_out_once_in_the_order_asked()
    {
        var cost = CostOfLateIntervention.Calculate([Cost(10m, 10)], [5m, 1m, 5m]);
        Assert.Equal([5m, 1m], cost.Reductions.Select(r => r.Percent));
    }

    [Fact]
    public void The_largest_table_the_page_takes_stays_far_from_decimal_limits()
    {
        var items = Enumerable.Repeat(Cost(UnitCostText.MaximumValue, UnitCostText.MaximumNumber), UnitCostCsv.MaximumRows).ToList();
        var cost = CostOfLateIntervention.Calculate(items, [100m, 0.01m]);

        Assert.Equal(2_000_000_000_000_000_000m, cost.TotalCost);
        Assert.Equal(200_000_000_000_000m, cost.Reductions[1].Saving);
    }

    [Property(MaxTest = 300)]
    public Property Savings_add_up_exactly_and_never_exceed_the_total() =>
        Prop.ForAll(
            Gen.ListOf(
                from pence in Gen.Choose(0, 10_000_000)
                from number in Gen.Choose(0, 100_000)
                from known in Gen.Elements(true, true, true, false)
                select Cost(pence / 100m, known ? number : null)).ToArbitrary(),
            Gen.Choose(1, 5_000).ToArbitrary(),
            Gen.Choose(1, 5_000).ToArbitrary(),
            (items, a, b) =>
            {
                var (first, second) = (a / 100m, b / 100m);
                var cost = CostOfLateIntervention.Calculate([.. items], [first, second, first + second]);
                var total = items.Where(i => i.NumberPerYear is not null).Sum(i => i.ValuePerChild * i.NumberPerYear!.Value);
                return cost.TotalCost == total
                    && cost.Reductions.All(r => r.Saving >= 0 && r.Saving <= cost.TotalCost)
                    && (first == second || cost.Reductions[0].Saving + cost.Reductions[1].Saving == cost.Reductions[2].Saving);
            });

    [Theory]
    [InlineData("1, 5", new[] { 1.0, 5.0 })]
    [InlineData("2.5% 10", new[] { 2.5, 10.0 })]
    [InlineData(" 5;5 ,1 ", new[] { 5.0, 1.0 })]
    [InlineData("", new double[0])]
    public void Reductions_are_read_from_a_list(string text, double[] expected)
    {
        Assert.Null(CostOfLateIntervention.ParseReductions(text, out var percents));
        Assert.Equal(expected.Select(e => (decimal)e), percents);
    }

    [Theory]
    [InlineData("1, five", "The reduction five must be a percentage more than 0 and up to 100, like 1 or 2.5")]
    [InlineData("0", "The reduction 0 must be a percentage more than 0 and up to 100, like 1 or 2.5")]
    [InlineData("100.01", "The reduction 100.01 must be a percentage more than 0 and up to 100, like 1 or 2.5")]
    [InlineData("1 2 3 4 5 6 7 8 9 10 11", "Enter no more than 10 reductions")]
    public void Wrong_reductions_are_refused_with_a_reason(string text, string message)
    {
        Assert.Equal(message, CostOfLateIntervention.ParseReductions(text, out _));
    }

    [Theory]
    [InlineData(44_878_149, "£44,878,149", "44878149")]
    [InlineData(448_781.49, "£448,781.49", "448781.49")]
    [InlineData(1_415.5, "£1,415.50", "1415.50")]
    [InlineData(106.16425, "£106.16425", "106.16425")]
    [InlineData(0, "£0", "0")]
    public void Amounts_show_every_figure_they_have(double amount, string pounds, string plain)
    {
        Assert.Equal(pounds, Amounts.Pounds((decimal)amount));
        Assert.Equal(plain, Amounts.Plain((decimal)amount));
        Assert.Equal(plain, Amounts.Plain(decimal.Parse(plain, System.Globalization.CultureInfo.InvariantCulture) * 1.000m));
    }
}
