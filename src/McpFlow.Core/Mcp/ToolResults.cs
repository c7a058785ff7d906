using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace McpFlow.Core.Mcp;

/// <summary>Builds tool results: a readable text summary, complete structured content, and optional extra
/// content such as chart images.</summary>
public static class ToolResults
{
    /// <summary>Creates a successful result.</summary>
    public static CallToolResult Create(string text, object? structured = null, IEnumerable<ContentBlock>? extra = null)
    {
        var content = new List<ContentBlock> { new TextContentBlock { Text = text } };
        if (extra is not null)
            content.AddRange(extra);
        return new CallToolResult
        {
            Content = content,
            StructuredContent = structured is null ? null : JsonSerializer.SerializeToElement(structured, structured.GetType(), McpFlowJson.Options),
        };
    }

    /// <summary>An image content block for a PNG.</summary>
    public static ImageContentBlock Png(byte[] png) => ImageContentBlock.FromBytes(png, "image/png");
}
