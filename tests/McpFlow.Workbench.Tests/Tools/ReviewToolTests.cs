using McpFlow.Testing;

namespace McpFlow.Workbench.Tests.Tools;

public sealed class ReviewToolTests : WorkbenchServerTestBase
{
    [Fact]
    public async Task Review_RunsTheChecksAgainOnAReviewedRun()
    {
        var runId = await RecordAsync();
        var result = await CallOkAsync("workbench_review", new { run_id = runId });
        result.Text().Should().StartWith($"Run {runId}: 6/6 self-review checks passed; state REVIEWED.");
        result.Structured().GetProperty("review").GetProperty("checks").GetArrayLength().Should().Be(6);
    }

    [Fact]
    public async Task Review_RefusesAnApprovedRun()
    {
        var runId = await RecordAsync();
        await DecideAsync(runId, "approve");
        var result = await CallAsync("workbench_review", new { run_id = runId });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain($"Run {runId} is APPROVED; it cannot become REVIEWED.");
    }
}
