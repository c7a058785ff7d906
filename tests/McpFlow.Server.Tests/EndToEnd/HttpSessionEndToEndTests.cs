using System.Text.Json;
using System.Text.RegularExpressions;
using McpFlow.Server.Tests.Support;
using McpFlow.Testing;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFlow.Server.Tests.EndToEnd;

/// <summary>
/// Streamable HTTP with sessions, over real HTTP on loopback with the SDK's client: the server asks the client
/// (elicitation), <c>notifications/cancelled</c> stops the call's job, and a client that closes its session cancels
/// the jobs its calls were still waiting for, keeps the background jobs it had been given, and leaves no orphans
/// holding the job slots (<c>--max-jobs 2</c>).
/// </summary>
public sealed partial class HttpSessionEndToEndTests : IAsyncLifetime
{
    // Bounds for waiting on the real server on a loaded 2-core machine; every wait ends as soon as its event happens.
    private static readonly TimeSpan EventLimit = TimeSpan.FromMinutes(2);

    // A training that runs until cancelled (a million Adam steps of a tiny network), and one that ends in a moment.
    private const string Poisson = """
        {"preset":"poisson","domain":{"x":[0,1],"y":[0,1]},"source":"2*pi^2*sin(pi*x)*sin(pi*y)",
         "boundary_conditions":[{"where":"all","type":"dirichlet","value":"0"}]}
        """;

    private readonly string _temp = TempFolder.Create("http-sessions");
    private HttpServer? _server;

    private HttpServer Server => _server!;

    public async Task InitializeAsync() =>
        _server = await HttpServer.StartAsync(["--workspace", Path.Combine(_temp, "ws"), "--allow-root", _temp, "--max-jobs", "2"], logLevel: "Information");

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        TempFolder.TryDelete(_temp);
    }

    [Fact]
    public async Task Initialize_AnswersWithASessionId_AndASupportedVersion_WhenTheClientAsksForAnUnknownNewerOne()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Server.Endpoint)
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2026-07-28","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""",
                System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Authorization", "Bearer " + HttpServer.Token);
        request.Headers.Add("Accept", "application/json, text/event-stream");

        var response = await http.SendAsync(request);

        response.IsSuccessStatusCode.Should().BeTrue();
        response.Headers.TryGetValues("Mcp-Session-Id", out var session).Should().BeTrue();
        session!.Single().Should().NotBeNullOrWhiteSpace();
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"protocolVersion\":\"2025-11-25\"").And.NotContain("-32022");
    }

    [Fact]
    public async Task ApprovalRequest_ShowsTheFormOverHttp_WhenTheClientDeclaredElicitation()
    {
        ElicitRequestParams? asked = null;
        await using var connection = await Server.ConnectAsync(new McpClientHandlers
        {
            ElicitationHandler = (request, _) =>
            {
                asked = request;
                return ValueTask.FromResult(new ElicitResult
                {
                    Action = "accept",
                    Content = new Dictionary<string, JsonElement> { ["decision"] = JsonSerializer.SerializeToElement("approve") },
                });
            },
        });
        var client = connection.Client;
        var csv = Path.Combine(_temp, "predictions.csv");
        await File.WriteAllTextAsync(csv, "x,y_hat\n1,2.1\n2,3.9\n");
        var recorded = await client.CallToolAsync("workbench_record_run", new Dictionary<string, object?>
        {
            ["title"] = "Ridge alpha=1", ["output_files"] = new[] { csv }, ["summary"] = "RMSE 1.5 on the holdout.",
            ["metrics"] = new Dictionary<string, double> { ["rmse"] = 1.5 },
        });
        recorded.IsError.Should().NotBe(true, recorded.Text());
        var runId = recorded.Structured().GetProperty("runId").GetString()!;

        var result = await client.CallToolAsync("workbench_request_approval", new Dictionary<string, object?> { ["run_id"] = runId });

        result.IsError.Should().NotBe(true, result.Text());
        asked.Should().NotBeNull();
        asked!.Message.Should().Contain(runId);
        result.Structured().GetProperty("state").GetString().Should().Be("APPROVED");
        result.Structured().GetProperty("approval").GetProperty("channel").GetString().Should().Be("elicitation");
    }

    // The SDK's own client (2.4.0) sends no notifications/cancelled over Streamable HTTP when a call's token is cancelled
    // (its send of the request only returns once the response stream ends, and the notification is registered after
    // that), so the test sends the notification itself, as other clients (the TypeScript SDK, Inspector) do.
    [Fact]
    public async Task CancelledNotification_StopsTheCallsJob_WhileProgressFlows()
    {
        await using var connection = await Server.ConnectAsync();
        var client = connection.Client;
        var progressed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onProgress = client.RegisterNotificationHandler(NotificationMethods.ProgressNotification, (_, _) =>
        {
            progressed.TrySetResult();
            return ValueTask.CompletedTask;
        });
        var request = new JsonRpcRequest
        {
            Id = new RequestId("train-1"),
            Method = RequestMethods.ToolsCall,
            Params = JsonSerializer.SerializeToNode(new Dictionary<string, object?>
            {
                ["name"] = "pinn_train", ["arguments"] = Training(adamSteps: 1_000_000, waitSeconds: 45),
                ["_meta"] = new Dictionary<string, object?> { ["progressToken"] = "train-1" },
            }),
        };
        _ = client.SendRequestAsync(request).ContinueWith(t => t.Exception, TaskScheduler.Default); // never answered
        await progressed.Task.WaitAsync(EventLimit);
        var jobId = await RunningJobAsync(client);

        await client.SendNotificationAsync(NotificationMethods.CancelledNotification,
            new CancelledNotificationParams { RequestId = request.Id, Reason = "the user stopped it" }, McpJsonUtilities.DefaultOptions);

        (await FinalStateAsync(client, jobId)).Should().Be("cancelled", Server.Log);
    }

    [Fact]
    public async Task ClosingTheSession_CancelsTheJobItsCallWaitedFor_KeepsItsBackgroundJob_AndFreesTheSlot()
    {
        string background;
        await using (var connection = await Server.ConnectAsync())
        {
            var first = connection.Client;
            var started = await first.CallToolAsync("pinn_train", Training(adamSteps: 1_000_000, waitSeconds: 0));
            started.IsError.Should().NotBe(true, started.Text());
            background = started.Structured().GetProperty("job").GetProperty("id").GetString()!;
            var progressed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _ = first.CallToolAsync("pinn_train", Training(adamSteps: 1_000_000, waitSeconds: 45), new Progress(progressed))
                .AsTask().ContinueWith(t => t.Exception, TaskScheduler.Default); // never answered: the session closes
            await progressed.Task.WaitAsync(EventLimit); // both slots of --max-jobs 2 are taken now
        }

        await using var secondConnection = await Server.ConnectAsync();
        var second = secondConnection.Client;
        var orphan = (await JobsAsync(second)).Single(j => j.Id != background).Id;
        (await FinalStateAsync(second, orphan)).Should().Be("cancelled", Server.Log);
        (await JobsAsync(second)).Single(j => j.Id == background).State.Should().Be("running");

        var quick = await second.CallToolAsync("pinn_train", Training(adamSteps: 20, waitSeconds: 45));

        quick.IsError.Should().NotBe(true, quick.Text());
        quick.Text().Should().Contain("finished");
        (await second.CallToolAsync("job_cancel", new Dictionary<string, object?> { ["job_id"] = background })).IsError.Should().NotBe(true);
    }

    private static Dictionary<string, object?> Training(int adamSteps, double waitSeconds) => new()
    {
        ["spec"] = JsonDocument.Parse(Poisson).RootElement,
        ["settings"] = new Dictionary<string, object?> { ["depth"] = 1, ["width"] = 8, ["interior_points"] = 64, ["adam_steps"] = adamSteps, ["lbfgs_steps"] = 0, ["resample_every"] = 0 },
        ["wait_seconds"] = waitSeconds,
    };

    private static async Task<string> RunningJobAsync(McpClient client) =>
        (await JobsAsync(client)).Single(j => j.State == "running").Id;

    private static async Task<IReadOnlyList<(string Id, string State)>> JobsAsync(McpClient client)
    {
        var list = await client.CallToolAsync("job_list");
        return JobLine().Matches(list.Text()).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
    }

    // job_status returns as soon as the job ends; the loop only covers a job slower than one 45 s wait.
    private static async Task<string> FinalStateAsync(McpClient client, string jobId)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await client.CallToolAsync("job_status", new Dictionary<string, object?> { ["job_id"] = jobId, ["wait_seconds"] = 30 });
            var state = (await JobsAsync(client)).Single(j => j.Id == jobId).State;
            if (state is not ("running" or "queued") || clock.Elapsed > EventLimit)
                return state;
        }
    }

    [GeneratedRegex(@"^- (job-\S+) \[(\w+)\]", RegexOptions.Multiline)]
    private static partial Regex JobLine();

    private sealed class Progress(TaskCompletionSource progressed) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value) => progressed.TrySetResult();
    }
}
