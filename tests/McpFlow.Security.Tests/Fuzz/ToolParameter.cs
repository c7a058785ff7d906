using System.Text.Json;

namespace McpFlow.Security.Tests.Fuzz;

/// <summary>One parameter as tools/list describes it.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Kind">Its JSON type (string, integer, number, boolean, array, object), or "any" when the schema gives none.</param>
/// <param name="Nullable">Whether null is allowed.</param>
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
        var kind = types.FirstOrDefault(t => t != "null") ?? "any";
        string? item = null;
        if (kind == "array")
            item = schema.TryGetProperty("items", out var items) ? TypesOf(items).FirstOrDefault(t => t != "null") ?? "any" : "any";
        var description = schema.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
        var hasEnum = schema.TryGetProperty("enum", out _) || (schema.TryGetProperty("items", out var i) && i.ValueKind == JsonValueKind.Object && i.TryGetProperty("enum", out _));
        return new ToolParameter(name, kind, types.Count == 0 || types.Contains("null"), required, item, description)
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
