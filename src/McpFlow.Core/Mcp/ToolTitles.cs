using ModelContextProtocol.Server;

namespace McpFlow.Core.Mcp;

/// <summary>
/// Sends each tool's title once. The SDK copies <c>Title</c> into both <c>title</c> and <c>annotations.title</c>;
/// tools/list counts against the client's context (issue 12's budget, <c>ToolSurfaceBudgetTests</c>), so the top-level
/// copy is dropped. <c>annotations.title</c> stays: clients of 2025-03-26 know only that one, and later clients fall
/// back to it (the specification's display-name order is title, annotations.title, name).
/// </summary>
public static class ToolTitles
{
    /// <summary>Removes the top-level title of every tool whose annotations carry the same title.</summary>
    public static void Apply(McpServerOptions server)
    {
        foreach (var tool in server.ToolCollection ?? [])
        {
            if (tool.ProtocolTool.Annotations?.Title is { } title && title == tool.ProtocolTool.Title)
                tool.ProtocolTool.Title = null;
        }
    }
}
