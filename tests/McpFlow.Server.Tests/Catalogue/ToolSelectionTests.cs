using McpFlow.Core.Configuration;
using McpFlow.Core.Groups;
using McpFlow.Testing;

namespace McpFlow.Server.Tests.Catalogue;

/// <summary><c>--tools</c> and <c>--exclude-tools</c> decide what is listed and callable.</summary>
public sealed class ToolSelectionTests : McpServerTestBase
{
    protected override IReadOnlyList<IToolGroup> Groups => ToolGroups.All();

    protected override void ConfigureOptions(McpFlowOptions options)
    {
        options.Tools = ["data_query", "data_describe_table", "data_export", "job_status"];
        options.ExcludeTools = ["data_export"];
    }

    [Fact]
    public async Task OnlyTheNamedTools_LessTheExcluded_AreListed_AndOthersCannotBeCalled()
    {
        var names = (await Client.ListToolsAsync()).Select(t => t.Name);

        names.Should().BeEquivalentTo("data_query", "data_describe_table", "job_status");
        var act = () => CallAsync("data_list_tables");
        await act.Should().ThrowAsync<ModelContextProtocol.McpException>();
    }
}
