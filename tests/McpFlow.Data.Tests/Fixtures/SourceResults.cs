using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace McpFlow.Data.Tests.Fixtures;

/// <summary>Reads a finished <c>data_load_source</c> answer.</summary>
public static class SourceResults
{
    /// <summary>The load's result inside the job answer's structured content.</summary>
    public static JsonElement Loaded(this CallToolResult result) =>
        result.StructuredContent!.Value.GetProperty("result");
}
