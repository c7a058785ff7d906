using System.Globalization;
using McpFlow.Core.Tracking;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Experiments.Tests.Tools;

/// <summary>MLflow semantics through the tools, on a workspace store laid out as MLflow 2.x's FileStore writes it
/// (meta.yaml with status codes, metric lines "timestamp value step", one file per param).</summary>
public sealed class MlflowSemanticsToolTests : ExperimentsToolTestBase
{
    private const string Active = "6f1a2b3c4d5e6f708192a3b4c5d6e7f8";
    private const string Deleted = "ffffffffffffffffffffffffffffffff";

    [Fact]
    public async Task GetRun_ReadsARunMlflowWroteWithAUnicodeMetricName()
    {
        WriteMlflowStore();

        var result = await CallOkAsync("mlflow_get_run", new { run_id = Active });

        result.Text().Should().Contain("精度: last 0.93 (2 points, steps 0-1, first 0.9, min 0.9, max 0.93)").And.Contain("学习率=0.01");
    }

    [Fact]
    public async Task LogRun_AcceptsUnicodeNames_AsMlflowDoes()
    {
        var logged = await CallOkAsync("mlflow_log_run", new
        {
            experiment = "demo", run_name = "zh",
            @params = new Dictionary<string, string> { ["学习率"] = "0.01" },
            metrics = new Dictionary<string, object> { ["精度"] = new[] { 0.8, 0.9 } },
        });
        var runId = logged.Structured().GetProperty("runId").GetString()!;

        var got = await CallOkAsync("mlflow_get_run", new { run_id = runId });

        got.Text().Should().Contain("精度: last 0.9 (2 points");
    }

    [Fact]
    public async Task LogRun_ARefusedName_CreatesNoRunAtAll()
    {
        var refused = await CallAsync("mlflow_log_run", new { experiment = "demo", run_name = "bad", @params = new Dictionary<string, string> { ["lr:max"] = "0.1" } });

        refused.IsError.Should().BeTrue();
        refused.Text().Should().Contain("Invalid param name 'lr:max'");
        Directory.Exists(Path.Combine(WorkspaceRoot, "mlruns", "1")).Should().BeFalse("names are checked before the experiment and run are created");
    }

    [Fact]
    public async Task GetRun_ShowsADeletedRunAsDeleted_NotFinished()
    {
        WriteMlflowStore();

        var result = await CallOkAsync("mlflow_get_run", new { run_id = Deleted });

        result.Text().Should().Contain($"({Deleted}) in experiment 1: DELETED (status was FINISHED)");
        result.Structured().GetProperty("run").GetProperty("lifecycleStage").GetString().Should().Be("deleted");
    }

    [Fact]
    public async Task Analyze_PrintsTheRealNumberOfDistinctValues_NotTheListedOnes()
    {
        // 38 runs, each with its own learning rate: 38 distinct values, of which only 20 are listed.
        var writer = Services.GetRequiredService<ITrackingWriter>();
        var expId = await writer.GetOrCreateExperimentAsync("sweep", default);
        for (var i = 0; i < 38; i++)
        {
            var run = await writer.StartRunAsync(expId, $"r{i}", null, default);
            await writer.LogParamsAsync(run.RunId, new Dictionary<string, string> { ["learning_rate"] = (0.001 * (i + 1)).ToString("R", CultureInfo.InvariantCulture) }, default);
            await writer.LogMetricsAsync(run.RunId, [new MetricPoint("accuracy", 0.5 + (0.01 * i), 0, 1_700_000_000_000 + i)], default);
            await writer.EndRunAsync(run.RunId, TrackedRunStatus.Finished, default);
        }

        var result = await CallOkAsync("analyze_mlflow_runs", new { experiment = "sweep", metric = "accuracy" });

        result.Text().Should().Contain("learning_rate: 38 values");
        var parameter = result.Structured().GetProperty("parameters")[0];
        parameter.GetProperty("distinctCount").GetInt32().Should().Be(38);
        parameter.GetProperty("values").GetArrayLength().Should().Be(20);
    }

    private void WriteMlflowStore()
    {
        var root = Path.Combine(WorkspaceRoot, "mlruns");
        Write(root, "0/meta.yaml", "artifact_location: file:///tmp/mlruns/0\ncreation_time: 1700000000000\nexperiment_id: '0'\nlast_update_time: 1700000000000\nlifecycle_stage: active\nname: Default\n");
        Write(root, "1/meta.yaml", "artifact_location: file:///tmp/mlruns/1\ncreation_time: 1700000001000\nexperiment_id: '1'\nlast_update_time: 1700000001000\nlifecycle_stage: active\nname: zh-sweep\n");
        WriteRun(root, Active, "active");
        Write(root, $"1/{Active}/params/学习率", "0.01");
        Write(root, $"1/{Active}/metrics/精度", "1700000010000 0.9 0\n1700000020000 0.93 1\n");
        WriteRun(root, Deleted, "deleted");
        Write(root, $"1/{Deleted}/metrics/精度", "1700000010000 0.5 0\n");
    }

    private static void WriteRun(string root, string id, string stage) =>
        Write(root, $"1/{id}/meta.yaml",
            $"artifact_uri: file:///tmp/mlruns/1/{id}/artifacts\nend_time: 1700000100000\nentry_point_name: ''\nexperiment_id: '1'\n" +
            $"lifecycle_stage: {stage}\nrun_id: {id}\nrun_name: run-{id[..4]}\nrun_uuid: {id}\nsource_name: ''\nsource_type: 4\nsource_version: ''\n" +
            "start_time: 1700000000000\nstatus: 3\ntags: []\nuser_id: alice\n");

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
