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
    /// <summary>Reads a parameter from its JSON schema.</summary>
    public static ToolParameter From(string name, JsonElement schema, bool required)
    {
        var types = TypesOf(schema);
        var kind = types.FirstOrDefault(t => t != "null") ?? "any";
        string? item = null;
        if (kind == "array")
            item = schema.TryGetProperty("items", out var items) ? TypesOf(items).FirstOrDefault(t => t != "null") ?? "any" : "any";
        var description = schema.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
        return new ToolParameter(name, kind, types.Count == 0 || types.Contains("null"), required, item, description);
    }

    private static List<string> TypesOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
            return [];
        return type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
    }
}
