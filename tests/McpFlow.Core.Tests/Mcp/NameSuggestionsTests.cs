using McpFlow.Core.Mcp;

namespace McpFlow.Core.Tests.Mcp;

public sealed class NameSuggestionsTests
{
    [Theory]
    [InlineData("max_row", "max_rows")]
    [InlineData("Limit", "limit")]
    [InlineData("timeout", "timeout_seconds")]
    [InlineData("ofset", "offset")]
    public void Nearest_FindsTheMeantName(string typo, string expected) =>
        NameSuggestions.Nearest(typo, ["sql", "format", "max_rows", "offset", "timeout_seconds", "limit"]).Should().Be(expected);

    [Fact]
    public void Nearest_IsNull_WhenNothingIsClose() =>
        NameSuggestions.Nearest("zzzzzz", ["sql", "format"]).Should().BeNull();
}
