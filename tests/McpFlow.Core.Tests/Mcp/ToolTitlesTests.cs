using McpFlow.Core.Groups;
using McpFlow.Testing;

namespace McpFlow.Core.Tests.Mcp;

public sealed class ToolTitlesTests : McpServerTestBase
{
    protected override IReadOnlyList<IToolGroup> Groups => [];

    [Fact]
    public async Task EachTitle_IsSentOnce_InTheAnnotations()
    {
        var tool = (await Client.ListToolsAsync()).Single(t => t.Name == "job_status").ProtocolTool;

        tool.Title.Should().BeNull();
        tool.Annotations!.Title.Should().Be("Background job status");
    }
}
