using McpFlow.Core.Errors;
using McpFlow.Core.Tracking;
using McpFlow.Experiments.Tracking;
using McpFlow.Experiments.Tracking.Rest;
using McpFlow.Testing;

namespace McpFlow.Experiments.Tests.Tracking.Rest;

/// <summary>Contract tests: when the server refuses part of a run (a param, an artifact) the run is ended FAILED on
/// the server, as MLflow's own client does on an exception, and the error says so.</summary>
public sealed class FailedLogContractTests : IAsyncLifetime
{
    private const string RunId = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6";
    private readonly string _folder = TempFolder.Create("failed-log");
    private FakeMlflowServer _server = null!;
    private readonly List<RestTrackingStore> _stores = []; // disposed with the test

    public async Task InitializeAsync() => _server = await FakeMlflowServer.StartAsync();

    public async Task DisposeAsync()
    {
        _stores.ForEach(s => s.Dispose());
        await _server.DisposeAsync();
        TempFolder.TryDelete(_folder);
    }

    [Fact]
    public async Task Contract_ARefusedParam_EndsTheRunFailed_NotRunning()
    {
        // MLflow 2.x refuses a param value over 6000 characters with INVALID_PARAMETER_VALUE (mlflow/utils/validation.py).
        _server.FailPaths["runs/log-batch"] = (400, "application/json",
            """{"error_code":"INVALID_PARAMETER_VALUE","message":"Param value 'xxx' had length 7000, which exceeded length limit of 6000"}""");

        var error = await FluentActions.Awaiting(() => new RunLogger(Store()).LogAsync(Run(new Dictionary<string, string> { ["notes"] = new string('x', 7000) }, []), default))
            .Should().ThrowAsync<McpFlowException>();

        error.Which.Kind.Should().Be(ErrorKind.InvalidInput);
        error.Which.Message.Should().Contain("exceeded length limit of 6000").And.Contain($"Run 'trial' ({RunId}) was created, then ended as FAILED");
        ServerStatus().Should().Be("FAILED");
        _server.Requests.Select(r => r.Path).Should().EndWith("/api/2.0/mlflow/runs/update");
    }

    [Fact]
    public async Task Contract_AnArtifactTheServerCannotTake_EndsTheRunFailed()
    {
        var file = Path.Combine(_folder, "model.bin");
        File.WriteAllBytes(file, new byte[1024]);
        _server.FailPaths["model.bin"] = (413, "application/json", """{"error_code":"INVALID_PARAMETER_VALUE","message":"Request entity too large"}""");

        var error = await FluentActions.Awaiting(() => new RunLogger(Store()).LogAsync(Run(new Dictionary<string, string> { ["lr"] = "0.01" }, [file]), default))
            .Should().ThrowAsync<McpFlowException>();

        error.Which.Message.Should().Contain("Request entity too large").And.Contain("ended as FAILED");
        ServerStatus().Should().Be("FAILED");
    }

    [Fact]
    public async Task Contract_ACompleteRun_EndsWithItsOwnStatus()
    {
        var logged = await new RunLogger(Store()).LogAsync(Run(new Dictionary<string, string> { ["lr"] = "0.01" }, []), default);

        logged.Run.RunId.Should().Be(RunId);
        ServerStatus().Should().Be("FINISHED");
    }

    private static RunToLog Run(Dictionary<string, string> parameters, List<string> files) => new(
        "cifar", "trial", parameters, [new MetricPoint("accuracy", 0.9, 0, 1_700_000_000_000)], new Dictionary<string, string>(), files, TrackedRunStatus.Finished);

    private string ServerStatus()
    {
        lock (_server.Runs)
            return _server.Runs.Single(r => r["info"]!["run_id"]!.GetValue<string>() == RunId)["info"]!["status"]!.GetValue<string>();
    }

    private RestTrackingStore Store()
    {
        var store = new RestTrackingStore(_server.StoreOptions() with { MaxRetries = 0 }, new SocketsHttpHandler(), TimeProvider.System);
        _stores.Add(store);
        return store;
    }
}
