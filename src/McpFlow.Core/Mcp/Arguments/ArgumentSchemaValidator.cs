using System.Globalization;
using System.Text.Json;
using McpFlow.Core.Errors;

namespace McpFlow.Core.Mcp.Arguments;

/// <summary>
/// Checks a tool call's arguments against the tool's own input JSON schema before the tool runs, so a wrong call
/// gets an answer naming the parameter, the expected type or range and an example, instead of the binder's
/// "JsonException … Path: $". Checks unknown and missing parameters, JSON types (integer vs number, numbers written
/// as strings as the binder accepts them), nullability, enum values, numeric ranges (integers without a declared
/// range are 32-bit), string and array lengths, array items and object values at any depth.
/// </summary>
public static class ArgumentSchemaValidator
{
    // Deeper arguments are not inspected further (the binder's own depth limit applies to them).
    private const int MaxDepth = 16;

    // Integral doubles below this convert to long exactly enough (2^63 is about 9.22e18).
    private const double MaxNormalized = 9e18;

    /// <summary>
    /// Returns every problem found (empty when the call may proceed). Integral numbers written with a fraction or an
    /// exponent (5.0, 1e3) for top-level integer parameters are rewritten in <paramref name="arguments"/> as plain
    /// integers, the form the binder accepts; an object parameter sent as JSON text is parsed; null for an optional
    /// parameter is removed (the tool sees its default).
    /// </summary>
    public static IReadOnlyList<ArgumentProblem> Validate(JsonElement schema, IDictionary<string, JsonElement>? arguments)
    {
        var problems = new List<ArgumentProblem>();
        var properties = JsonSchemaFacts.Child(schema, "properties");
        var names = properties?.EnumerateObject().Select(p => p.Name).ToList() ?? [];
        var required = JsonSchemaFacts.Required(schema);
        foreach (var (name, value) in arguments?.ToList() ?? [])
        {
            // Null for an optional parameter means "not given" (published schemas give each parameter one type, without
            // null): the tool sees its default.
            if (value.ValueKind == JsonValueKind.Null && !required.Contains(name) && properties is { } known && known.TryGetProperty(name, out _))
            {
                arguments!.Remove(name);
                continue;
            }

            if (properties is not { } declared || !declared.TryGetProperty(name, out var parameter))
            {
                if (!JsonSchemaFacts.AllowsUnlisted(schema))
                    problems.Add(Unknown(name, names));
                continue;
            }

            if (Normalized(value, parameter) is { } integer)
                arguments![name] = integer;
            else if (ParsedObject(value, parameter) is { } parsed)
                arguments![name] = parsed;
            if (Check(arguments![name], parameter, 0) is { } problem)
                problems.Add(new ArgumentProblem(name, $"'{name}' {problem}. E.g. {name}={ParameterExample.For(parameter)}"));
        }

        foreach (var name in required.Where(r => arguments is null || !arguments.ContainsKey(r)))
        {
            var parameter = properties is { } p && p.TryGetProperty(name, out var s) ? s : default;
            var summary = ParameterExample.Summary(parameter);
            problems.Add(new ArgumentProblem(name, $"'{name}' is required but missing{(summary is null ? "" : $" ({summary})")}: " +
                $"{SchemaText.Expected(parameter)}. E.g. {name}={ParameterExample.For(parameter)}"));
        }

        return problems;
    }

    private static ArgumentProblem Unknown(string name, List<string> names)
    {
        var shown = ArgumentEcho.Show(name, 60);
        var nearest = NameSuggestions.Nearest(name, names);
        var parameters = names.Count == 0 ? "This tool takes no arguments" : $"Its parameters: {string.Join(", ", names)}";
        return new ArgumentProblem(shown, $"'{shown}' is not a parameter of this tool{(nearest is null ? "." : $"; did you mean '{nearest}'?")} {parameters}");
    }

    /// <summary>What is wrong with <paramref name="value"/> under <paramref name="schema"/> ("must be …; got …"), or null.</summary>
    private static string? Check(JsonElement value, JsonElement schema, int depth)
    {
        if (depth > MaxDepth)
            return null;
        var types = JsonSchemaFacts.Types(schema);
        if (value.ValueKind == JsonValueKind.Null)
            return types.Count == 0 || types.Contains("null") ? null : $"must not be null: it must be {SchemaText.Expected(schema)}";
        var type = types.Count == 0 ? null : types.FirstOrDefault(t => Matches(t, value));
        if (types.Count > 0 && type is null)
            return $"must be {SchemaText.Expected(schema)}; got {SchemaText.Describe(value)}";
        if (JsonSchemaFacts.Enum(schema) is { Count: > 0 } allowed && !allowed.Any(a => SameValue(a, value)))
            return $"must be {SchemaText.Expected(schema)}; got {SchemaText.Describe(value)}";
        return type switch
        {
            "integer" or "number" => CheckNumber(value, schema, type == "integer"),
            "string" => CheckLength(value.GetString()!.Length, schema, "minLength", "maxLength", value),
            "array" => CheckArray(value, schema, depth),
            "object" => CheckObject(value, schema, depth),
            _ => null,
        };
    }

    private static bool Matches(string type, JsonElement value) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => NumberOf(value) is { } n && Math.Floor(n) == n && (value.ValueKind == JsonValueKind.Number || IsIntegerText(value.GetString()!)),
        "number" => NumberOf(value) is not null,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };

    /// <summary>The finite number a JSON number or numeric string (which the binder accepts) stands for, or null.</summary>
    private static double? NumberOf(JsonElement value)
    {
        double number;
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (!value.TryGetDouble(out number))
                return null;
        }
        else if (value.ValueKind != JsonValueKind.String
                 || !double.TryParse(value.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                     CultureInfo.InvariantCulture, out number))
        {
            return null;
        }

        return double.IsFinite(number) ? number : null;
    }

    private static bool IsIntegerText(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    private static string? CheckNumber(JsonElement value, JsonElement schema, bool integer)
    {
        var number = NumberOf(value)!.Value;
        var (min, max) = SchemaText.Bounds(schema, integer);
        var exclusiveMin = JsonSchemaFacts.Number(schema, "exclusiveMinimum");
        var exclusiveMax = JsonSchemaFacts.Number(schema, "exclusiveMaximum");
        if (number < min || number > max || number <= exclusiveMin || number >= exclusiveMax)
        {
            var expected = SchemaText.Range(schema).Length > 0 ? SchemaText.Expected(schema) : "an integer from -2147483648 to 2147483647 (32-bit)";
            return $"must be {expected}; got {SchemaText.Describe(value)}";
        }

        if (integer && value.ValueKind == JsonValueKind.Number && !value.TryGetInt64(out _))
            return $"must be a whole number written without a fraction or exponent; got {SchemaText.Describe(value)}";
        return null;
    }

    private static string? CheckLength(int length, JsonElement schema, string minKeyword, string maxKeyword, JsonElement value) =>
        length < JsonSchemaFacts.Number(schema, minKeyword) || length > JsonSchemaFacts.Number(schema, maxKeyword)
            ? $"must be {SchemaText.Expected(schema)}; got {SchemaText.Describe(value)}"
            : null;

    private static string? CheckArray(JsonElement value, JsonElement schema, int depth)
    {
        if (CheckLength(value.GetArrayLength(), schema, "minItems", "maxItems", value) is { } length)
            return length;
        if (JsonSchemaFacts.Child(schema, "items") is not { } items)
            return null;
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (Check(item, items, depth + 1) is { } problem)
                return $"has a wrong item at index {index}: it {problem}";
            index++;
        }

        return null;
    }

    private static string? CheckObject(JsonElement value, JsonElement schema, int depth)
    {
        var properties = JsonSchemaFacts.Child(schema, "properties");
        var additional = JsonSchemaFacts.Child(schema, "additionalProperties");
        foreach (var property in value.EnumerateObject())
        {
            var key = ArgumentEcho.Show(property.Name, 60);
            var propertySchema = properties is { } p && p.TryGetProperty(property.Name, out var s) ? s : additional;
            if (propertySchema is null)
            {
                if (properties is not null && schema.TryGetProperty("additionalProperties", out var a) && a.ValueKind == JsonValueKind.False)
                    return $"has an unknown key '{key}'";
                continue;
            }

            if (Check(property.Value, propertySchema.Value, depth + 1) is { } problem)
                return $"has a wrong value for key '{key}': it {problem}";
        }

        var missing = JsonSchemaFacts.Required(schema).FirstOrDefault(r => !value.TryGetProperty(r, out _));
        return missing is null ? null : $"is missing its required key '{missing}'";
    }

    private static bool SameValue(JsonElement allowed, JsonElement value) =>
        allowed.ValueKind == JsonValueKind.String && value.ValueKind == JsonValueKind.String
            // Case-insensitive like the domain's own parsing of these words ("Maximize" works as "maximize").
            ? string.Equals(allowed.GetString(), value.GetString(), StringComparison.OrdinalIgnoreCase)
            : JsonElement.DeepEquals(allowed, value);

    /// <summary>A JSON object sent as text for an object parameter (published as JSON text, see
    /// <see cref="ToolSchemas"/>), parsed; else null (the text is then reported as the wrong type).</summary>
    private static JsonElement? ParsedObject(JsonElement value, JsonElement schema)
    {
        if (value.ValueKind != JsonValueKind.String || JsonSchemaFacts.Types(schema) is not { } types
            || !types.Contains("object") || types.Contains("string"))
            return null;
        try
        {
            using var document = JsonDocument.Parse(value.GetString()!, new JsonDocumentOptions { MaxDepth = MaxDepth * 4 });
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>An integral number written as 5.0 or 1e3 for an integer parameter, rewritten as a plain integer; else null.</summary>
    private static JsonElement? Normalized(JsonElement value, JsonElement schema)
    {
        if (value.ValueKind != JsonValueKind.Number || value.TryGetInt64(out _) || !JsonSchemaFacts.Types(schema).Contains("integer"))
            return null;
        if (!value.TryGetDouble(out var number) || !double.IsFinite(number) || Math.Floor(number) != number || Math.Abs(number) >= MaxNormalized)
            return null;
        return JsonSerializer.SerializeToElement((long)number);
    }
}
