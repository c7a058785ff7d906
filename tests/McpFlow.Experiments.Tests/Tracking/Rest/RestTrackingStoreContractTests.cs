using System.Text;
using McpFlow.Core.Errors;
using McpFlow.Core.Tracking;
using McpFlow.Experiments.Tracking;
using McpFlow.Experiments.Tracking.Rest;

namespace McpFlow.Experiments.Tests.Tracking.Rest;

/// <summary>Contract tests: the Refit client against an in-process server speaking MLflow's documented JSON.</summary>
public sealed class RestTrackingStoreContractTests : IAsyncLifetime
{
    private FakeMlflowServer _server = null!;
    private readonly List<RestTrackingStore> _stores = []; // disposed with the test

    public async Task InitializeAsync() => _server = await FakeMlflowServer.StartAsync();

    public async Task DisposeAsync()
    {
        _stores.ForEach(s => s.Dispose());
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Contract_SearchRuns_FollowsPageTokensAndReadsInt64Strings()
    {
        for (var i = 0; i < 5; i++)
            _server.Runs.Add(FakeMlflowServer.Run($"{i:D32}", $"run{i}", "FINISHED", 0.9 + (i / 100.0)));
        var store = Store();

        var first = await store.SearchRunsAsync(new RunSearchRequest(["7"], "metrics.accuracy > 0.5", ["metrics.accuracy DESC"], 2), default);
        var rest = await store.SearchRunsAsync(new RunSearchRequest(["7"], "metrics.accuracy > 0.5", ["metrics.accuracy DESC"], 10, first.NextPageToken), default);

        first.Items.Select(r => r.RunName).Should().Equal("run0", "run1");
        first.NextPageToken.Should().Be("2");
        rest.Items.Should().HaveCount(3);
        rest.NextPageToken.Should().BeNull();
        first.Items[0].StartTime.Should().Be(1700000000000, "int64 fields arrive as JSON strings");
        first.Items[1].Metrics["accuracy"].Should().Be(new MlflowMetric("accuracy", 0.91, 59, 1700000050000));
        var sent = _server.Requests.First(r => r.Path.EndsWith("runs/search", StringComparison.Ordinal)).Body!;
        sent["experiment_ids"]![0]!.GetValue<string>().Should().Be("7");
        sent["filter"]!.GetValue<string>().Should().Be("metrics.accuracy > 0.5");
        sent["order_by"]![0]!.GetValue<string>().Should().Be("metrics.accuracy DESC");
        sent["run_view_type"]!.GetValue<string>().Should().Be("ACTIVE_ONLY");
    }

    [Fact]
    public async Task Contract_BearerTokenIsSent_AndBasicAuthWhenNoToken()
    {
        await Store(token: "s3cret").GetExperimentAsync("7", default);
        await Store(user: "alice", password: "pw").GetExperimentAsync("7", default);

        var auths = _server.Requests.Select(r => r.Auth).ToList();
        auths.Should().Equal("Bearer s3cret", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:pw")));
    }

    [Fact]
    public async Task Contract_TheFactorySendsTheConfiguredCredentials_FromTheOptions()
    {
        var root = McpFlow.Testing.TempFolder.Create("factory-auth");
        try
        {
            var options = new McpFlow.Core.Configuration.McpFlowOptions
            {
                WorkspacePath = Path.Combine(root, "ws"), AllowedRoots = [root], MlflowTrackingUri = _server.BaseUri.ToString(),
                MlflowCredentials = new() { Token = "from-options" },
            };
            var store = TrackingStoreFactory.Create(options, new McpFlow.Core.Workspace.McpFlowWorkspace(options),
                new McpFlow.Core.Files.FileAccessGuard(options), TimeProvider.System);

            await store.GetExperimentAsync("7", default);

            _server.Requests.Select(r => r.Auth).Should().Equal("Bearer from-options");
        }
        finally
        {
            McpFlow.Testing.TempFolder.TryDelete(root);
        }
    }

    [Fact]
    public async Task Contract_MlflowErrorCodes_MapToKinds_AndNameTheUriNotTheSecret()
    {
        var store = Store(token: "s3cret");

        var missing = await FluentActions.Awaiting(() => store.GetExperimentAsync("99", default)).Should().ThrowAsync<McpFlowException>();
        var invalid = await FluentActions.Awaiting(() => store.SearchRunsAsync(new RunSearchRequest(["7"], "bogus"), default)).Should().ThrowAsync<McpFlowException>();

        missing.Which.Kind.Should().Be(ErrorKind.NotFound);
        missing.Which.Message.Should().Contain("RESOURCE_DOES_NOT_EXIST").And.Contain(_server.BaseUri.ToString().TrimEnd('/')).And.NotContain("s3cret");
        invalid.Which.Kind.Should().Be(ErrorKind.InvalidInput);
        invalid.Which.Message.Should().Contain("INVALID_PARAMETER_VALUE");
        (await store.FindExperimentByNameAsync("nope", default)).Should().BeNull();
        (await store.FindExperimentByNameAsync("cifar", default))!.Tags["team"].Should().Be("vision");
    }

    [Fact]
    public async Task Contract_LogBatch_IsSplitWithinMlflowLimits()
    {
        var store = Store();
        var metrics = Enumerable.Range(0, 2500).Select(i => new MetricPoint("loss", 1.0 / (i + 1), i, 1700000000000 + i)).ToList();
        var parameters = Enumerable.Range(0, 150).ToDictionary(i => $"p{i}", i => i.ToString());

        await store.LogParamsAsync("r1", parameters, default);
        await store.LogMetricsAsync("r1", metrics, default);

        var batches = _server.Requests.Where(r => r.Path.EndsWith("log-batch", StringComparison.Ordinal)).Select(r => r.Body!).ToList();
        batches.Select(b => b["params"]!.AsArray().Count).Should().Equal(100, 50, 0, 0, 0);
        batches.Select(b => b["metrics"]!.AsArray().Count).Should().Equal(0, 0, 1000, 1000, 500);
        batches[2]["metrics"]![1]!["step"]!.GetValue<long>().Should().Be(1);
        batches.Should().OnlyContain(b => b["run_id"]!.GetValue<string>() == "r1");
    }

    [Fact]
    public async Task Contract_MetricHistory_FollowsPages()
    {
        var history = await Store().GetMetricHistoryAsync("r1", "loss", default);

        history.Select(h => h.Step).Should().Equal(0L, 1, 2, 3, 4, 5);
        history[5].Value.Should().BeApproximately(1.0 / 6, 1e-12);
        _server.Requests.Count(r => r.Path.EndsWith("get-history", StringComparison.Ordinal)).Should().Be(2);
        _server.Requests.Last().Query.Should().Contain("page_token=3").And.Contain("metric_key=loss");
    }

    [Fact]
    public async Task Contract_TransientFailuresAreRetried()
    {
        _server.FailNextWith503 = 2;
        var store = Store();

        var experiment = await store.GetExperimentAsync("7", default);

        experiment.Name.Should().Be("cifar");
        store.Handler.Attempts.Should().Be(3);
    }

    [Fact]
    public async Task Contract_CreateRunThenEndIt_SendsDocumentedBodies()
    {
        var store = Store();

        var expId = await store.GetOrCreateExperimentAsync("new-exp", default);
        var run = await store.StartRunAsync(expId, "trial", new Dictionary<string, string> { ["k"] = "v" }, default);
        await store.EndRunAsync(run.RunId, TrackedRunStatus.Finished, default);

        expId.Should().Be("8");
        run.RunId.Should().Be("a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6");
        var create = _server.Requests.First(r => r.Path.EndsWith("runs/create", StringComparison.Ordinal)).Body!;
        create["experiment_id"]!.GetValue<string>().Should().Be("8");
        create["tags"]![0]!["key"]!.GetValue<string>().Should().Be("k");
        var update = _server.Requests.First(r => r.Path.EndsWith("runs/update", StringComparison.Ordinal)).Body!;
        update["status"]!.GetValue<string>().Should().Be("FINISHED");
        update["end_time"]!.GetValue<long>().Should().BePositive();
    }

    [Fact]
    public async Task Contract_RegisteredModels_AreSearched()
    {
        var page = await Store().SearchRegisteredModelsAsync(null, 10, null, default);

        page.Items.Single().Name.Should().Be("churn");
        page.Items[0].LatestVersions!.Single().CurrentStage.Should().Be("Production");
        page.Items[0].CreationTimestamp.Should().Be(1700000000000);
    }

    [Fact]
    public async Task Contract_SlowServer_TimesOutWithATimeoutError()
    {
        using var store = new RestTrackingStore(new MlflowRestOptions { BaseUri = _server.BaseUri, AttemptTimeout = TimeSpan.FromMilliseconds(200), MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(10) },
            new SocketsHttpHandler(), TimeProvider.System);

        var error = await FluentActions.Awaiting(() => store.GetExperimentAsync("slow", default)).Should().ThrowAsync<McpFlowException>();

        error.Which.Kind.Should().Be(ErrorKind.Timeout);
        error.Which.Message.Should().Contain("did not answer experiments/get within 20 s");
        store.Handler.Attempts.Should().Be(2, "a timed-out attempt is retried once");
    }

    [Fact]
    public async Task Contract_ServerDown_IsUnavailableNamingTheUri()
    {
        var port = _server.BaseUri.Port;
        await _server.DisposeAsync();
        using var store = new RestTrackingStore(new MlflowRestOptions { BaseUri = new Uri($"http://127.0.0.1:{port}"), MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(10) }, new SocketsHttpHandler(), TimeProvider.System);

        var error = await FluentActions.Awaiting(() => store.GetExperimentAsync("7", default)).Should().ThrowAsync<McpFlowException>();

        error.Which.Kind.Should().Be(ErrorKind.Unavailable);
        error.Which.Message.Should().Contain($"http://127.0.0.1:{port}").And.Contain("not reachable");
        _server = await FakeMlflowServer.StartAsync();
    }

    private RestTrackingStore Store(string? token = null, string? user = null, string? password = null)
    {
        var store = new RestTrackingStore(_server.StoreOptions() with { Token = token, Username = user, Password = password, RetryDelay = TimeSpan.FromMilliseconds(10) },
            new SocketsHttpHandler(), TimeProvider.System);
        _stores.Add(store);
        return store;
    }
}
