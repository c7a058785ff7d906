using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Mcp.Apps;

/// <summary>
/// Links a view's tools to it in tools/list (<c>_meta.ui.resourceUri</c> and the legacy <c>ui/resourceUri</c>), only for a
/// session whose client declared the extension: every other client gets tools/list byte for byte as before (issue 12's
/// token budget, <c>ToolSurfaceBudgetTests</c>, is measured without it). The listed tools are copies: the server's tool
/// objects are shared by every session.
/// </summary>
public static class AppToolLinks
{
    /// <summary>A tools/list filter adding <paramref name="view"/>'s links for clients that declared the extension.</summary>
    public static McpRequestFilter<ListToolsRequestParams, ListToolsResult> For(AppView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return next => async (context, cancellationToken) =>
        {
            var result = await next(context, cancellationToken);
            if (McpApps.ClientSupports(context.Server.ClientCapabilities))
                Link(result.Tools, view);
            return result;
        };
    }

    /// <summary>Replaces each of <paramref name="view"/>'s tools in <paramref name="tools"/> by a copy linked to the view.</summary>
    public static void Link(IList<Tool> tools, AppView view)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(view);
        for (var i = 0; i < tools.Count; i++)
        {
            if (!view.Tools.Contains(tools[i].Name, StringComparer.Ordinal))
                continue;
            var copy = JsonSerializer.SerializeToNode(tools[i], McpJsonUtilities.DefaultOptions)!.Deserialize<Tool>(McpJsonUtilities.DefaultOptions)!;
            copy.Meta ??= [];
            view.LinkTool(copy.Meta);
            tools[i] = copy;
        }
    }
}
