using McpFlow.Testing;
using ModelContextProtocol.Protocol;

namespace McpFlow.Data.Tests.Views;

/// <summary>A client without the MCP Apps extension gets the data group's answers as before the table profile view.</summary>
public sealed class TableProfileWithoutAppsTests : DataServerTestBase
{
    [Fact]
    public async Task ToolsList_IsTheServersToolsUnchanged()
    {
        await AppViewChecks.ToolsListShouldBeUnchanged(Client, Services);
    }

    [Fact]
    public async Task ResourcesList_LeavesTheViewOut()
    {
        await AppViewChecks.ViewsShouldBeHidden(Client);
    }

    [Fact]
    public async Task AnalyzeDataframe_AnswersWithoutAnyUiMetadata()
    {
        await LoadAsync(WriteFile("small.csv", "x,y\n1,2\n3,5\n4,4\n"));
        var result = await CallOkAsync("analyze_dataframe", new { table = "small" });
        (result.Meta ?? []).Should().NotContain(p => p.Key.StartsWith("ui", StringComparison.Ordinal));
        result.Content.OfType<TextContentBlock>().First().Text.Should().StartWith("small: 3 rows, 2 columns");
    }
}
