using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace McpFlow.Testing;

/// <summary>Reading tool results in tests.</summary>
public static class ToolResultExtensions
{
    /// <summary>All text content joined by newlines.</summary>
    public static string Text(this CallToolResult result) =>
        string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    /// <summary>The structured content (throws when absent).</summary>
    public static JsonElement Structured(this CallToolResult result) =>
        result.StructuredContent ?? throw new Xunit.Sdk.XunitException("The result has no structured content: " + result.Text());

    /// <summary>The PNG images of the result.</summary>
    public static IReadOnlyList<byte[]> Images(this CallToolResult result) =>
        result.Content.OfType<ImageContentBlock>().Select(i => i.DecodedData.ToArray()).ToList();
}
