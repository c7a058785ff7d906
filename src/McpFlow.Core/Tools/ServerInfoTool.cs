using System.ComponentModel;
using System.Reflection;
using System.Text;
using McpFlow.Core.Configuration;
using McpFlow.Core.Files;
using McpFlow.Core.Groups;
using McpFlow.Core.Mcp;
using McpFlow.Core.Native;
using McpFlow.Core.Security;
using McpFlow.Core.Workspace;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Tools;

/// <summary>The <c>server_info</c> tool.</summary>
[McpServerToolType]
public sealed class ServerInfoTool(
    McpFlowOptions options, McpFlowWorkspace workspace, FileAccessGuard guard, ToolGroupSelection groups, IEnumerable<IEngineProbe> probes,
    ILogger<ServerInfoTool> logger)
{
    /// <summary>Describes this McpFlow server.</summary>
    [McpServerTool(Name = "server_info", Title = "Server information", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Describes the server: groups, workspace, allowed roots, read-only mode, engines. Call it first.")]
    public CallToolResult Info(
        [Description("Check each engine loads, e.g. false.")]
        bool probe_engines = true,
        CancellationToken cancellationToken = default)
    {
        var version = typeof(ServerInfoTool).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var engines = probe_engines ? probes.Select(p =>
        {
            cancellationToken.ThrowIfCancellationRequested(); // each probe may load a native engine
            return p.Probe(logger);
        }).ToList() : [];
        var tracking = options.MlflowTrackingUri ?? workspace.Root + "/mlruns (local MLflow file store)";
        var info = new
        {
            name = "McpFlow",
            version,
            runtime = Environment.Version.ToString(),
            enabledGroups = groups.Enabled,
            groups = groups.Known.Select(g => new { name = g.Name, description = g.Description, enabled = groups.Enabled.Contains(g.Name) }),
            workspace = workspace.Root,
            allowedRoots = guard.Roots,
            readOnly = options.ReadOnly,
            sqlWritesEnabled = options.Sql.AllowWrites,
            trackingUri = RedactCredentials(tracking),
            openMpWaitPolicy = OpenMpWaitPolicy.Current,
            engines,
        };

        var text = new StringBuilder()
            .AppendLine($"McpFlow {version} on .NET {Environment.Version}")
            .AppendLine($"Groups enabled: {string.Join(", ", groups.Enabled)}{(options.ReadOnly ? " (read-only mode: only read-only tools)" : "")}")
            .AppendLine($"Workspace: {workspace.Root}")
            .AppendLine($"Allowed roots: {string.Join(", ", guard.Roots)}")
            .AppendLine($"Tracking: {RedactCredentials(tracking)}")
            .AppendLine($"OpenMP waiting (LightGBM, libtorch): OMP_WAIT_POLICY={OpenMpWaitPolicy.Current ?? "unset (threads spin)"}");
        foreach (var engine in engines)
            text.AppendLine($"- {engine.Engine}: {(engine.Available ? "available" : "NOT available")}{(engine.Version is null ? "" : " " + engine.Version)}{(engine.Detail is null ? "" : " (" + engine.Detail + ")")}");
        return ToolResults.Create(text.ToString().TrimEnd(), info);
    }

    private static string RedactCredentials(string uri) => SecretRedactor.RedactText(uri);
}
