using McpFlow.Core.Mcp.Completions;

namespace McpFlow.Core.Tests.Mcp.Completions;

public sealed class CompletionHandlerTests
{
    [Fact]
    public void Answer_PutsPrefixMatchesFirst_ThenOtherMatches_IgnoringCase()
    {
        var result = CompletionHandler.Answer(["sales_2024", "customers", "Sales", "old_sales", "sales_2024"], "sa");

        result.Completion.Values.Should().Equal("sales_2024", "Sales", "old_sales");
        result.Completion.Total.Should().Be(3);
        result.Completion.HasMore.Should().BeFalse();
    }

    [Fact]
    public void Answer_CapsTheValuesAtOneHundred_AndSaysThereAreMore()
    {
        var values = Enumerable.Range(0, 150).Select(i => $"job-{i:000}");

        var result = CompletionHandler.Answer(values, "");

        result.Completion.Values.Should().HaveCount(CompletionHandler.MaxValues);
        result.Completion.Total.Should().Be(150);
        result.Completion.HasMore.Should().BeTrue();
    }
}
