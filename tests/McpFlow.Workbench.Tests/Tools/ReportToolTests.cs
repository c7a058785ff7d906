using McpFlow.Testing;

namespace McpFlow.Workbench.Tests.Tools;

public sealed class ReportToolTests : WorkbenchServerTestBase
{
    [Fact]
    public async Task Report_ContainsOnlyApprovedInterpretations()
    {
        var approved = await RecordAsync("alpha=1", rmse: 1.25, summary: "RMSE 1.25, draft text.");
        var rejected = await RecordAsync("alpha=10", rmse: 2.0, summary: "RMSE 2.0, SECRET DRAFT.");
        var pending = await RecordAsync("alpha=0.1", rmse: 1.5, summary: "RMSE 1.5, PENDING DRAFT.");
        await DecideAsync(approved, "approve_with_edits", interpretation: "Alpha 1 is the best trade-off (RMSE 1.25).");
        await DecideAsync(rejected, "reject", feedback: "too strong");

        var result = await CallOkAsync("workbench_report", new { title = "Ridge sweep", experiment = "sweep" });
        var path = result.Structured().GetProperty("path").GetString()!;
        var markdown = File.ReadAllText(path);
        markdown.Should().Contain("# Ridge sweep").And.Contain("Alpha 1 is the best trade-off (RMSE 1.25).")
            .And.NotContain("draft text").And.NotContain("SECRET DRAFT").And.NotContain("PENDING DRAFT")
            .And.Contain($"- `{rejected}`: REJECTED").And.Contain($"- `{pending}`: REVIEWED");
        result.Structured().GetProperty("included").EnumerateArray().Select(e => e.GetString()).Should().Equal(approved);
    }

    [Fact]
    public async Task Report_IsRefused_WhenANamedRunIsNotApproved_OrNothingIsApproved()
    {
        var runId = await RecordAsync();
        var named = await CallAsync("workbench_report", new { title = "R", run_ids = new[] { runId } });
        named.IsError.Should().BeTrue();
        named.Text().Should().Contain($"'final_report' is gated and run {runId} is REVIEWED, not APPROVED.");
        (await CallAsync("workbench_report", new { title = "R" })).Text().Should().Contain("No APPROVED run to report");
    }

    [Fact]
    public async Task Report_CannotBeObtainedByHandEditingTheApprovalRecords()
    {
        var runId = await RecordAsync();
        var folder = Path.Combine(WorkspaceRoot, "runs", runId);
        var manifest = Path.Combine(folder, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"state\": \"REVIEWED\"", "\"state\": \"APPROVED\"", StringComparison.Ordinal));
        var result = await CallAsync("workbench_report", new { title = "R", run_ids = new[] { runId } });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain($"Run {runId} cannot be trusted: manifest.json");
    }
}
