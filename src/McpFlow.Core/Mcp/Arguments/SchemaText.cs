using System.Text.Json;
using McpFlow.Core.Errors;

namespace McpFlow.Core.Mcp.Arguments;

/// <summary>Phrases a schema's expectation ("an integer from 1 to 200") and a received value ("the string \"abc\"")
/// for argument errors.</summary>
internal static class SchemaText
{
    // Client values shown in a message are cut here: enough to recognise the value, never a channel for data.
    private const int MaxShownValue = 40;

    /// <summary>What the schema accepts, e.g. "an integer from 1 to 200", "one of \"csv\", \"json\" or \"parquet\"",
    /// "an array of numbers".</summary>
    public static string Expected(JsonElement schema)
    {
        if (JsonSchemaFacts.Enum(schema) is { Count: > 0 } values)
            return "one of " + Alternatives(values.Where(v => v.ValueKind != JsonValueKind.Null).Select(v => v.GetRawText()).ToList());
        var types = JsonSchemaFacts.Types(schema).Where(t => t != "null").ToList();
        if (types.Count == 0)
            return "any JSON value";
        return string.Join(" or ", types.Select(t => Singular(t, schema)));
    }

    /// <summary>A received value, shortened: "-5", "the string \"abc\"", "an array of 3 items", "an object", "null".</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{ArgumentEcho.Show(value.GetString()!, MaxShownValue)}\"",
        JsonValueKind.Number => ArgumentEcho.Show(value.GetRawText(), MaxShownValue),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => $"an array of {value.GetArrayLength()} item(s)",
        JsonValueKind.Object => "an object",
        _ => "nothing",
    };

    /// <summary>"a, b or c".</summary>
    public static string Alternatives(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " or " + items[^1];

    /// <summary>The declared numeric range of a schema as a phrase (" from 1 to 200", " of at least 0"), or "" without bounds.</summary>
    public static string Range(JsonElement schema)
    {
        var (min, max) = Bounds(schema, integer: false);
        var exclusiveMin = JsonSchemaFacts.Number(schema, "exclusiveMinimum");
        var exclusiveMax = JsonSchemaFacts.Number(schema, "exclusiveMaximum");
        var parts = new List<string>();
        if (min is not null && max is not null)
            parts.Add($"from {JsonSchemaFacts.Format(min.Value)} to {JsonSchemaFacts.Format(max.Value)}");
        else if (min is not null)
            parts.Add($"of at least {JsonSchemaFacts.Format(min.Value)}");
        else if (max is not null)
            parts.Add($"of at most {JsonSchemaFacts.Format(max.Value)}");
        if (exclusiveMin is not null)
            parts.Add($"greater than {JsonSchemaFacts.Format(exclusiveMin.Value)}");
        if (exclusiveMax is not null)
            parts.Add($"less than {JsonSchemaFacts.Format(exclusiveMax.Value)}");
        return parts.Count == 0 ? "" : " " + string.Join(" and ", parts);
    }

    /// <summary>The inclusive bounds of a number schema. Integers without declared bounds are 32-bit (the C# type of every
    /// integer parameter that declares none; a <c>long</c> parameter declares its range with [Range]).</summary>
    public static (double? Min, double? Max) Bounds(JsonElement schema, bool integer)
    {
        var min = JsonSchemaFacts.Number(schema, "minimum");
        var max = JsonSchemaFacts.Number(schema, "maximum");
        if (integer)
        {
            min ??= int.MinValue;
            max ??= int.MaxValue;
        }

        return (min, max);
    }

    private static string Singular(string type, JsonElement schema) => type switch
    {
        "string" => "a string" + Lengths(schema, "minLength", "maxLength", "character"),
        "integer" => "an integer" + Range(schema),
        "number" => "a number" + Range(schema),
        "boolean" => "true or false",
        "array" => "an array" + (JsonSchemaFacts.Child(schema, "items") is { } items ? " of " + Plural(items) : "") +
                   Lengths(schema, "minItems", "maxItems", "item"),
        "object" => "an object" + (JsonSchemaFacts.Child(schema, "additionalProperties") is { } values && JsonSchemaFacts.Types(values).Count > 0
            ? " whose values are " + Plural(values)
            : ""),
        "null" => "null",
        _ => type,
    };

    private static string Plural(JsonElement schema)
    {
        var types = JsonSchemaFacts.Types(schema).Where(t => t != "null").ToList();
        if (types.Count == 0)
            return "values";
        return string.Join(" or ", types.Select(t => t switch
        {
            "string" => "strings",
            "integer" => "integers",
            "number" => "numbers",
            "boolean" => "true/false values",
            "array" => JsonSchemaFacts.Child(schema, "items") is { } items ? "arrays of " + Plural(items) : "arrays",
            "object" => "objects",
            _ => t,
        }));
    }

    private static string Lengths(JsonElement schema, string minKeyword, string maxKeyword, string unit)
    {
        var min = JsonSchemaFacts.Number(schema, minKeyword);
        var max = JsonSchemaFacts.Number(schema, maxKeyword);
        return (min, max) switch
        {
            (not null, not null) => $" of {JsonSchemaFacts.Format(min.Value)} to {JsonSchemaFacts.Format(max.Value)} {unit}s",
            (not null, null) => $" of at least {JsonSchemaFacts.Format(min.Value)} {unit}(s)",
            (null, not null) => $" of at most {JsonSchemaFacts.Format(max.Value)} {unit}s",
            _ => "",
        };
    }
}
