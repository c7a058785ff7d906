using System.Net;
using System.Net.Sockets;
using McpFlow.Core.Configuration;
using McpFlow.Experiments.Tests.Tracking.Rest;
using McpFlow.Testing;
using Microsoft.Extensions.Time.Testing;

namespace McpFlow.Experiments.Tests.Tools;

/// <summary>
/// Issue 14's MLflow server cases replayed end to end through MCP (the contract tests call the store directly): a
/// run whose metrics the server refuses, a login page where the API should be, a base path that is not MLflow's, and
/// a server that never answers under a configured 5 s limit, measured on the server's fake clock.
/// </summary>
public sealed class MlflowRestFreshDataTests : ExperimentsToolTestBase, IAsyncLifetime
{
    private FakeMlflowServer _mlflow = null!;
    private string _uri = "";

    protected override void ConfigureOptions(McpFlowOptions options)
    {
        options.MlflowTrackingUri = _uri;
        options.MlflowTimeoutSeconds = 5;
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        _mlflow = await FakeMlflowServer.StartAsync();
        _uri = _mlflow.BaseUri.ToString().TrimEnd('/');
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _mlflow.DisposeAsync();
    }

    [Fact]
    public async Task LogRun_WhoseMetricsTheServerRefuses_EndsFailedOnTheServer()
    {
        // MLflow refuses a metric whose key it cannot store with INVALID_PARAMETER_VALUE (mlflow/utils/validation.py).
        _mlflow.FailPaths["runs/log-batch"] = (400, "application/json",
            """{"error_code":"INVALID_PARAMETER_VALUE","message":"Invalid value \"nan\" for metric 'loss' (timestamp=1): metric values must be finite"}""");
        var result = await CallAsync("mlflow_log_run", new { experiment = "cifar", run_name = "fresh", metrics = new Dictionary<string, object> { ["loss"] = new[] { 0.7, 0.4 } } });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("ended as FAILED");
        lock (_mlflow.Runs)
            _mlflow.Runs.Single()["info"]!["status"]!.GetValue<string>().Should().Be("FAILED", "MLflow's own client ends a run FAILED when logging throws");
    }

    [Fact]
    public async Task ALoginPage_IsNamedAsOne_NotReportedAsHttp200()
    {
        _mlflow.RespondNext = _ => (200, "text/html; charset=utf-8", "<!DOCTYPE html><html><head><title>Sign in - Corp SSO</title></head><body><form>…</form></body></html>");
        var result = await CallAsync("mlflow_list_experiments");
        result.IsError.Should().BeTrue();
        result.Text().Should().NotContain("HTTP 200: OK").And.MatchRegex("(?i)html").And.MatchRegex("(?i)log ?in|sign ?in|proxy");
    }

    [Fact]
    public async Task AWrongBasePath_SaysSo_NotCheckTheIdOrName()
    {
        _mlflow.RespondNext = _ => (404, "text/html", "<html><body><h1>404 Not Found</h1></body></html>");
        var result = await CallAsync("mlflow_get_run", new { run_id = "0123456789abcdef0123456789abcdef" });
        result.IsError.Should().BeTrue();
        result.Text().Should().NotContain("check the id or name").And.MatchRegex("(?i)base path|not an MLflow|MLflow server");
    }

    [Fact]
    public async Task AServerThatNeverAnswers_FailsAtTheConfiguredLimit()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var held = new List<TcpClient>();
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    var client = await listener.AcceptTcpClientAsync();
                    lock (held)
                        held.Add(client);
                    connected.TrySetResult();
                }
            }
            catch (ObjectDisposedException)
            {
            }
            catch (SocketException)
            {
            }
        });
        var silent = new SilentServer(((IPEndPoint)listener.LocalEndpoint).Port);
        try
        {
            await silent.InitializeAsync();
            var call = silent.List();
            await connected.Task.WaitAsync(TimeSpan.FromSeconds(60));
            silent.Time.Advance(TimeSpan.FromSeconds(5));
            var result = await call.WaitAsync(TimeSpan.FromSeconds(60));
            result.IsError.Should().BeTrue();
            result.Text().Should().Contain("within 5 s (retries included)");
        }
        finally
        {
            await silent.DisposeAsync();
            listener.Stop();
            lock (held)
                held.ForEach(c => c.Dispose());
        }
    }

    /// <summary>An experiments server whose tracking URI is a port that accepts and never answers.</summary>
    private sealed class SilentServer(int port) : ExperimentsToolTestBase
    {
        protected override void ConfigureOptions(McpFlowOptions options)
        {
            options.MlflowTrackingUri = $"http://127.0.0.1:{port}";
            options.MlflowTimeoutSeconds = 5;
        }

        public Task<ModelContextProtocol.Protocol.CallToolResult> List() => CallAsync("mlflow_list_experiments");

        public new FakeTimeProvider Time => base.Time;
    }
}
