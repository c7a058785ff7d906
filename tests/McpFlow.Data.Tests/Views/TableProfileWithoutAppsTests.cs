using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Data.Tests.Views;

/// <summary>A client without the MCP Apps extension gets the data group's answers as before the table profile view.</summary>
public sealed class TableProfileWithoutAppsTests : DataServerTestBase
{
    [Fact]
    public async Task ToolsList_IsTheServersToolsUnchanged()
    {
        // Expected: the server's own tool objects (no filter involved) serialized the same way.
        var server = Services.GetRequiredService<IOptions<McpServerOptions>>().Value.ToolCollection!
            .ToDictionary(t => t.ProtocolTool.Name, t => JsonSerializer.Serialize(t.ProtocolTool, McpJsonUtilities.DefaultOptions));
        var listed = (await Client.ListToolsAsync()).ToList();
        listed.Should().HaveCount(server.Count);
        foreach (var tool in listed)
            JsonSerializer.Serialize(tool.ProtocolTool, McpJsonUtilities.DefaultOptions).Should().Be(server[tool.Name]);
        listed.Should().OnlyContain(t => t.ProtocolTool.Meta == null);
    }

    [Fact]
    public async Task ResourcesList_LeavesTheViewOut()
    {
        (await Client.ListResourcesAsync()).Should().NotContain(r => r.Uri.StartsWith("ui://", StringComparison.Ordinal));
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
