using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpFlow.Server.Tests.Support;
using McpFlow.Testing;

namespace McpFlow.Server.Tests.EndToEnd;

/// <summary>
/// Protocol checks over stdio that the official conformance suite (HTTP only) cannot make and the SDK's client cannot
/// send: raw JSON-RPC lines to the real server process. Version negotiation by the 2025-11-25 rule, precise error codes,
/// completions, log notifications honouring logging/setLevel, ping, and a quick exit when standard input closes.
/// </summary>
public sealed class StdioConformanceEndToEndTests : IAsyncLifetime
{
    // Bounds for the real process on a loaded 2-core machine; each wait ends as soon as its line arrives.
    private static readonly TimeSpan LineLimit = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan ExitLimit = TimeSpan.FromSeconds(15);

    private readonly string _temp = TempFolder.Create("stdio-conformance");
    private Process? _server;
    private int _nextId;

    private Process Server => _server!;

    public Task InitializeAsync()
    {
        _server = ServerProcess.Start(["--workspace", Path.Combine(_temp, "ws"), "--allow-root", _temp],
            new Dictionary<string, string> { ["MCPFLOW_LOG_LEVEL"] = "Warning" });
        _server.ErrorDataReceived += (_, _) => { }; // drain the log so a full pipe never blocks the server
        _server.BeginErrorReadLine();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        TempFolder.TryDelete(_temp);
    }

    [Fact]
    public async Task Initialize_AnswersASupportedVersion_ForAnUnknownNewerOne_AndDeclaresLoggingAndCompletions()
    {
        var (result, _) = await InitializeAsync("2026-07-28");

        result["protocolVersion"]!.GetValue<string>().Should().Be("2025-11-25");
        result["capabilities"]!.AsObject().Should().ContainKeys("logging", "completions", "tools", "prompts", "resources");
        (await RequestAsync("ping")).Result.Should().NotBeNull();
    }

    [Theory]
    [InlineData("tools/call", """{"name":"no_such_tool","arguments":{}}""")]
    [InlineData("tools/call", """{"arguments":{}}""")]
    [InlineData("prompts/get", """{"name":"explore_dataset"}""")]
    [InlineData("logging/setLevel", """{"level":"loud"}""")]
    public async Task BadParams_AreAnsweredWithInvalidParams_AndAMessageThatSaysWhat(string method, string parameters)
    {
        await InitializeAsync("2025-11-25");

        var (_, error) = await RequestAsync(method, JsonNode.Parse(parameters));

        error.Should().NotBeNull();
        error!["code"]!.GetValue<int>().Should().Be(-32602);
        error["message"]!.GetValue<string>().Should().NotBe("An error occurred.").And.NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Completions_OfferTheWorkspacesTables_ForPromptAndResourceTemplateArguments()
    {
        await InitializeAsync("2025-11-25");
        var csv = Path.Combine(_temp, "sales.csv");
        await File.WriteAllTextAsync(csv, "region,amount\nnorth,1\nsouth,2\n");
        (await CallAsync("data_load", new JsonObject { ["path"] = csv })).Error.Should().BeNull();

        var prompt = await CompleteAsync(new JsonObject { ["type"] = "ref/prompt", ["name"] = "explore_dataset" }, "dataset", "sa");
        var template = await CompleteAsync(new JsonObject { ["type"] = "ref/resource", ["uri"] = "mcpflow://data/tables/{table}" }, "table", "");
        var none = await CompleteAsync(new JsonObject { ["type"] = "ref/resource", ["uri"] = "mcpflow://data/tables/{table}" }, "table", "zz");

        prompt.Should().Equal("sales");
        template.Should().Equal("sales");
        none.Should().BeEmpty();
    }

    [Fact]
    public async Task LogNotifications_FollowTheLevelTheClientSets()
    {
        await InitializeAsync("2025-11-25");

        var (_, _, atInfo) = await CallWithNotificationsAsync("data_describe_table", new JsonObject { ["table"] = "missing" });
        await RequestAsync("logging/setLevel", new JsonObject { ["level"] = "debug" });
        var (_, _, atDebug) = await CallWithNotificationsAsync("data_list_tables", new JsonObject());
        await RequestAsync("logging/setLevel", new JsonObject { ["level"] = "error" });
        var (_, _, atError) = await CallWithNotificationsAsync("data_describe_table", new JsonObject { ["table"] = "missing" });

        atInfo.Should().ContainSingle(n => Level(n) == "warning" && Data(n).Contains("data_describe_table failed"));
        atDebug.Should().ContainSingle(n => Level(n) == "debug" && Data(n).Contains("data_list_tables finished"));
        atError.Should().BeEmpty();
    }

    [Fact]
    public async Task ClosingStdin_EndsTheServerQuickly()
    {
        await InitializeAsync("2025-11-25");
        var clock = Stopwatch.StartNew();

        Server.StandardInput.Close();
        using var timeout = new CancellationTokenSource(ExitLimit);
        await Server.WaitForExitAsync(timeout.Token);

        Server.ExitCode.Should().Be(0);
        clock.Elapsed.Should().BeLessThan(ExitLimit);
    }

    private static string Level(JsonNode notification) => notification["params"]!["level"]!.GetValue<string>();

    private static string Data(JsonNode notification) => notification["params"]!["data"]!.ToJsonString();

    private async Task<(JsonNode Result, JsonNode? Error)> InitializeAsync(string version)
    {
        var (result, error) = await RequestAsync("initialize", new JsonObject
        {
            ["protocolVersion"] = version, ["capabilities"] = new JsonObject(), ["clientInfo"] = new JsonObject { ["name"] = "conformance", ["version"] = "1" },
        });
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "notifications/initialized" });
        return (result!, error);
    }

    private async Task<IReadOnlyList<string>> CompleteAsync(JsonObject reference, string argument, string value)
    {
        var (result, error) = await RequestAsync("completion/complete", new JsonObject
        {
            ["ref"] = reference, ["argument"] = new JsonObject { ["name"] = argument, ["value"] = value },
        });
        error.Should().BeNull();
        return result!["completion"]!["values"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
    }

    private async Task<(JsonNode? Result, JsonNode? Error)> CallAsync(string tool, JsonObject arguments)
    {
        var (result, error, _) = await CallWithNotificationsAsync(tool, arguments);
        return (result, error);
    }

    private Task<(JsonNode? Result, JsonNode? Error, IReadOnlyList<JsonNode> Notifications)> CallWithNotificationsAsync(string tool, JsonObject arguments) =>
        RequestWithNotificationsAsync("tools/call", new JsonObject { ["name"] = tool, ["arguments"] = arguments });

    private async Task<(JsonNode? Result, JsonNode? Error)> RequestAsync(string method, JsonNode? parameters = null)
    {
        var (result, error, _) = await RequestWithNotificationsAsync(method, parameters);
        return (result, error);
    }

    // Sends a request and reads lines up to its answer; the log notifications the server sent meanwhile come with it.
    private async Task<(JsonNode? Result, JsonNode? Error, IReadOnlyList<JsonNode> Notifications)> RequestWithNotificationsAsync(string method, JsonNode? parameters)
    {
        var id = ++_nextId;
        var request = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (parameters is not null)
            request["params"] = parameters;
        await SendAsync(request);
        var notifications = new List<JsonNode>();
        while (true)
        {
            var line = await Server.StandardOutput.ReadLineAsync().WaitAsync(LineLimit)
                       ?? throw new Xunit.Sdk.XunitException($"The server closed stdout before answering {method}.");
            var message = JsonNode.Parse(line)!;
            if (message["id"] is { } answered && answered.GetValueKind() == JsonValueKind.Number && answered.GetValue<int>() == id)
                return (message["result"], message["error"], notifications);
            if (message["method"]?.GetValue<string>() == "notifications/message")
                notifications.Add(message);
        }
    }

    private async Task SendAsync(JsonObject message)
    {
        await Server.StandardInput.WriteLineAsync(message.ToJsonString());
        await Server.StandardInput.FlushAsync();
    }
}
