using McpFlow.Testing;

namespace McpFlow.Workbench.Tests.Tools;

public sealed class ListRunsToolTests : WorkbenchServerTestBase
{
    [Fact]
    public async Task List_ShowsRunsWithStates_FilteredByExperimentAndState()
    {
        var a = await RecordAsync("A", experiment: "one");
        var b = await RecordAsync("B", experiment: "two");
        await DecideAsync(b, "approve");
        var all = await CallOkAsync("workbench_list_runs");
        all.Structured().GetProperty("runs").GetArrayLength().Should().Be(2);
        all.Text().Should().Contain($"{a} [REVIEWED] A (one)").And.Contain($"{b} [APPROVED] B (two)");
        var approved = await CallOkAsync("workbench_list_runs", new { state = "approved" });
        approved.Structured().GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("runId").GetString()).Should().Equal(b);
        var one = await CallOkAsync("workbench_list_runs", new { experiment = "one" });
        one.Structured().GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("runId").GetString()).Should().Equal(a);
    }

    [Fact]
    public async Task List_RefusesAnUnknownState()
    {
        var result = await CallAsync("workbench_list_runs", new { state = "done" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("Unknown run state 'done'");
    }
}
