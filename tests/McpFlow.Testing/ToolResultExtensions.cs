using System.Text.Json;
using FluentAssertions;
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

    /// <summary>The structured content's <c>nextSteps</c> (empty when absent).</summary>
    public static IReadOnlyList<string> NextSteps(this CallToolResult result) =>
        result.StructuredContent is { } s && s.TryGetProperty("nextSteps", out var steps)
            ? steps.EnumerateArray().Select(e => e.GetString()!).ToList()
            : [];

    /// <summary>Asserts that the result's text ends with its next steps, one per line, and that they are exactly the
    /// structured content's <c>nextSteps</c>, naming at least <paramref name="tool"/> (one list feeds both parts).</summary>
    public static void ShouldCarryItsNextSteps(this CallToolResult result, string tool)
    {
        var steps = result.NextSteps();
        steps.Should().Contain(s => s.Contains(tool, StringComparison.Ordinal), result.Text());
        result.Text().Should().EndWith("\n\n" + string.Join("\n", steps));
    }

    /// <summary>The PNG images of the result.</summary>
    public static IReadOnlyList<byte[]> Images(this CallToolResult result) =>
        result.Content.OfType<ImageContentBlock>().Select(i => i.DecodedData.ToArray()).ToList();
}
