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
        read.UserId.Should().Be(Environment.UserName, "meta.yaml's user_id, which attributes.user_id filters on");
    }

    [Fact]
    public async Task MetricLines_AreTheBytesMlflowAppends()
    {
        // Expected: the file MLflow 2.12's FileStore wrote for log_batch of these values at these timestamps and steps
        // (tools/mlflow-check: f"{timestamp} {value} {step}\n", i.e. Python's repr of the float), copied byte for byte.
        double[] values = [0.1, 1.0, 1e-05, 1e16, 123456789.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 2.0 / 3,
            0.0001, 1e15, double.Epsilon, double.MaxValue, -2.5e-7, 0.1 + 0.2, 100.0, 1234567890123456789.0];
        const string mlflowWrote = "1700000000000 0.1 0\n1700000000001 1.0 1\n1700000000002 1e-05 2\n1700000000003 1e+16 3\n1700000000004 123456789.0 4\n" +
            "1700000000005 -0.0 5\n1700000000006 nan 6\n1700000000007 inf 7\n1700000000008 -inf 8\n1700000000009 0.6666666666666666 9\n" +
            "1700000000010 0.0001 10\n1700000000011 1000000000000000.0 11\n1700000000012 5e-324 12\n1700000000013 1.7976931348623157e+308 13\n" +
            "1700000000014 -2.5e-07 14\n1700000000015 0.30000000000000004 15\n1700000000016 100.0 16\n1700000000017 1.2345678901234568e+18 17\n";
        var run = await _store.StartRunAsync("0", "bytes", null, default);

        await _store.LogMetricsAsync(run.RunId, values.Select((v, i) => new MetricPoint("loss", v, i, 1700000000000 + i)).ToList(), default);

        File.ReadAllText(Path.Combine(_root, "0", run.RunId, "metrics", "loss")).Should().Be(mlflowWrote);
        (await _store.GetMetricHistoryAsync(run.RunId, "loss", default)).Select(m => m.Value).Should().Equal(values, (a, b) => a.Equals(b), "every line reads back to the same double");
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
