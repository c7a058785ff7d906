using System.Text.Json;
using McpFlow.Core.Errors;

namespace McpFlow.Core.Mcp.Arguments;

/// <summary>An example value for a parameter, for argument errors: taken from its description ("…; e.g. 50.") or, when
/// the description gives none, made from its schema (default, first allowed value, lower bound, or a value of its type).</summary>
internal static class ParameterExample
{
    private const string Marker = "e.g.";

    /// <summary>The example as JSON-ish text, e.g. <c>50</c>, <c>"customers"</c>, <c>["html"]</c>.</summary>
    public static string For(JsonElement schema) => FromDescription(JsonSchemaFacts.Description(schema)) ?? FromSchema(schema);

    /// <summary>A parameter's description without its final period, at most 200 characters, or null.</summary>
    public static string? Summary(JsonElement schema)
    {
        var description = JsonSchemaFacts.Description(schema);
        return string.IsNullOrWhiteSpace(description) ? null : ArgumentEcho.Show(description.Trim().TrimEnd('.'), 200);
    }

    /// <summary>The text after the last "e.g." of a description, up to the end of its sentence.</summary>
    internal static string? FromDescription(string? description)
    {
        if (description is null)
            return null;
        var at = description.LastIndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
            return null;
        var rest = description[(at + Marker.Length)..].Trim();
        var example = rest[..SentenceEnd(rest)].Trim().TrimEnd(';', ',').Trim();
        return example.Length == 0 ? null : ArgumentEcho.Show(example, 160);
    }

    // The index of the period that ends the sentence (outside double quotes, followed by a space or the end), or the length.
    private static int SentenceEnd(string text)
    {
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var followedBySpace = i + 1 == text.Length || text[i + 1] == ' ';
            if (text[i] == '"')
            {
                if (quoted && i > 0 && text[i - 1] == '.' && followedBySpace)
                    return i + 1; // A quoted example that is itself a sentence: "… low." Default: …
                quoted = !quoted;
            }
            else if (text[i] == '.' && !quoted && followedBySpace)
                return i;
        }

        return text.Length;
    }

    private static string FromSchema(JsonElement schema)
    {
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("default", out var value) && value.ValueKind != JsonValueKind.Null)
            return ArgumentEcho.Show(value.GetRawText(), 60);
        if (JsonSchemaFacts.Enum(schema)?.FirstOrDefault(v => v.ValueKind != JsonValueKind.Null) is { ValueKind: not JsonValueKind.Undefined } first)
            return first.GetRawText();
        var type = JsonSchemaFacts.Types(schema).FirstOrDefault(t => t != "null");
        var min = JsonSchemaFacts.Number(schema, "minimum");
        return type switch
        {
            "string" => "\"text\"",
            "integer" => JsonSchemaFacts.Format(min ?? 1),
            "number" => JsonSchemaFacts.Format(min ?? 0.5),
            "boolean" => "true",
            "array" => JsonSchemaFacts.Child(schema, "items") is { } items ? $"[{FromSchema(items)}]" : "[]",
            "object" => "{}",
            _ => "{}",
        };
    }
}
