using McpFlow.Core.Errors;
using McpFlow.Core.Tracking;
using McpFlow.Experiments.Tracking;
using McpFlow.Experiments.Tracking.FileStore;
using McpFlow.Testing;

namespace McpFlow.Experiments.Tests.Tracking.FileStore;

public sealed class FileTrackingStoreTests : IDisposable
{
    private readonly string _root = TempFolder.Create("mlruns-test");
    private readonly FileTrackingStore _store;

    public FileTrackingStoreTests()
    {
        _store = new FileTrackingStore(_root, TimeProvider.System);
    }

    public void Dispose() => TempFolder.TryDelete(_root);

    [Fact]
    public async Task WrittenRun_ReadsBackWithParamsMetricsTagsAndStatus()
    {
        var expId = await _store.GetOrCreateExperimentAsync("churn", default);
        var run = await _store.StartRunAsync(expId, "first", new Dictionary<string, string> { ["team"] = "a" }, default);
        await _store.LogParamsAsync(run.RunId, new Dictionary<string, string> { ["lr"] = "0.01", ["batch_size"] = "32" }, default);
        await _store.LogMetricsAsync(run.RunId, [new MetricPoint("acc", 0.5, 0, 1000), new MetricPoint("acc", 0.8, 1, 2000), new MetricPoint("loss", double.NaN, 0, 1000)], default);
        await _store.SetTagsAsync(run.RunId, new Dictionary<string, string> { ["stage/phase"] = "dev" }, default);
        await _store.EndRunAsync(run.RunId, TrackedRunStatus.Finished, default);

        var read = await _store.GetRunAsync(run.RunId, default);

        expId.Should().Be("1", "experiment 0 is MLflow's Default and new ones count up");
        read.RunName.Should().Be("first");
        read.Status.Should().Be("FINISHED");
        read.EndTime.Should().NotBeNull();
        read.Params.Should().Equal(new Dictionary<string, string> { ["lr"] = "0.01", ["batch_size"] = "32" });
        read.Metric("acc").Should().Be(0.8);
        double.IsNaN(read.Metric("loss")!.Value).Should().BeTrue();
        read.Tags["stage/phase"].Should().Be("dev");
        read.Tags["team"].Should().Be("a");
        read.Tags[TrackingTags.RunName].Should().Be("first");
        var history = await _store.GetMetricHistoryAsync(run.RunId, "acc", default);
        history.Select(h => (h.Step, h.Value)).Should().Equal((0L, 0.5), (1L, 0.8));
        File.ReadAllLines(Path.Combine(_root, "1", run.RunId, "metrics", "acc")).Should().Equal("1000 0.5 0", "2000 0.8 1");
    }

    [Fact]
    public async Task WrittenMeta_UsesMlflowFieldsAndStatusCodes()
    {
        var run = await _store.StartRunAsync("0", "r", null, default);
        await _store.EndRunAsync(run.RunId, TrackedRunStatus.Failed, default);

        var experimentMeta = File.ReadAllText(Path.Combine(_root, "0", "meta.yaml"));
        var runMeta = File.ReadAllText(Path.Combine(_root, "0", run.RunId, "meta.yaml"));

        experimentMeta.Should().Contain("experiment_id: '0'").And.Contain("name: Default").And.Contain("lifecycle_stage: active").And.Contain("artifact_location: file://");
        runMeta.Should().Contain("status: 4", "FAILED is 4 in MLflow's RunStatus enum").And.Contain($"run_uuid: {run.RunId}")
            .And.Contain("experiment_id: '0'").And.Contain("source_type: 4").And.Contain("tags: []");
    }

    [Fact]
    public async Task ChangingAParam_IsRefusedAsMlflowDoes()
    {
        var run = await _store.StartRunAsync("0", "r", null, default);
        await _store.LogParamsAsync(run.RunId, new Dictionary<string, string> { ["lr"] = "0.1" }, default);

        var act = () => _store.LogParamsAsync(run.RunId, new Dictionary<string, string> { ["lr"] = "0.2" }, default);

        (await act.Should().ThrowAsync<McpFlowException>()).WithMessage("*cannot change*");
    }

    [Fact]
    public async Task UnknownRun_IsNotFound_AndPathClimbingKeysAreRejected()
    {
        var missing = () => _store.GetRunAsync("0123456789abcdef0123456789abcdef", default);
        (await missing.Should().ThrowAsync<McpFlowException>()).Which.Kind.Should().Be(ErrorKind.NotFound);

        var run = await _store.StartRunAsync("0", "r", null, default);
        var climb = () => _store.SetTagsAsync(run.RunId, new Dictionary<string, string> { ["../../evil"] = "x" }, default);
        (await climb.Should().ThrowAsync<McpFlowException>()).WithMessage("*Invalid tag name*");
    }

    [Fact]
    public async Task SearchRuns_FiltersOrdersAndPages()
    {
        for (var i = 0; i < 5; i++)
        {
            var run = await _store.StartRunAsync("0", $"run{i}", null, default);
            await _store.LogParamsAsync(run.RunId, new Dictionary<string, string> { ["lr"] = i % 2 == 0 ? "0.01" : "0.1" }, default);
            await _store.LogMetricsAsync(run.RunId, [new MetricPoint("acc", 0.5 + (i * 0.1), 0, 1)], default);
        }

        var first = await _store.SearchRunsAsync(new RunSearchRequest(["0"], "metrics.acc > 0.55 and params.lr = '0.01'", ["metrics.acc DESC"], 1), default);
        var second = await _store.SearchRunsAsync(new RunSearchRequest(["0"], "metrics.acc > 0.55 and params.lr = '0.01'", ["metrics.acc DESC"], 1, first.NextPageToken), default);

        first.Items.Single().RunName.Should().Be("run4");
        second.Items.Single().RunName.Should().Be("run2");
        second.NextPageToken.Should().BeNull("only runs 2 and 4 have lr 0.01 and acc above 0.55");
    }
}
