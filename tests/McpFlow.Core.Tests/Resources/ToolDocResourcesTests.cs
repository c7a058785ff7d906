using McpFlow.Core.Groups;
using McpFlow.Core.Tests.Support;
using McpFlow.Testing;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpFlow.Core.Tests.Resources;

/// <summary>Only the tools a server lists have their page served and offered (here: the core group and a test group).</summary>
public sealed class ToolDocResourcesTests : McpServerTestBase
{
    protected override IReadOnlyList<IToolGroup> Groups => [new TestToolGroup()];

    [Fact]
    public async Task PageOfAListedTool_IsServed()
    {
        var result = await Client.ReadResourceAsync("mcpflow://docs/tools/job_status");

        result.Contents.OfType<TextResourceContents>().Single().Text.Should().StartWith("# job_status\n");
    }

    [Fact]
    public async Task PageOfATool_ThisServerDoesNotList_IsNotFound()
    {
        Func<Task> act = async () => await Client.ReadResourceAsync("mcpflow://docs/tools/data_query");

        (await act.Should().ThrowAsync<McpException>()).Which.Message.Should().Contain("No tool named 'data_query' on this server")
            .And.Contain("e.g. mcpflow://docs/tools/job_cancel");
    }

    [Fact]
    public async Task Completions_OfferTheListedToolsWithAPage()
    {
        var result = await Client.CompleteAsync(new ResourceTemplateReference { Uri = "mcpflow://docs/tools/{name}" }, "name", "");

        result.Completion.Values.Should().Equal("job_cancel", "job_list", "job_status", "server_info");
    }
}
