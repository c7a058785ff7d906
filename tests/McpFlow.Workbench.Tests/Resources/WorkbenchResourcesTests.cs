using McpFlow.Workbench.Tests.Tools;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpFlow.Workbench.Tests.Resources;

public sealed class WorkbenchResourcesTests : WorkbenchServerTestBase
{
    private static string Text(ReadResourceResult result) => string.Concat(result.Contents.OfType<TextResourceContents>().Select(c => c.Text));

    [Fact]
    public async Task Resources_ExposeTheRunListCardsAndComparisonTables()
    {
        var runId = await RecordAsync("alpha=1", rmse: 1.25);
        Text(await Client.ReadResourceAsync("mcpflow://workbench/runs")).Should().Contain($"\"runId\": \"{runId}\"").And.Contain("\"state\": \"REVIEWED\"");
        Text(await Client.ReadResourceAsync($"mcpflow://workbench/runs/{runId}/card")).Should().Contain("## alpha=1").And.Contain("| rmse | 1.25 |");
        Text(await Client.ReadResourceAsync("mcpflow://workbench/comparisons/sweep")).Should().Contain($"| **`{runId}`** | alpha=1 | REVIEWED | 6/6 | 1 | 1.25 |");
        var templates = await Client.ListResourceTemplatesAsync();
        templates.Select(t => t.UriTemplate).Should().Contain(["mcpflow://workbench/runs/{run_id}/card", "mcpflow://workbench/comparisons/{experiment}"]);
    }

    [Fact]
    public async Task Resources_ReportAnUnknownRunWithAnActionableMessage()
    {
        var act = async () => await Client.ReadResourceAsync("mcpflow://workbench/runs/run-20200101-000000-abcdef/card");
        (await act.Should().ThrowAsync<McpException>()).Which.Message.Should().Contain("Run run-20200101-000000-abcdef does not exist.");
    }
}
