using System.Text.Json;

namespace McpFlow.Server.Tests.Catalogue;

/// <summary>
/// The schema subset Gemini's function declarations accept (the <c>parameters</c> field, "a select subset of an OpenAPI
/// 3.0 schema object"), as Gemini clients send MCP input schemas. Sources:
/// <list type="bullet">
/// <item>The Gemini API reference of <c>Schema</c> (https://ai.google.dev/api/caching#Schema; the same fields in
/// googleapis/js-genai <c>types.Schema</c>): type (one of STRING, NUMBER, INTEGER, BOOLEAN, ARRAY, OBJECT), format,
/// title, description, nullable, enum (strings), maxItems, minItems, properties, required, minProperties,
/// maxProperties, minLength, maxLength, pattern, example, anyOf, propertyOrdering, default, items, minimum, maximum.
/// Anything else (additionalProperties, $ref, $defs, $schema, const, oneOf, allOf, exclusiveMinimum, …) is refused as
/// "Invalid JSON payload received. Unknown name" (nanbingxyz/5ire#42 for additionalProperties).</item>
/// <item>A type array (["string", "null"]) is refused: "Invalid value at …value.type (…v1beta.Type)"
/// (zereight/gitlab-mcp#166).</item>
/// <item>An OBJECT needs properties: "…properties: should be non-empty for OBJECT type" (MarkusPfundstein/mcp-obsidian#21,
/// CherryHQ/cherry-studio#3270); properties and required only on OBJECT: "only allowed for OBJECT type"
/// (anomalyco/opencode#11889).</item>
/// <item>Formats: float/double for NUMBER, int32/int64 for INTEGER, enum/date-time for STRING; enum values are strings.</item>
/// </list>
/// We also refuse anyOf (a union of types) and nullable, so one schema means one type. The root of a tool without
/// parameters may have no properties: Gemini clients leave <c>parameters</c> unset for a function without
/// parameters (FunctionDeclaration.parameters: "For function with no parameters, this can be left unset").
/// </summary>
internal static class GeminiSubset
{
    private static readonly HashSet<string> Keywords =
    [
        "type", "format", "title", "description", "enum", "maxItems", "minItems", "properties", "required", "minProperties",
        "maxProperties", "minLength", "maxLength", "pattern", "example", "propertyOrdering", "default", "items", "minimum", "maximum",
    ];

    private static readonly HashSet<string> Types = ["string", "number", "integer", "boolean", "array", "object"];

    private static readonly Dictionary<string, string[]> Formats = new()
    {
        ["number"] = ["float", "double"],
        ["integer"] = ["int32", "int64"],
        ["string"] = ["enum", "date-time"],
    };

    /// <summary>Every problem of <paramref name="schema"/> (a tool's input schema) against the subset.</summary>
    public static IReadOnlyList<string> Check(JsonElement schema, string tool)
    {
        var problems = new List<string>();
        Walk(schema, tool, root: true, problems);
        return problems;
    }

    /// <summary>Only the typing rule: every schema and sub-schema has exactly one type, given as a string (or, in an
    /// output schema, refers to its definition of a double).</summary>
    public static IReadOnlyList<string> Typed(JsonElement schema, string path)
    {
        var problems = new List<string>();
        // An output schema's doubles refer to its one definition of a number that may be written as "NaN" (ToolSchemas).
        if (schema.TryGetProperty("$ref", out var reference) && reference.GetString() == "#/$defs/number")
            return problems;
        if (!schema.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            problems.Add($"{path}: type must be one string; got {(schema.TryGetProperty("type", out var t) ? t.GetRawText() : "none")}");
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var p in properties.EnumerateObject())
                problems.AddRange(Typed(p.Value, $"{path}.{p.Name}"));
        }

        if (schema.TryGetProperty("items", out var items))
            problems.AddRange(Typed(items, path + "[]"));
        return problems;
    }

    private static void Walk(JsonElement schema, string path, bool root, List<string> problems)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: a schema must be an object; got {schema.ValueKind}");
            return;
        }

        foreach (var keyword in schema.EnumerateObject().Select(p => p.Name).Where(k => !Keywords.Contains(k)))
            problems.Add($"{path}: keyword '{keyword}' is not in Gemini's Schema");
        if (!schema.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String
            || typeElement.GetString() is not { } type || !Types.Contains(type))
        {
            problems.Add($"{path}: type must be one of {string.Join(", ", Types)} as a string");
            return;
        }

        if (schema.TryGetProperty("format", out var format) && (!Formats.TryGetValue(type, out var allowed) || !allowed.Contains(format.GetString())))
            problems.Add($"{path}: format '{format}' is not supported for {type}");
        if (schema.TryGetProperty("enum", out var values) && (type != "string" || values.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String)))
            problems.Add($"{path}: enum must list strings of a string");
        if (type != "object" && (schema.TryGetProperty("properties", out _) || schema.TryGetProperty("required", out _)))
            problems.Add($"{path}: properties/required only on an object");
        if (type == "array")
        {
            if (schema.TryGetProperty("items", out var items))
                Walk(items, path + "[]", root: false, problems);
            else
                problems.Add($"{path}: an array needs items");
        }

        if (type == "object")
        {
            var properties = schema.TryGetProperty("properties", out var p) ? p.EnumerateObject().ToList() : [];
            if (properties.Count == 0 && !root)
                problems.Add($"{path}: an object needs non-empty properties (a free-form object must be published otherwise)");
            foreach (var property in properties)
                Walk(property.Value, $"{path}.{property.Name}", root: false, problems);
            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(n => n.GetString()).Where(n => properties.All(q => q.Name != n)))
                    problems.Add($"{path}: required '{name}' is not a property");
            }
        }
    }
}
