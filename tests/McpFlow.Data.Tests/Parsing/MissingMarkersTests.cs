using McpFlow.Core.Errors;
using McpFlow.Core.Storage;
using McpFlow.Data.Parsing;

namespace McpFlow.Data.Tests.Parsing;

public sealed class MissingMarkersTests
{
    [Theory]
    [InlineData("N/A")]
    [InlineData(" n/a ")]
    [InlineData("-")]
    [InlineData("NULL")]
    [InlineData("")]
    [InlineData("\u00A0")]
    public void Default_TreatsTheIssuesMarkersAsMissing(string value)
    {
        MissingMarkers.Default.IsMarker(value).Should().BeTrue();
        ParsingSql.Scalar($"SELECT {MissingMarkers.Default.Nulled(SqlQuote.Literal(value))}").Should().BeNull();
    }

    [Theory]
    [InlineData("Na")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("none of them")]
    public void Default_KeepsRealValues(string value)
    {
        MissingMarkers.Default.IsMarker(value).Should().BeFalse();
        ParsingSql.Scalar($"SELECT {MissingMarkers.Default.Nulled(SqlQuote.Literal(value))}").Should().Be(value);
    }

    [Fact]
    public void From_MeansDefaultForNull_AndNoneForAnEmptyList()
    {
        MissingMarkers.From(null, "missing_markers").Should().BeSameAs(MissingMarkers.Default);
        MissingMarkers.From([], "missing_markers").IsEmpty.Should().BeTrue();
        MissingMarkers.From(["unknown", " ?? "], "missing_markers").Values.Should().Equal("unknown", "??");
    }

    [Fact]
    public void From_RefusesTooManyMarkers_NamingTheParameter()
    {
        var act = () => MissingMarkers.From(Enumerable.Range(0, MissingMarkers.MaxCount + 1).Select(i => (string?)i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(), "missing_markers");
        act.Should().Throw<McpFlowException>().WithMessage("missing_markers has 51 entries*");
    }
}
