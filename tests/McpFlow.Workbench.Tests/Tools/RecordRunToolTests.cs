using McpFlow.Testing;

namespace McpFlow.Workbench.Tests.Tools;

public sealed class RecordRunToolTests : WorkbenchServerTestBase
{
    [Fact]
    public async Task Record_CopiesOutputsIntoARunFolder_AndSelfReviewsThem()
    {
        var result = await CallOkAsync("workbench_record_run", new
        {
            title = "Ridge alpha=1",
            output_files = new[] { Artifacts.Write(DataRoot, "m.csv", "a,b\n1,2\n"), Artifacts.LinePng(DataRoot) },
            summary = "R2 0.91 and RMSE 1.23.",
            metrics = new Dictionary<string, double> { ["r2"] = 0.91, ["rmse"] = 1.23 },
            experiment = "ridge",
            parameters = new { alpha = 1.0, api_token = "secret-value" },
        });
        State(result).Should().Be("REVIEWED");
        var s = result.Structured();
        s.GetProperty("checksPassed").GetInt32().Should().Be(6);
        var folder = s.GetProperty("folder").GetString()!;
        File.ReadAllText(Path.Combine(folder, "outputs", "m.csv")).Should().Be("a,b\n1,2\n");
        File.ReadAllText(Path.Combine(folder, "manifest.json")).Should().Contain("\"api_token\": \"[redacted]\"").And.NotContain("secret-value");
        result.Text().Should().Contain("self-review 6/6 checks passed");
    }

    [Fact]
    public async Task Record_ReportsFailedChecks_ForABlankFigureAndAWrongSummary()
    {
        var result = await CallOkAsync("workbench_record_run", new
        {
            title = "Bad",
            output_files = new[] { Artifacts.BlankPng(DataRoot) },
            summary = "Accuracy 0.99.",
            metrics = new Dictionary<string, double> { ["accuracy"] = 0.81 },
        });
        result.Text().Should().Contain("self-review 4/6 checks passed").And.Contain("figures_not_blank: blank.png is blank")
            .And.Contain("summary_matches_metrics: the summary says accuracy 0.99 but the metric accuracy = 0.81");
    }

    [Fact]
    public async Task Record_ReExecutesARejectedRun_CarryingTheFeedbackIntoTheNextAttempt()
    {
        var runId = await RecordAsync(rmse: 2.0);
        await DecideAsync(runId, "reject", feedback: "use a temporal split");
        var rerun = await CallOkAsync("workbench_record_run", new
        {
            title = "Ridge, temporal split",
            output_files = new[] { Artifacts.Write(DataRoot, "o.csv", "a\n1\n") },
            summary = "RMSE 1.1 with a temporal split.",
            metrics = new Dictionary<string, double> { ["rmse"] = 1.1 },
            rerun_of = runId,
        });
        RunId(rerun).Should().Be(runId);
        State(rerun).Should().Be("REVIEWED");
        rerun.Structured().GetProperty("attempt").GetInt32().Should().Be(2);
        var card = await CallOkAsync("workbench_run_card", new { run_id = runId });
        card.Text().Should().Contain("attempt 2").And.Contain("This attempt addresses the feedback: \"use a temporal split\"");
        File.Exists(Path.Combine(WorkspaceRoot, "runs", runId, "attempts", "1", "outputs", "predictions.csv")).Should().BeTrue();
    }

    [Fact]
    public async Task Record_RefusesAnOutputThatDoesNotExist()
    {
        var result = await CallAsync("workbench_record_run", new { title = "x", output_files = new[] { "nope.csv" }, summary = "s" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("workbench_record_run: File 'nope.csv' does not exist");
    }

    [Fact]
    public async Task Record_RefusesToReExecuteARunThatWasNotRejected()
    {
        var runId = await RecordAsync();
        var result = await CallAsync("workbench_record_run", new { title = "x", output_files = new[] { Artifacts.Write(DataRoot, "o.csv", "a\n1\n") }, summary = "s", rerun_of = runId });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain($"Run {runId} is REVIEWED; only REJECTED or STALE runs are re-executed.");
    }

    [Fact]
    public async Task Record_KeepsTheMlflowRunItMade_ForTheModelGate_AndRefusesAMalformedId()
    {
        var output = Artifacts.Write(DataRoot, "o.csv", "a\n1\n");
        var result = await CallOkAsync("workbench_record_run", new { title = "sklearn GBM", output_files = new[] { output }, summary = "AUC 0.99.", mlflow_run_id = "0f3c9a5e8b1d4e2f9a7c6b5d4e3f2a1b" });
        var bad = await CallAsync("workbench_record_run", new { title = "x", output_files = new[] { output }, summary = "s", mlflow_run_id = "../../etc" });

        var manifest = File.ReadAllText(Path.Combine(result.Structured().GetProperty("folder").GetString()!, "manifest.json"));
        manifest.Should().Contain("\"trackingRunId\": \"0f3c9a5e8b1d4e2f9a7c6b5d4e3f2a1b\"");
        bad.IsError.Should().BeTrue();
        bad.Text().Should().Contain("mlflow_run_id '../../etc' is not a MLflow run id");
    }
}
