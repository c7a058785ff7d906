using McpFlow.Core.Groups;
using McpFlow.Testing;

namespace McpFlow.Server.Tests.Catalogue;

/// <summary>The tool names the options loader validates against are exactly the tools the server lists.</summary>
public sealed class ToolNamesTests : McpServerTestBase
{
    protected override IReadOnlyList<IToolGroup> Groups => ToolGroups.All();

    [Fact]
    public async Task ToolNames_AreTheToolsTheServerListsWithAllGroups()
    {
        var listed = (await Client.ListToolsAsync()).Select(t => t.Name);

        ToolGroups.ToolNames().Keys.Should().BeEquivalentTo(listed);
        ToolGroups.ToolNames()["data_query"].Should().Be("data");
        ToolGroups.ToolNames()["job_status"].Should().Be("core");
    }
}
