using EarlyHelp.Core.Value;

namespace EarlyHelp.Core.Tests.Value;

/// <summary>The rules for the figures of a line, which the CSV reader and the web page share.</summary>
public class UnitCostTextTests
{
    [Theory]
    [InlineData("730", 730)]
    [InlineData(" £1,415.50 ", 1415.50)]
    [InlineData("£ 15000", 15000)]
    [InlineData("0", 0)]
    [InlineData("100000000", 100000000)]
    [InlineData("0000000000012", 12)]
    public void Amounts_in_pounds_are_read(string text, double expected)
    {
        Assert.Null(UnitCostText.ParsePounds(text, "the value", out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("", "Enter the value")]
    [InlineData("  ", "Enter the value")]
    [InlineData("-5", "The value must be £0 or more")]
    [InlineData("1.234", "The value must have no more than 2 decimal places")]
    [InlineData("1,41,5", "The value must be an amount in pounds, like 730 or 1415.50")]
    [InlineData("1415.", "The value must be an amount in pounds, like 730 or 1415.50")]
    [InlineData("twelve", "The value must be an amount in pounds, like 730 or 1415.50")]
    [InlineData("100000000.01", "The value must be £100,000,000 or less")]
    [InlineData("99999999999999999999999999999999", "The value must be £100,000,000 or less")]
    public void Wrong_amounts_are_refused_with_a_reason(string text, string message)
    {
        Assert.Equal(message, UnitCostText.ParsePounds(text, "the value", out _));
    }

    [Theory]
    [InlineData("1140", 1140)]
    [InlineData("1,661", 1661)]
    [InlineData("", null)]
    [InlineData("100000000", 100000000)]
    public void Numbers_a_year_are_read_and_blank_means_not_known(string text, int? expected)
    {
        Assert.Null(UnitCostText.ParseNumber(text, "the number", out var number));
        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData("12.5", "The number must be a whole number, like 1140, or blank if it is not known")]
    [InlineData("Not available", "The number must be a whole number, like 1140, or blank if it is not known")]
    [InlineData("-1", "The number must be 0 or more")]
    [InlineData("100000001", "The number must be 100,000,000 or less")]
    [InlineData("99999999999", "The number must be 100,000,000 or less")]
    public void Wrong_numbers_are_refused_with_a_reason(string text, string message)
    {
        Assert.Equal(message, UnitCostText.ParseNumber(text, "the number", out _));
    }

    [Fact]
    public void A_line_is_checked_whole_with_the_subjects_the_caller_gives()
    {
        var text = new UnitCostText { CostItem = " LAC ", ValuePerChild = "lots", NumberPerYear = "487", Note = new string('x', UnitCostText.NoteLength + 1) };
        var problems = new List<(UnitCostField, string)>();

        Assert.Null(text.Parse(f => $"the {f} for LAC", problems));
        Assert.Equal(
            [
                (UnitCostField.Note, "The Note for LAC must be 1,000 characters or fewer"),
                (UnitCostField.ValuePerChild, "The ValuePerChild for LAC must be an amount in pounds, like 730 or 1415.50"),
            ],
            problems);
    }

    [Fact]
    public void A_good_line_is_trimmed_and_blank_text_is_null()
    {
        var text = new UnitCostText { CostItem = " LAC ", ValuePerChild = "66064", NumberPerYear = "", WhoBearsIt = "  " };
        var problems = new List<(UnitCostField, string)>();

        Assert.Equal(new UnitCost { CostItem = "LAC", ValuePerChild = 66064m }, text.Parse(f => f.ToString(), problems));
        Assert.Empty(problems);
    }
}
