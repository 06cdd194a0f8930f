using EarlyHelp.Core.Casework;

namespace EarlyHelp.Core.Tests.Casework;

public class IdentifierTests
{
    [Theory]
    [InlineData("9434765919")]
    [InlineData("943 476 5919")]
    [InlineData("943-476-5919")]
    [InlineData("4010232137")]
    public void Valid_NHS_numbers_pass_the_modulus_11_check(string value) => Assert.True(NhsNumber.IsValid(value, out _));

    [Theory]
    [InlineData("9434765918", "NHS number is not valid: check the digits")]
    [InlineData("943476591", "NHS number must be 10 digits, like 943 476 5919")]
    [InlineData("94347659A9", "NHS number must be 10 digits, like 943 476 5919")]
    [InlineData("", "Enter an NHS number")]
    public void Invalid_NHS_numbers_say_what_is_wrong(string value, string expected)
    {
        Assert.False(NhsNumber.IsValid(value, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void A_number_whose_check_digit_would_be_10_is_never_valid()
    {
        // 000000006 weighs 6 × 2 = 12; 12 mod 11 = 1; 11 − 1 = 10: no check digit can be right.
        for (var d = 0; d <= 9; d++)
        {
            Assert.False(NhsNumber.IsValid($"000000006{d}", out _));
        }
    }

    [Fact]
    public void Unique_pupil_numbers_carry_their_check_letter()
    {
        var body = "820200109001";
        var upn = UniquePupilNumber.CheckLetter(body) + body;
        Assert.True(UniquePupilNumber.IsValid(upn, out _));
        Assert.True(UniquePupilNumber.IsValid(upn.ToLowerInvariant(), out _));

        var wrong = (upn[0] == 'A' ? 'B' : 'A') + body;
        Assert.False(UniquePupilNumber.IsValid(wrong, out var error));
        Assert.Equal("Unique Pupil Number is not valid: check the characters", error);
    }

    [Fact]
    public void Temporary_UPNs_end_in_a_letter()
    {
        var body = "82020010900A";
        Assert.True(UniquePupilNumber.IsValid(UniquePupilNumber.CheckLetter(body) + body, out _));
        Assert.False(UniquePupilNumber.IsValid("I820200109001", out var error));
        Assert.StartsWith("Unique Pupil Number must be", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_check_letter_is_the_weighted_sum_modulo_23()
    {
        // 1×2 + 2×3 + ... + 9×10 + 0×11 + 1×12 + 2×13 = 368 = 16 × 23, remainder 0: the letter A.
        Assert.Equal('A', UniquePupilNumber.CheckLetter("123456789012"));
        // One more in the last place adds 13: remainder 13, the letter P (I and O are skipped).
        Assert.Equal('P', UniquePupilNumber.CheckLetter("123456789013"));
    }

    [Theory]
    [InlineData("100071234567", true)]
    [InlineData("1", true)]
    [InlineData(" 200003456789 ", true)]
    [InlineData("", false)]
    [InlineData("0000", false)]
    [InlineData("1000712345678", false)] // 13 digits
    [InlineData("10007123456A", false)]
    public void A_UPRN_is_up_to_12_digits(string value, bool valid)
    {
        Assert.Equal(valid, Uprn.IsValid(value, out var error));
        Assert.Equal(valid, error.Length == 0);
    }
}
