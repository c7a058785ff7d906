using System.Reflection;
using System.Text.Json.Nodes;

namespace McpFlow.Core.Mcp.Apps;

/// <summary>
/// One MCP Apps view: a self-contained HTML page (inline script and style, no network) served as the resource
/// <c>ui://mcpflow/&lt;name&gt;</c> and linked from the tools whose results it shows.
/// </summary>
/// <param name="Name">The view's name, e.g. <c>review-card</c> (lower case, digits and dashes).</param>
/// <param name="Title">A short human title.</param>
/// <param name="Description">One sentence: what the view shows.</param>
/// <param name="Html">The page, with the Content-Security-Policy meta tag already in place (<see cref="ViewPolicy.Apply"/>).</param>
/// <param name="Tools">The tools whose results the view renders.</param>
public sealed record AppView(string Name, string Title, string Description, string Html, IReadOnlyList<string> Tools)
{
    /// <summary>The view's resource URI.</summary>
    public string Uri => McpApps.UriPrefix + Name;

    /// <summary>Builds a view from an HTML file embedded in <paramref name="assembly"/> under <paramref name="resourceName"/>,
    /// inlining the shared style and protocol script (<see cref="ViewPage.Compose"/>) and adding its
    /// Content-Security-Policy (<see cref="ViewPolicy.Apply"/>).</summary>
    public static AppView FromEmbedded(Assembly assembly, string resourceName, string name, string title, string description, IReadOnlyList<string> tools)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The view '{name}' is not embedded as '{resourceName}' in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return new AppView(name, title, description, ViewPolicy.Apply(ViewPage.Compose(reader.ReadToEnd())), tools);
    }

    /// <summary>The resource's <c>_meta</c>: <c>{"ui": {"csp": {...}, "prefersBorder": true}}</c> (<see cref="ViewPolicy.ResourceMeta"/>).</summary>
    public JsonObject ResourceMeta() => new() { [McpApps.MetaKey] = ViewPolicy.ResourceMeta() };

    /// <summary>A linked tool's <c>_meta</c> entries: <c>ui.resourceUri</c> and the legacy flat <c>ui/resourceUri</c>.</summary>
    public void LinkTool(JsonObject toolMeta)
    {
        ArgumentNullException.ThrowIfNull(toolMeta);
        var ui = toolMeta[McpApps.MetaKey] as JsonObject ?? [];
        ui["resourceUri"] = Uri;
        toolMeta[McpApps.MetaKey] = ui;
        toolMeta[McpApps.LegacyResourceUriKey] = Uri;
    }
}
