using McpFlow.Core.Errors;
using McpFlow.Experiments.Analysis;
using McpFlow.Experiments.Tracking.Rest;
using McpFlow.Testing;

namespace McpFlow.Experiments.Tests.Tracking.Rest;

/// <summary>Contract tests: a tracking URI with the wrong base path, or a web page in front of the server, is named
/// for what it is instead of looking like a missing experiment.</summary>
public sealed class MlflowEndpointContractTests : IAsyncLifetime
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
    public async Task Contract_AWrongBasePath_SaysTheBasePathIsWrong_NotCheckTheIdOrName()
    {
        // A base URI with an extra prefix: every API path 404s with the web framework's own body (FastAPI's shape),
        // not MLflow's {"error_code": ...}.
        _server.FailPaths["experiments/get-by-name"] = (404, "application/json", """{"detail":"Not Found"}""");
        _server.FailPaths["experiments/get"] = (404, "application/json", """{"detail":"Not Found"}""");
        var loader = new RunLoader(Store());

        var error = await FluentActions.Awaiting(() => loader.ResolveExperimentAsync("cifar", default)).Should().ThrowAsync<McpFlowException>();

        error.Which.Kind.Should().Be(ErrorKind.Unavailable);
        error.Which.Message.Should().Contain($"has no MLflow endpoint {_server.BaseUri.ToString().TrimEnd('/')}/api/2.0/mlflow/experiments/get-by-name")
            .And.Contain("the base path of the tracking URI is probably wrong").And.NotContain("check the id");
        error.Which.Hint.Should().Contain("--mlflow-uri");
    }

    [Fact]
    public async Task Contract_AFlaskHtml404_IsAlsoAWrongBasePath()
    {
        _server.FailPaths["experiments/get"] = (404, "text/html; charset=utf-8", "<!doctype html><html lang=en><title>404 Not Found</title><h1>Not Found</h1>");

        var error = await FluentActions.Awaiting(() => Store().GetExperimentAsync("7", default)).Should().ThrowAsync<McpFlowException>();

        error.Which.Message.Should().Contain("HTTP 404, an HTML page").And.Contain("base path").And.NotContain("Not Found</h1>");
    }

    [Fact]
    public async Task Contract_AMissingRun_StaysNotFound()
    {
        var error = await FluentActions.Awaiting(() => Store().GetRunAsync("0123456789abcdef0123456789abcdef", default)).Should().ThrowAsync<McpFlowException>();

        error.Which.Kind.Should().Be(ErrorKind.NotFound);
        error.Which.Message.Should().Contain("RESOURCE_DOES_NOT_EXIST");
    }

    [Fact]
    public async Task Contract_ALoginPageWithStatus200AndNoContentType_IsNamedAsAnHtmlPage()
    {
        _server.RespondNext = _ => (200, "", "<html><head><title>Sign in</title></head><body>user</body></html>");

        var error = await FluentActions.Awaiting(() => Store().GetExperimentAsync("7", default)).Should().ThrowAsync<McpFlowException>();

        error.Which.Kind.Should().Be(ErrorKind.Forbidden);
        error.Which.Message.Should().Contain("with an HTML page (HTTP 200) instead of MLflow's JSON").And.NotContain("Sign in");
    }

    [Fact]
    public async Task Contract_ALoginPageAnsweringAnUpload_IsNotTakenForSuccess()
    {
        _server.FailPaths["notes.txt"] = (200, "text/html", "<html><body>Please log in</body></html>");
        _server.Runs.Add(FakeMlflowServer.Run("0123456789abcdef0123456789abcdef", "r", "RUNNING", 0.5));
        var folder = TempFolder.Create("html-upload");
        try
        {
            var file = Path.Combine(folder, "notes.txt");
            File.WriteAllText(file, "hello");

            var error = await FluentActions.Awaiting(() => Store().LogArtifactAsync("0123456789abcdef0123456789abcdef", file, null, default))
                .Should().ThrowAsync<McpFlowException>();

            error.Which.Message.Should().Contain("HTML page (HTTP 200)").And.NotContain("Please log in");
        }
        finally
        {
            TempFolder.TryDelete(folder);
        }
    }

    private RestTrackingStore Store()
    {
        var store = new RestTrackingStore(_server.StoreOptions() with { MaxRetries = 0 }, new SocketsHttpHandler(), TimeProvider.System);
        _stores.Add(store);
        return store;
    }
}
