using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using McpFlow.Core.Mcp.Arguments;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Server.Hosting;

#pragma warning disable RS0030 // Composition root: resolves the server's resources ahead of the host (BannedSymbols.txt).

/// <summary>
/// Start-up work moved off the main thread, so that on two or more cores it overlaps with what the main thread does
/// (measured in docs/benchmarks.md, start-up; the work is the same, only the order changes):
/// <list type="bullet">
/// <item><see cref="Start"/>, first thing in the process: compiles the code the start path runs later. About 1,500
/// generic methods are JIT-compiled before <c>initialize</c> is answered, because ReadyToRun cannot precompile generic
/// code that spans the app and the shared framework (System.Text.Json over the SDK's types): the SDK's tool and
/// resource creation (schema generation by reflection, McpFlow's schema rewrite) and the protocol's JSON contracts.
/// It creates a sample tool and resource of its own and reads and writes an initialize exchange; nothing is kept but
/// process-wide caches (compiled code, the SDK's JSON type information).</item>
/// <item><see cref="CreateResourcesAhead"/>, once the host is built: creates the resources on a pool thread while the
/// main thread creates the tools. The SDK compiles a matcher (a non-backtracking regular expression) for each resource
/// template when it is created, about 5 ms each.</item>
/// </list>
/// </summary>
internal static class StartupWarmUp
{
    // An initialize request as a client sends it.
    private const string InitializeRequest =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{"roots":{"listChanged":true},"sampling":{},"elicitation":{}},"clientInfo":{"name":"warm-up","version":"1.0.0"}}}""";

    private const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Static;

    // The request and result types the server registers handlers for when it is created.
    private static readonly Type[] ProtocolTypes =
    [
        typeof(ListToolsRequestParams), typeof(ListToolsResult), typeof(CallToolRequestParams), typeof(CallToolResult),
        typeof(ListResourcesRequestParams), typeof(ListResourcesResult), typeof(ListResourceTemplatesRequestParams),
        typeof(ListResourceTemplatesResult), typeof(ReadResourceRequestParams), typeof(ReadResourceResult),
        typeof(ListPromptsRequestParams), typeof(ListPromptsResult), typeof(GetPromptRequestParams), typeof(GetPromptResult),
        typeof(CompleteRequestParams), typeof(CompleteResult), typeof(EmptyResult), typeof(PingResult),
        typeof(ProgressNotificationParams), typeof(CancelledNotificationParams),
    ];

    /// <summary>Starts compiling the start path on a background thread; returns at once.</summary>
    public static void Start() => new Thread(Run) { IsBackground = true, Name = "McpFlow start-up warm-up" }.Start();

    /// <summary>Starts creating the server's resources on a pool thread; the host's own resolution of them waits for
    /// (or takes over) the ones under way. A failure surfaces there, where the host creates them.</summary>
    public static void CreateResourcesAhead(IServiceProvider services, CancellationToken cancellationToken) =>
        _ = Task.Run(() => services.GetServices<McpServerResource>(), cancellationToken);

    private static void Run()
    {
#pragma warning disable CA1031 // An optimisation only: a failure leaves the work to the start path, which reports its own.
        try
        {
            var tool = McpServerTool.Create(typeof(StartupWarmUp).GetMethod(nameof(SampleTool), Private)!, target: null, new McpServerToolCreateOptions());
            ToolSchemas.Publish(tool.ProtocolTool);
            _ = McpServerResource.Create(typeof(StartupWarmUp).GetMethod(nameof(SampleResource), Private)!, target: null, new McpServerResourceCreateOptions());

            var json = McpJsonUtilities.DefaultOptions;
            var request = JsonSerializer.Deserialize<JsonRpcMessage>(InitializeRequest, json) as JsonRpcRequest;
            var parameters = request?.Params.Deserialize<InitializeRequestParams>(json);
            var result = new InitializeResult
            {
                ProtocolVersion = parameters?.ProtocolVersion ?? "2025-06-18",
                Capabilities = new ServerCapabilities
                {
                    Tools = new ToolsCapability(),
                    Resources = new ResourcesCapability(),
                    Prompts = new PromptsCapability(),
                    Completions = new CompletionsCapability(),
                },
                ServerInfo = new Implementation { Name = "warm-up", Version = "1.0.0" },
                Instructions = "warm-up",
            };
            var response = new JsonRpcResponse { Id = new RequestId(1), Result = JsonSerializer.SerializeToNode(result, json) };
            _ = JsonSerializer.Serialize<JsonRpcMessage>(response, json);
            foreach (var type in ProtocolTypes)
                _ = json.GetTypeInfo(type);
        }
        catch (Exception)
        {
            // Nothing to do: see above.
        }
#pragma warning restore CA1031
    }

    // Parameters of the kinds McpFlow's tools take (a text, a ranged number, an optional number, a closed word list, a
    // list, a free-form object, the per-request objects), so that generating its schema compiles the same code.
    [McpServerTool(Name = "warm_up", Title = "Warm-up sample", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Warm-up sample; never registered.")]
    private static Task<CallToolResult> SampleTool(
        McpServer server,
        IProgress<ProgressNotificationValue> progress,
        [Description("A text, e.g. \"a\".")] string text,
        [Description("A count, 1-200, e.g. 5.")][Range(1, 200)] int count = 5,
        [Description("Seconds, e.g. 2.5.")] double? seconds = null,
        [Description("A format, e.g. \"csv\".")][AllowedValues("csv", "json")] string format = "csv",
        [Description("Names, e.g. [\"a\"].")] string[]? names = null,
        [Description("Settings, e.g. {\"a\": 1}.")] Dictionary<string, JsonElement>? settings = null,
        [Description("A flag, e.g. true.")] bool flag = false,
        CancellationToken cancellationToken = default) =>
        Task.FromResult(new CallToolResult());

    // A resource template like McpFlow's.
    [McpServerResource(UriTemplate = "mcpflow://warm-up/{id}", Name = "warm_up", MimeType = "application/json")]
    [Description("Warm-up sample; never registered.")]
    private static string SampleResource(string id) => id;
}
