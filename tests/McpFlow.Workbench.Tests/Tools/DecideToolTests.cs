using McpFlow.Testing;

namespace McpFlow.Workbench.Tests.Tools;

public sealed class DecideToolTests : WorkbenchServerTestBase
{
    [Fact]
    public async Task Decide_ApprovesWithEdits_AndRejectsWithFeedback()
    {
        var a = await RecordAsync("A");
        var b = await RecordAsync("B");
        var approved = await DecideAsync(a, "approve_with_edits", interpretation: "RMSE 1.5; fine for a baseline.");
        State(approved).Should().Be("APPROVED");
        approved.Structured().GetProperty("approval").GetProperty("interpretation").GetString().Should().Be("RMSE 1.5; fine for a baseline.");
        var rejected = await DecideAsync(b, "reject", feedback: "use a temporal split");
        State(rejected).Should().Be("REJECTED");
        rejected.Text().Should().Contain($"rerun_of=\"{b}\"");
        var card = await CallOkAsync("workbench_run_card", new { run_id = a });
        card.Text().Should().Contain("### Approved interpretation\nRMSE 1.5; fine for a baseline.");
    }

    [Fact]
    public async Task Decide_RefusesAnUnknownDecision_AndARejectionWithoutFeedback()
    {
        var runId = await RecordAsync();
        (await CallAsync("workbench_decide", new { run_id = runId, decision = "maybe" })).Text().Should().Contain("Unknown decision 'maybe'");
        (await CallAsync("workbench_decide", new { run_id = runId, decision = "reject" })).Text().Should().Contain("A rejection needs feedback");
    }
}
