using ModelContextProtocol.Server;

namespace McpFlow.Core.Mcp;

/// <summary>In read-only mode, removes every tool not annotated read-only, so it is neither listed nor callable.</summary>
public static class ReadOnlyFilter
{
    /// <summary>Removes the non-read-only tools from the server's tool collection.</summary>
    public static void Apply(McpServerOptions options)
    {
        if (options.ToolCollection is not { } tools)
            return;
        foreach (var tool in tools.Where(t => t.ProtocolTool.Annotations?.ReadOnlyHint != true).ToList())
            tools.Remove(tool);
    }
}
