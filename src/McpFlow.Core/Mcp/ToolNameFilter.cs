using McpFlow.Core.Configuration;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Mcp;

/// <summary>Applies <c>--tools</c> and <c>--exclude-tools</c>: removes every tool not named in
/// <see cref="McpFlowOptions.Tools"/> (when it names any) and every tool named in
/// <see cref="McpFlowOptions.ExcludeTools"/>, so it is neither listed nor callable. Names were checked by
/// <see cref="OptionsValidator"/>.</summary>
public static class ToolNameFilter
{
    /// <summary>Removes the tools the options leave out from the server's tool collection.</summary>
    public static void Apply(McpServerOptions server, McpFlowOptions options)
    {
        if (server.ToolCollection is not { } tools || (options.Tools.Count == 0 && options.ExcludeTools.Count == 0))
            return;
        var only = options.Tools.ToHashSet(StringComparer.Ordinal);
        var excluded = options.ExcludeTools.ToHashSet(StringComparer.Ordinal);
        foreach (var tool in tools.Where(t => (only.Count > 0 && !only.Contains(t.ProtocolTool.Name)) || excluded.Contains(t.ProtocolTool.Name)).ToList())
            tools.Remove(tool);
    }
}
