using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Mcp.Apps;

/// <summary>
/// Registers MCP Apps views: each as the resource <c>ui://mcpflow/&lt;name&gt;</c> (<see cref="McpApps.MimeType"/>, the CSP in
/// <c>_meta.ui</c> of the listing and of the contents), with its tool links (<see cref="AppToolLinks"/>). The capability
/// (<see cref="AppsCapabilityFilter"/>) and the listing filter (<see cref="HideFromOtherClients"/>) are Core's.
/// </summary>
public static class AppViewResources
{
    /// <summary>Serves <paramref name="view"/> and links its tools.</summary>
    public static IMcpServerBuilder WithAppView(this IMcpServerBuilder mcp, AppView view)
    {
        ArgumentNullException.ThrowIfNull(mcp);
        ArgumentNullException.ThrowIfNull(view);
        mcp.WithResources([Create(view)]);
        mcp.WithRequestFilters(filters => filters.AddListToolsFilter(AppToolLinks.For(view)));
        return mcp;
    }

    /// <summary>The resource serving <paramref name="view"/>.</summary>
    public static McpServerResource Create(AppView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return McpServerResource.Create(
            () => new TextResourceContents { Uri = view.Uri, MimeType = McpApps.MimeType, Text = view.Html, Meta = view.ResourceMeta() },
            new McpServerResourceCreateOptions
            {
                UriTemplate = view.Uri, Name = view.Name, Title = view.Title, Description = view.Description,
                MimeType = McpApps.MimeType, Meta = view.ResourceMeta(),
            });
    }

    /// <summary>A resources/list filter that leaves the <c>ui://</c> views out for clients that did not declare the
    /// extension, so their listing is as before.</summary>
    public static McpRequestHandler<ListResourcesRequestParams, ListResourcesResult> HideFromOtherClients(
        McpRequestHandler<ListResourcesRequestParams, ListResourcesResult> next) =>
        async (context, cancellationToken) =>
        {
            var result = await next(context, cancellationToken);
            if (!McpApps.ClientSupports(context.Server.ClientCapabilities))
                result.Resources = result.Resources.Where(r => !r.Uri.StartsWith(McpApps.UriPrefix, StringComparison.Ordinal)).ToList();
            return result;
        };
}
