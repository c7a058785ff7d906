using McpFlow.Core.Storage;
using McpFlow.Data.Parsing;

namespace McpFlow.Data.Tests.Parsing;

public sealed class DateEvidenceTests
{
    private static DateReading Decide(params string[] values) =>
        ParsingSql.WithValues(values, c => DateFormatDetector.Detect(c, "t", "v")).Decide();

    private static string? Parse(string value, DateReading reading) =>
        ParsingSql.Scalar($"SELECT strftime({DateSyntax.Parse(SqlQuote.Literal(value), reading.Formats)}, '%Y-%m-%d')") as string;

    [Fact]
    public void Decide_ReadsNumericDatesDayFirst_WhenAFirstFieldAbove12Decides()
    {
        // 25/03/2024 can only be day-first; 03/04/2024 then reads as 3 April (not 4 March); "Mar 5, 2024" and ISO coexist.
        var reading = Decide("25/03/2024", "03/04/2024", "2024-03-25", "Mar 5, 2024", "05 Mar 2024");
        reading.Status.Should().Be("decided");
        reading.Order.Should().Be("day-first");
        Parse("03/04/2024", reading).Should().Be("2024-04-03");
        Parse("25/03/2024", reading).Should().Be("2024-03-25");
        Parse("2024-03-25", reading).Should().Be("2024-03-25");
        Parse("Mar 5, 2024", reading).Should().Be("2024-03-05");
        Parse("05 Mar 2024", reading).Should().Be("2024-03-05");
    }

    [Fact]
    public void Decide_ReadsNumericDatesMonthFirst_WhenASecondFieldAbove12Decides()
    {
        var reading = Decide("03/25/2024", "03/04/2024");
        reading.Order.Should().Be("month-first");
        Parse("03/04/2024", reading).Should().Be("2024-03-04");
    }

    [Fact]
    public void Decide_RefusesToGuess_WhenNoValueDecidesTheOrder()
    {
        var reading = Decide("03/04/2024", "05/06/2024");
        reading.Status.Should().Be("ambiguous");
        reading.Formats.Should().BeEmpty();
    }

    [Fact]
    public void Decide_ReportsConflict_WhenBothOrdersOccur()
    {
        var reading = Decide("25/03/2024", "26/03/2024", "03/27/2024");
        reading.Status.Should().Be("conflict");
        reading.Majority.Should().Be("day-first");
    }
}
