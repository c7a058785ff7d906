using System.Text.Json;
using System.Text.Json.Serialization;

namespace McpFlow.Core.Mcp;

/// <summary>The JSON conventions of McpFlow's structured results and records: camelCase, enums as strings,
/// NaN and infinities written as the strings "NaN", "Infinity", "-Infinity" rather than failing.</summary>
public static class McpFlowJson
{
    /// <summary>Shared serializer options (read-only once first used).</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>The same options, indented, for files people read.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals | JsonNumberHandling.AllowReadingFromString,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
