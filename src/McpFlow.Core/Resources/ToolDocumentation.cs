using McpFlow.Core.Docs;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Resources;

/// <summary>The pages of the tools this server lists (enabled groups, read-only mode and tool selection applied): a
/// page is offered and served only for a tool a client can see in tools/list.</summary>
public sealed class ToolDocumentation(ToolPages pages, IOptions<McpServerOptions> server)
{
    /// <summary>URI template of a tool's page.</summary>
    public const string UriTemplate = "mcpflow://docs/tools/{name}";

    /// <summary>The listed tools that have a page, sorted.</summary>
    public IReadOnlyList<string> Names =>
        (server.Value.ToolCollection?.Select(t => t.ProtocolTool.Name) ?? []).Where(n => pages.Find(n) is not null).Order(StringComparer.Ordinal).ToList();

    /// <summary>URI of <paramref name="tool"/>'s page.</summary>
    public static string UriOf(string tool) => UriTemplate.Replace("{name}", tool, StringComparison.Ordinal);

    /// <summary>The Markdown page of <paramref name="tool"/>; an actionable NotFound error when the server lists no such tool.</summary>
    public string Read(string tool)
    {
        var names = Names;
        if (names.Contains(tool, StringComparer.Ordinal))
            return pages.Find(tool)!;
        var nearest = NameSuggestions.Nearest(tool, names);
        throw McpFlowException.NotFound(
            $"No tool named '{ArgumentEcho.Show(tool)}' on this server, so no documentation page." + (nearest is null ? "" : $" Did you mean '{nearest}'?"),
            $"Use a name from tools/list (or complete the 'name' argument of {UriTemplate}), e.g. {UriOf(names.FirstOrDefault() ?? "server_info")}.");
    }
}
