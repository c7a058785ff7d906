using McpFlow.Core.Configuration;
using McpFlow.Core.Tracking;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Mcp;

/// <summary>Sets <c>openWorldHint</c> from the configuration: tools marked <see cref="UsesTrackingServerAttribute"/>
/// are open-world when the MLflow tracking URI is a remote server.</summary>
public static class OpenWorldAnnotations
{
    /// <summary>True when <paramref name="trackingUri"/> names an MLflow server over HTTP(S).</summary>
    public static bool IsRemote(string? trackingUri) =>
        trackingUri is not null
        && (trackingUri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || trackingUri.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    /// <summary>Marks the tracking tools open-world when the tracking store is remote.</summary>
    public static void Apply(McpServerOptions server, McpFlowOptions options)
    {
        if (server.ToolCollection is not { } tools || !IsRemote(options.MlflowTrackingUri))
            return;
        foreach (var tool in tools.Where(t => t.Metadata.OfType<UsesTrackingServerAttribute>().Any()))
        {
            tool.ProtocolTool.Annotations ??= new();
            tool.ProtocolTool.Annotations.OpenWorldHint = true;
        }
    }
}
