using System.Globalization;
using McpFlow.Core.Storage;
using McpFlow.Data.Parsing;

namespace McpFlow.Data.Tests.Parsing;

public sealed class NumberSyntaxTests
{
    private static double? Read(string text, char decimalSeparator) =>
        ParsingSql.Scalar($"SELECT {NumberSyntax.Parse(SqlQuote.Literal(text), decimalSeparator, 0.01)}") is { } v ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : null;

    // Expected values written by hand from the cases: "262,27" is 262.27 with a decimal comma (the old to_number
    // gave 26227), "1.281,28" is 1281.28 (old: 1.28128), "€10,62" is 10.62 (old: NULL), "5%" is the fraction 0.05.
    [Theory]
    [InlineData("262,27", ',', 262.27)]
    [InlineData("1.281,28", ',', 1281.28)]
    [InlineData("€10,62", ',', 10.62)]
    [InlineData("10,62 €", ',', 10.62)]
    [InlineData("EUR 1.000.000,5", ',', 1000000.5)]
    [InlineData("12,5%", ',', 0.125)]
    [InlineData("(1.234,50)", ',', -1234.5)]
    [InlineData("-3,5", ',', -3.5)]
    [InlineData("5%", '.', 0.05)]
    [InlineData("1,281.28", '.', 1281.28)]
    [InlineData("$1,234", '.', 1234)]
    [InlineData("1 234 567,8", ',', 1234567.8)]
    [InlineData("42", ',', 42)]
    public void Parse_ReadsEuropeanAndAmericanNumbers_UnderTheColumnsConvention(string text, char separator, double expected) =>
        Read(text, separator).Should().BeApproximately(expected, 1e-9);

    // Values that do not fit the chosen convention become NULL instead of a wrong number.
    [Theory]
    [InlineData("1.281,28", '.')]
    [InlineData("1,281.28", ',')]
    [InlineData("12,34,56", '.')]
    [InlineData("abc", ',')]
    [InlineData("1.2.3", ',')]
    public void Parse_GivesNull_WhenTheValueDoesNotFitTheConvention(string text, char separator) =>
        Read(text, separator).Should().BeNull();

    private static NumberReading Decide(params string[] values) =>
        ParsingSql.WithValues(values, c => NumberFormatDetector.Detect(c, "t", "v")).Decide();

    [Fact]
    public void Decide_PicksTheDecimalComma_WhenSomeValuesReadOnlyThatWay()
    {
        // "262,27" and "1.281,28" read only with a decimal comma; "1.234" alone is ambiguous and follows them.
        var reading = Decide("262,27", "1.281,28", "€10,62", "1.234", "7");
        reading.Status.Should().Be("decided");
        reading.DecimalSeparator.Should().Be(',');
        reading.Evidence.CommaDecimal.Should().Be(3);
        reading.Evidence.Ambiguous.Should().Be(1);
        reading.Evidence.Currency.Should().Be(1);
        reading.Statement.Should().Contain("decimal separator ',' (comma)");
    }

    [Fact]
    public void Decide_RefusesToGuess_WhenEveryGroupedValueReadsBothWays()
    {
        var reading = Decide("1,234", "2,500", "17");
        reading.Status.Should().Be("ambiguous");
        reading.IsDecided.Should().BeFalse();
        reading.Evidence.Ambiguous.Should().Be(2);
    }

    // The worked examples quote the column's own ambiguous value, read both ways by hand: '1.250' is 1.25 with a
    // decimal point and 1250 with '.' grouping thousands; '1,234' is 1.234 with a decimal comma and 1234 otherwise.
    [Theory]
    [InlineData("1.250", "2.500", "'1.250' = 1.25", "'1.250' = 1250")]
    [InlineData("1,234", "2,500", "'1,234' = 1234", "'1,234' = 1.234")]
    [InlineData("-1.250", "7.500", "'-1.250' = -1.25", "'-1.250' = -1250")]
    public void AmbiguousReading_ReadsTheColumnsOwnExampleBothWays(string first, string second, string dotDecimal, string commaDecimal)
    {
        var reading = Decide(first, second, "17");
        reading.Status.Should().Be("ambiguous");
        reading.Evidence.AmbiguousReading('.').Should().Be(dotDecimal);
        reading.Evidence.AmbiguousReading(',').Should().Be(commaDecimal);
        reading.Statement.Should().Contain(first.Contains(',', StringComparison.Ordinal) ? dotDecimal : commaDecimal, "the grouping reading is stated first")
            .And.Contain(first.Contains(',', StringComparison.Ordinal) ? commaDecimal : dotDecimal);
    }

    [Fact]
    public void Decide_ReportsConflict_WhenBothConventionsOccur()
    {
        var reading = Decide("1,5", "2,25", "3.75");
        reading.Status.Should().Be("conflict");
        reading.Majority.Should().Be(',');
    }

    [Fact]
    public void Detect_CountsLeadingZeroCodes_SoPostalCodesAreNotNumbers()
    {
        var evidence = ParsingSql.WithValues(["01234", "75001", "00100"], c => NumberFormatDetector.Detect(c, "t", "v"));
        evidence.LeadingZeros.Should().Be(2);
        evidence.DigitsOnly.Should().Be(3);
    }
}
