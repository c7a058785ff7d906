using System.Globalization;
using McpFlow.Core.Tracking;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Experiments.Tests.Tools;

public sealed class TrackingToolsTests : ExperimentsToolTestBase
{
    [Fact]
    public async Task LogRun_WritesAStepwiseRunThatGetRunReadsBack()
    {
        var logged = await CallOkAsync("mlflow_log_run", new
        {
            experiment = "demo", run_name = "first",
            @params = new Dictionary<string, string> { ["lr"] = "0.01" },
            metrics = new Dictionary<string, object> { ["acc"] = new[] { 0.5, 0.7, 0.8 }, ["loss"] = 0.3 },
        });
        var runId = logged.Structured().GetProperty("runId").GetString()!;

        var got = await CallOkAsync("mlflow_get_run", new { run_id = runId });

        got.Text().Should().Contain("acc: last 0.8 (3 points, steps 0-2, first 0.5, min 0.5, max 0.8)").And.Contain("lr=0.01");
        got.Structured().GetProperty("run").GetProperty("status").GetString().Should().Be("FINISHED");
        File.Exists(Path.Combine(WorkspaceRoot, "mlruns", "1", runId, "metrics", "acc")).Should().BeTrue();
    }

    [Fact]
    public async Task GetRun_WithAMetric_ListsItsPointsPageByPage()
    {
        // acc(i) = i / 1000 for 1,200 steps: pages of 500 start at 0, 500 and 1000.
        var values = Enumerable.Range(0, 1200).Select(i => i / 1000.0).ToArray();
        var runId = (await CallOkAsync("mlflow_log_run", new { experiment = "long", run_name = "r", metrics = new Dictionary<string, object> { ["acc"] = values } }))
            .Structured().GetProperty("runId").GetString();

        var first = await CallOkAsync("mlflow_get_run", new { run_id = runId, metric = "acc" });
        var last = await CallOkAsync("mlflow_get_run", new { run_id = runId, metric = "acc", offset = 1000 });
        var unknown = await CallAsync("mlflow_get_run", new { run_id = runId, metric = "loss" });
        var negative = await CallAsync("mlflow_get_run", new { run_id = runId, metric = "acc", offset = -1 });
        var alone = await CallAsync("mlflow_get_run", new { run_id = runId, offset = 500 });

        first.Text().Should().Contain("Points of acc 1-500 of 1200 (step=value): 0=0, 1=0.001,").And.EndWith("499=0.499\nMore: call again with offset=500.");
        first.Structured().GetProperty("points").GetProperty("nextOffset").GetInt32().Should().Be(500);
        last.Text().Should().EndWith("Points of acc 1001-1200 of 1200 (step=value): " + string.Join(", ", Enumerable.Range(1000, 200).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i}={i / 1000.0}"))));
        unknown.IsError.Should().BeTrue();
        unknown.Text().Should().Contain("has no metric 'loss'").And.Contain("Metrics logged: acc.");
        negative.Text().Should().Contain("offset -1 is negative");
        alone.Text().Should().Contain("offset pages a metric's points: give metric too.");
    }

    [Fact]
    public async Task LogRun_CopiesArtifacts_AndRefusesFilesOutsideTheRoots()
    {
        File.WriteAllText(Path.Combine(DataRoot, "notes.txt"), "hello");

        var logged = await CallOkAsync("mlflow_log_run", new { experiment = "demo", run_name = "a", artifacts = new[] { Path.Combine(DataRoot, "notes.txt") } });
        var outside = await CallAsync("mlflow_log_run", new { experiment = "demo", run_name = "b", artifacts = new[] { "/etc/hostname" } });

        var runId = logged.Structured().GetProperty("runId").GetString()!;
        File.ReadAllText(Path.Combine(WorkspaceRoot, "mlruns", "1", runId, "artifacts", "notes.txt")).Should().Be("hello");
        outside.Text().Should().Contain("outside the allowed roots");
    }

    [Fact]
    public async Task LogRun_RejectsNonNumericMetricsAndBadStatus()
    {
        var metric = await CallAsync("mlflow_log_run", new { experiment = "demo", run_name = "x", metrics = new Dictionary<string, object> { ["acc"] = "high" } });
        var status = await CallAsync("mlflow_log_run", new { experiment = "demo", run_name = "x", status = "DONE" });

        metric.IsError.Should().BeTrue();
        metric.Text().Should().Contain("Metric 'acc' must be a number or a list of numbers");
        status.Text().Should().Contain("status 'DONE' is not FINISHED, FAILED or KILLED");
    }

    [Fact]
    public async Task ListAndSearch_FindRunsWithMlflowFilters()
    {
        await PlateauRuns.WriteAsync(Services.GetRequiredService<ITrackingWriter>(), Time);

        var list = await CallOkAsync("mlflow_list_experiments");
        var search = await CallOkAsync("mlflow_search_runs", new { experiment = "cifar", filter = "params.dropout = '0.2' and metrics.val_accuracy > 0.9205", order_by = new[] { "metrics.val_accuracy DESC" } });

        list.Text().Should().Contain("[0] Default").And.Contain("[1] cifar");
        search.Structured().GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("runName").GetString()).Should().Equal("run-8", "run-5");
    }

    [Fact]
    public async Task SearchAndGet_ReportBadFiltersAndUnknownRuns()
    {
        await PlateauRuns.WriteAsync(Services.GetRequiredService<ITrackingWriter>(), Time);

        var filter = await CallAsync("mlflow_search_runs", new { experiment = "cifar", filter = "metrics.a > 1 or metrics.b > 2" });
        var run = await CallAsync("mlflow_get_run", new { run_id = "0123456789abcdef0123456789abcdef" });
        var experiments = await CallAsync("mlflow_list_experiments", new { filter = "status = 'active'" });

        filter.Text().Should().Contain("OR is not supported");
        run.Text().Should().Contain("Run '0123456789abcdef0123456789abcdef' does not exist");
        experiments.Text().Should().Contain("unknown experiment attribute 'status'");
    }
}
