using System.Globalization;
using System.Text.Json;

namespace McpFlow.Core.Mcp.Arguments;

/// <summary>Reads the parts of a tool's input JSON schema that argument checking uses (the subset the SDK generates
/// from C# parameters: type, enum, minimum/maximum, lengths, items, properties, required, additionalProperties).</summary>
internal static class JsonSchemaFacts
{
    /// <summary>The schema's types, e.g. ["integer"] or ["string", "null"]; empty when the schema allows any value.</summary>
    public static IReadOnlyList<string> Types(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type))
            return [];
        return type.ValueKind switch
        {
            JsonValueKind.String => [type.GetString()!],
            JsonValueKind.Array => type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList(),
            _ => [],
        };
    }

    /// <summary>A numeric keyword such as <c>minimum</c>, if present.</summary>
    public static double? Number(JsonElement schema, string keyword) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(keyword, out var value) && value.TryGetDouble(out var number)
            ? number
            : null;

    /// <summary>A sub-schema such as <c>items</c>, if present.</summary>
    public static JsonElement? Child(JsonElement schema, string keyword) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    /// <summary>The allowed values (<c>enum</c>), if any.</summary>
    public static IReadOnlyList<JsonElement>? Enum(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array
            ? values.EnumerateArray().ToList()
            : null;

    /// <summary>The names of the required properties.</summary>
    public static IReadOnlyList<string> Required(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array
            ? required.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).ToList()
            : [];

    /// <summary>Whether an object may have properties not listed in <c>properties</c> (JSON Schema's default: yes,
    /// unless <c>properties</c> lists them; tool input schemas list every parameter, so unlisted ones are refused there).</summary>
    public static bool AllowsUnlisted(JsonElement schema) =>
        schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind != JsonValueKind.False;

    /// <summary>The description of a (property) schema, or null.</summary>
    public static string? Description(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String
            ? d.GetString()
            : null;

    /// <summary>A number as people write it: invariant, shortest round-trip form.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
