using McpFlow.Core.Configuration;
using McpFlow.Core.Groups;
using McpFlow.Core.Tests.Support;
using McpFlow.Testing;

namespace McpFlow.Core.Tests.Mcp;

public sealed class ReadOnlyFilterTests : McpServerTestBase
{
    protected override IReadOnlyList<IToolGroup> Groups => [new TestToolGroup()];

    protected override void ConfigureOptions(McpFlowOptions options) => options.ReadOnly = true;

    [Fact]
    public async Task ReadOnlyMode_ListsOnlyReadOnlyTools_AndRefusesOthers()
    {
        var tools = (await Client.ListToolsAsync()).Select(t => t.Name).ToList();

        tools.Should().Contain(["server_info", "job_status", "job_list", "test_fail"]);
        tools.Should().NotContain("test_write").And.NotContain("job_cancel");
        var act = () => CallAsync("test_write");
        await act.Should().ThrowAsync<ModelContextProtocol.McpException>();
    }
}
