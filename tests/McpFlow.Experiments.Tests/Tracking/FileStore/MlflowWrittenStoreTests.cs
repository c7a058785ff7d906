using McpFlow.Experiments.Tracking;
using McpFlow.Experiments.Tracking.FileStore;
using McpFlow.Testing;

namespace McpFlow.Experiments.Tests.Tracking.FileStore;

/// <summary>Reads a store laid out byte for byte as MLflow 2.x's FileStore writes it (mlflow/store/tracking/
/// file_store.py: meta.yaml via yaml.safe_dump with sorted keys, status as the RunStatus proto code, metric lines
/// "timestamp value step", param/tag values as whole files, a .trash folder for deleted experiments).</summary>
public sealed class MlflowWrittenStoreTests : IDisposable
{
    private const string RunA = "6f1a2b3c4d5e6f708192a3b4c5d6e7f8";
    private const string RunB = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private const string Deleted = "ffffffffffffffffffffffffffffffff";
    private readonly string _root = TempFolder.Create("mlflow-fixture");

    public MlflowWrittenStoreTests()
    {
        Write("0/meta.yaml", "artifact_location: file:///home/alice/mlruns/0\ncreation_time: 1700000000000\nexperiment_id: '0'\nlast_update_time: 1700000000000\nlifecycle_stage: active\nname: Default\n");
        Write("1/meta.yaml", "artifact_location: file:///home/alice/mlruns/1\ncreation_time: 1700000001000\nexperiment_id: '1'\nlast_update_time: 1700000001000\nlifecycle_stage: active\nname: cifar-resnet\n");
        Write("1/tags/mlflow.note.content", "ResNet sweeps");
        WriteRun(RunA, "bold-fox-123", 3, "active", "1700000100000");
        Write($"1/{RunA}/params/learning_rate", "0.001");
        Write($"1/{RunA}/params/batch_size", "128");
        Write($"1/{RunA}/metrics/val_accuracy", "1700000010000 0.81 0\n1700000020000 0.9 1\n1700000030000 0.92 2\n");
        Write($"1/{RunA}/metrics/train_loss", "1700000010000 nan 0\n");
        Write($"1/{RunA}/metrics/legacy", "1700000010000 4.5\n");
        Write($"1/{RunA}/tags/mlflow.runName", "bold-fox-123");
        Write($"1/{RunA}/params/batch size", "128");
        Write($"1/{RunA}/metrics/精度", "1700000010000 0.9 0\n1700000020000 0.93 1\n");
        Write($"1/{RunA}/tags/mlflow.source.git.commit", "abc123");
        WriteRun(RunB, "calm-owl-7", 4, "active", "null");
        Write($"1/{RunB}/params/learning_rate", "0.1");
        Write($"1/{RunB}/metrics/val_accuracy", "1700000010000 0.1 0\n");
        Write($"1/{RunB}/params/batch size", "64");
        WriteRun(Deleted, "gone", 3, "deleted", "1700000100000");
        Write(".trash/README", "");
    }

    public void Dispose() => TempFolder.TryDelete(_root);

    [Fact]
    public async Task MlflowLayout_ReadsExperimentsRunsParamsMetricsAndTags()
    {
        var store = new FileTrackingStore(_root, TimeProvider.System);

        var experiments = await store.SearchExperimentsAsync(null, 100, null, default);
        var run = await store.GetRunAsync(RunA, default);
        var history = await store.GetMetricHistoryAsync(RunA, "val_accuracy", default);

        experiments.Items.Select(e => e.Name).Should().Equal("Default", "cifar-resnet");
        experiments.Items[1].Tags["mlflow.note.content"].Should().Be("ResNet sweeps");
        run.RunName.Should().Be("bold-fox-123");
        run.Status.Should().Be("FINISHED", "status 3 is FINISHED");
        run.StartTime.Should().Be(1700000000000);
        run.EndTime.Should().Be(1700000100000);
        run.Params["batch_size"].Should().Be("128");
        run.Metric("val_accuracy").Should().Be(0.92, "the latest value is the one with the highest step");
        run.Metric("legacy").Should().Be(4.5, "pre-1.0 metric lines have no step");
        double.IsNaN(run.Metric("train_loss")!.Value).Should().BeTrue();
        run.Tags["mlflow.source.git.commit"].Should().Be("abc123");
        history.Select(h => h.Value).Should().Equal(0.81, 0.9, 0.92);
    }

    [Fact]
    public async Task MlflowLayout_SearchSkipsDeletedRunsAndReadsFailedOnes()
    {
        var store = new FileTrackingStore(_root, TimeProvider.System);

        var page = await store.SearchRunsAsync(new RunSearchRequest(["1"], OrderBy: ["metrics.val_accuracy DESC"]), default);

        page.Items.Select(r => r.RunId).Should().Equal(RunA, RunB);
        page.Items[1].Status.Should().Be("FAILED");
        page.Items[1].EndTime.Should().BeNull();
    }

    [Fact]
    public async Task MlflowLayout_AUnicodeMetricName_ReadsLikeAnyOther()
    {
        var store = new FileTrackingStore(_root, TimeProvider.System);

        var run = await store.GetRunAsync(RunA, default);
        var history = await store.GetMetricHistoryAsync(RunA, "精度", default);

        run.Metric("精度").Should().Be(0.93, "the value at the highest step");
        history.Select(h => h.Value).Should().Equal(0.9, 0.93);
    }

    [Fact]
    public async Task MlflowLayout_BacktickKeys_OrderAndFilterAsMlflowDoes()
    {
        var store = new FileTrackingStore(_root, TimeProvider.System);

        // MLflow compares params as strings: "128" sorts before "64".
        var ordered = await store.SearchRunsAsync(new RunSearchRequest(["1"], OrderBy: ["params.`batch size` ASC"]), default);
        var descending = await store.SearchRunsAsync(new RunSearchRequest(["1"], OrderBy: ["params.`batch size` DESC"]), default);
        var byName = await store.SearchRunsAsync(new RunSearchRequest(["1"], "attributes.`run name` LIKE 'calm%'"), default);
        var quoted = await store.SearchRunsAsync(new RunSearchRequest(["1"], "params.\"batch size\" = '64'"), default);

        ordered.Items.Select(r => r.RunId).Should().Equal(RunA, RunB);
        descending.Items.Select(r => r.RunId).Should().Equal(RunB, RunA);
        byName.Items.Select(r => r.RunId).Should().Equal(RunB);
        quoted.Items.Select(r => r.RunId).Should().Equal(RunB);
    }

    [Fact]
    public async Task MlflowLayout_UserIdIsRunInfosUserId_ForFiltersAndOrder()
    {
        // MLflow filters attributes.user_id on RunInfo.user_id (meta.yaml), not on the mlflow.user tag: MlflowClient.create_run
        // records user_id and sets no such tag (tools/mlflow-check, reverse part). RunB is written by someone else here.
        Write($"1/{RunB}/meta.yaml", File.ReadAllText(Path.Combine(_root, "1", RunB, "meta.yaml")).Replace("user_id: alice", "user_id: bob", StringComparison.Ordinal));
        var store = new FileTrackingStore(_root, TimeProvider.System);

        var alice = await store.SearchRunsAsync(new RunSearchRequest(["1"], "attributes.user_id = 'alice'"), default);
        var byUser = await store.SearchRunsAsync(new RunSearchRequest(["1"], OrderBy: ["attributes.user_id DESC"]), default);
        var byArtifacts = await store.SearchRunsAsync(new RunSearchRequest(["1"], OrderBy: ["attributes.artifact_uri"]), default);

        alice.Items.Select(r => r.RunId).Should().Equal(RunA);
        byUser.Items.Select(r => r.RunId).Should().Equal([RunB, RunA], "bob sorts after alice");
        byArtifacts.Items.Select(r => r.RunId).Should().Equal([RunB, RunA], "…/1/0a1b… sorts before …/1/6f1a…");
    }

    private void WriteRun(string id, string name, int status, string stage, string endTime) =>
        Write($"1/{id}/meta.yaml",
            $"artifact_uri: file:///home/alice/mlruns/1/{id}/artifacts\nend_time: {endTime}\nentry_point_name: ''\nexperiment_id: '1'\n" +
            $"lifecycle_stage: {stage}\nrun_id: {id}\nrun_name: {name}\nrun_uuid: {id}\nsource_name: ''\nsource_type: 4\nsource_version: ''\n" +
            $"start_time: 1700000000000\nstatus: {status}\ntags: []\nuser_id: alice\n");

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
