using McpFlow.Workbench.Tests.Tools;
using ModelContextProtocol.Protocol;

namespace McpFlow.Workbench.Tests.Prompts;

public sealed class WorkbenchPromptsTests : WorkbenchServerTestBase
{
    private static string Text(GetPromptResult result) => string.Concat(result.Messages.Select(m => (m.Content as TextContentBlock)?.Text));

    [Fact]
    public async Task Prompts_GuideTheLoop_AndPresentARunsCard()
    {
        var prompts = await Client.ListPromptsAsync();
        prompts.Select(p => p.Name).Should().BeEquivalentTo(["workbench_loop", "workbench_present_run", "workbench_final_report"]);
        var loop = await Client.GetPromptAsync("workbench_loop", new Dictionary<string, object?> { ["step"] = "train ridge", ["experiment"] = "sweep" });
        Text(loop).Should().Contain("train ridge").And.Contain("workbench_request_approval").And.Contain("experiment=\"sweep\"");
        var runId = await RecordAsync("alpha=1");
        var present = await Client.GetPromptAsync("workbench_present_run", new Dictionary<string, object?> { ["run_id"] = runId });
        Text(present).Should().Contain($"workbench_request_approval run_id=\"{runId}\"").And.Contain("## alpha=1");
    }
}
