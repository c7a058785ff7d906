using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Resources;

/// <summary>Each tool's documentation page as an MCP resource (the detail left out of the short tool descriptions).</summary>
[McpServerResourceType]
public sealed class ToolDocResources(ToolDocumentation docs)
{
    /// <summary>A tool's page.</summary>
    [McpServerResource(UriTemplate = ToolDocumentation.UriTemplate, Name = "tool_docs", Title = "Tool documentation", MimeType = "text/markdown")]
    [Description("A tool's full documentation as Markdown: behaviour, every parameter with defaults, ranges and examples, limits, related tools.")]
    public TextResourceContents Get([Description("Tool name, e.g. \"data_query\".")] string name) => new()
    {
        Uri = ToolDocumentation.UriOf(name),
        MimeType = "text/markdown",
        Text = docs.Read(name),
    };
}
