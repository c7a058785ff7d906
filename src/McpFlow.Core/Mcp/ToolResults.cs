using System.Text.Json;
using System.Text.Json.Nodes;
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

    /// <summary>Creates a successful result whose next steps (sentences naming the tools to call next) end the text, one per
    /// line, and are the structured content's <c>nextSteps</c> array too: one list feeds both parts, so a client that
    /// reads only the structured content gets the same hints.</summary>
    public static CallToolResult Create(string text, object structured, IReadOnlyList<string> nextSteps, IEnumerable<ContentBlock>? extra = null)
    {
        var withSteps = nextSteps.Count == 0 ? text : text.TrimEnd() + "\n\n" + string.Join("\n", nextSteps);
        return Create(withSteps, WithNextSteps(structured, nextSteps), extra);
    }

    /// <summary>The structured content with <paramref name="nextSteps"/> appended to its <c>nextSteps</c> array (created
    /// when absent; a result without next steps keeps its shape).</summary>
    public static JsonObject WithNextSteps(object structured, IReadOnlyList<string> nextSteps)
    {
        var node = structured as JsonObject ?? JsonSerializer.SerializeToNode(structured, structured.GetType(), McpFlowJson.Options) as JsonObject
            ?? throw new ArgumentException("The structured content must serialize to a JSON object.", nameof(structured));
        if (nextSteps.Count == 0)
            return node;
        if (node[NextStepsProperty] is not JsonArray steps)
            node[NextStepsProperty] = steps = [];
        foreach (var step in nextSteps)
            steps.Add(step);
        return node;
    }

    /// <summary>The structured content's property holding the next steps.</summary>
    public const string NextStepsProperty = "nextSteps";

    /// <summary>An image content block for a PNG.</summary>
    public static ImageContentBlock Png(byte[] png) => ImageContentBlock.FromBytes(png, "image/png");
}
