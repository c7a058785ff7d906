using McpFlow.Core.Mcp;
using ModelContextProtocol.Protocol;

namespace McpFlow.Core.Tests.Mcp;

public sealed class ResultCapTests
{
    [Fact]
    public void Apply_LeavesResultsWithinTheCapUntouched()
    {
        var result = ToolResults.Create(new string('t', 1_000), new { rows = new string('s', 1_000) });

        ResultCap.Apply(result, "data_query", 5_000).Should().Be(((int?)null, (int?)null));
        result.Text().Should().HaveLength(1_000);
    }

    [Fact]
    public void Apply_CutsTextAcrossBlocks_ToTheCapIncludingTheNote()
    {
        var result = new CallToolResult { Content = [new TextContentBlock { Text = new string('a', 3_000) }, new TextContentBlock { Text = new string('b', 3_000) }] };

        var (text, _) = ResultCap.Apply(result, "data_query", 5_000);

        text.Should().Be(6_000);
        var blocks = result.Content.OfType<TextContentBlock>().ToList();
        blocks.Sum(b => b.Text.Length).Should().BeLessThanOrEqualTo(5_000);
        blocks[1].Text.Should().StartWith("bbb").And.Contain("[Cut: the text of data_query's result was 6,000 characters, over this server's cap of 5,000.");
    }

    [Fact]
    public void Apply_ReplacesOversizeStructuredContent_ByASummarySayingItWasCut()
    {
        var result = ToolResults.Create("ok", new { rows = new string('s', 10_000), page = 1 });

        var (_, structured) = ResultCap.Apply(result, "data_query", 5_000);

        structured.Should().Be(10_020); // {"rows":"<10,000 s>","page":1}: 9 + 10,000 + 11 characters
        var summary = result.StructuredContent!.Value;
        summary.GetRawText().Length.Should().BeLessThan(5_000);
        summary.GetProperty("truncated").GetBoolean().Should().BeTrue();
        summary.GetProperty("originalCharacters").GetInt32().Should().Be(10_020);
        summary.GetProperty("fieldCharacters").GetProperty("rows").GetInt32().Should().Be(10_002);
        summary.GetProperty("howToPage").GetString().Should().Contain("offset");
    }
}

file static class ResultText
{
    public static string Text(this CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(t => t.Text));
}
