using System.Text.Json;
using McpFlow.Core.Mcp.Arguments;

namespace McpFlow.Security.Tests.Fuzz;

/// <summary>One parameter as tools/list describes it.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Kind">Its JSON type (string, integer, number, boolean, array, object), or "any" when the schema gives none.</param>
/// <param name="Nullable">Whether null is allowed (it is for every optional parameter: null means not given).</param>
/// <param name="Required">Whether the schema requires it.</param>
/// <param name="ItemKind">For arrays: the items' type ("any" when not given).</param>
/// <param name="Description">The description, which states ranges and choices.</param>
internal sealed record ToolParameter(string Name, string Kind, bool Nullable, bool Required, string? ItemKind, string Description)
{
    /// <summary>The schema's <c>minimum</c>, when declared.</summary>
    public double? Minimum { get; init; }

    /// <summary>The schema's <c>maximum</c>, when declared.</summary>
    public double? Maximum { get; init; }

    /// <summary>True when the schema (or, for arrays, its items) declares an <c>enum</c>.</summary>
    public bool HasEnum { get; init; }

    /// <summary>Reads a parameter from its JSON schema.</summary>
    public static ToolParameter From(string name, JsonElement schema, bool required)
    {
        var types = TypesOf(schema);
        var description = schema.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
        // A free-form object published as JSON text takes the object or its text (ToolSchemas): any JSON for the fuzz.
        var kind = description.EndsWith(ToolSchemas.JsonTextNote, StringComparison.Ordinal) ? "any" : types.FirstOrDefault(t => t != "null") ?? "any";
        string? item = null;
        if (kind == "array")
            item = schema.TryGetProperty("items", out var items) ? TypesOf(items).FirstOrDefault(t => t != "null") ?? "any" : "any";
        var hasEnum = schema.TryGetProperty("enum", out _) || (schema.TryGetProperty("items", out var i) && i.ValueKind == JsonValueKind.Object && i.TryGetProperty("enum", out _));
        // Null for an optional parameter means "not given" (ArgumentSchemaValidator).
        return new ToolParameter(name, kind, !required || kind == "any" || types.Contains("null"), required, item, description)
        {
            Minimum = Number(schema, "minimum"), Maximum = Number(schema, "maximum"), HasEnum = hasEnum,
        };
    }

    private static double? Number(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out var value) && value.TryGetDouble(out var number) ? number : null;

    private static List<string> TypesOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
            return [];
        return type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
    }
}
