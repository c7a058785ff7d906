using McpFlow.Core.Errors;
using McpFlow.Core.Storage;

namespace McpFlow.Core.Tests.Storage;

public sealed class SqlQuoteTests
{
    [Theory]
    [InlineData("customers", "\"customers\"")]
    [InlineData("a\"b", "\"a\"\"b\"")]
    [InlineData("year', \"ts\")::DOUBLE + error(1) + date_part('year", "\"year', \"\"ts\"\")::DOUBLE + error(1) + date_part('year\"")]
    public void Id_DoublesQuotes(string name, string expected) => SqlQuote.Id(name).Should().Be(expected);

    [Fact]
    public void Literal_DoublesSingleQuotes_AndRefusesNul()
    {
        SqlQuote.Literal("it's").Should().Be("'it''s'");
        ((Action)(() => SqlQuote.Literal("a\0b"))).Should().Throw<McpFlowException>();
        ((Action)(() => SqlQuote.Id(""))).Should().Throw<McpFlowException>();
    }

    [Fact]
    public void Number_RefusesNonFinite()
    {
        SqlQuote.Number(0.1).Should().Be("0.1");
        ((Action)(() => SqlQuote.Number(double.NaN))).Should().Throw<McpFlowException>();
        ((Action)(() => SqlQuote.Number(double.PositiveInfinity))).Should().Throw<McpFlowException>();
    }

    [Fact]
    public void Keyword_ReturnsTheListSpelling_OrNamesTheField()
    {
        SqlQuote.Keyword("YEAR", ["year", "month"], "features.dateParts").Should().Be("year");
        var act = () => SqlQuote.Keyword("year', x) + error(1) + date_part('year", ["year", "month"], "features.dateParts");
        act.Should().Throw<McpFlowException>().WithMessage("features.dateParts*not allowed*year, month*");
    }
}
