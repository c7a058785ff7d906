using System.Text.Json.Nodes;

namespace McpFlow.Core.Mcp.Arguments;

/// <summary>
/// Doubles in output schemas, once: <see cref="McpFlowJson.Options"/> writes a double as a number, or as "NaN",
/// "Infinity" or "-Infinity", and the generated schema spells that out at every double (about 60 tokens each). Each is
/// replaced by a reference to one definition, <c>$defs/number</c>: a number, or one of the three names. The generated
/// schema does not say that a <c>double?</c> may be null; the CLR type does, and such a property is not required (nulls
/// are left out).
/// </summary>
internal static class OutputNumbers
{
    private const string Reference = "#/$defs/number";

    /// <summary>Replaces every double of <paramref name="root"/>, the schema of <paramref name="type"/>, by the
    /// reference and adds the definition when one was replaced.</summary>
    public static void ReferenceOnce(JsonObject root, Type type)
    {
        if (Replace(root, type))
        {
            root["$defs"] = new JsonObject
            {
                ["number"] = new JsonObject
                {
                    ["anyOf"] = new JsonArray(
                        new JsonObject { ["type"] = "number" },
                        new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("NaN", "Infinity", "-Infinity") }),
                },
            };
        }
    }

    private static bool Replace(JsonNode? node, Type? type)
    {
        if (node is not JsonObject schema)
            return false;
        var replaced = false;
        if (schema["properties"] is JsonObject properties)
        {
            var members = type is null ? [] : McpFlowJson.Options.GetTypeInfo(type).Properties;
            foreach (var (name, property) in properties.ToList())
            {
                var member = members.FirstOrDefault(m => m.Name == name)?.PropertyType;
                if (!IsDouble(property))
                {
                    replaced |= Replace(property, member);
                    continue;
                }

                if (member is not null && Nullable.GetUnderlyingType(member) is not null)
                    NotRequired(schema, name);
                properties[name] = Ref();
                replaced = true;
            }
        }

        replaced |= ReplaceNested(schema, "items", type is null ? null : ElementOf(type));
        replaced |= ReplaceNested(schema, "additionalProperties", type is null ? null : ValueOf(type));
        return replaced;
    }

    private static bool ReplaceNested(JsonObject schema, string keyword, Type? type)
    {
        if (!IsDouble(schema[keyword]))
            return Replace(schema[keyword], type);
        schema[keyword] = Ref();
        return true;
    }

    // The generated schema of a double: an anyOf whose branches name "NaN" (the named floating-point literals).
    private static bool IsDouble(JsonNode? node) =>
        node is JsonObject { } schema && schema["anyOf"] is JsonArray && schema.ToJsonString().Contains("\"NaN\"", StringComparison.Ordinal);

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType() : Generic(type, typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static Type? ValueOf(Type type) =>
        (Generic(type, typeof(IReadOnlyDictionary<,>)) ?? Generic(type, typeof(IDictionary<,>)))?.GetGenericArguments()[1];

    private static Type? Generic(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);

    private static JsonObject Ref() => new() { ["$ref"] = Reference };

    private static void NotRequired(JsonObject schema, string name)
    {
        if (schema["required"] is not JsonArray required)
            return;
        foreach (var entry in required.Where(r => r?.GetValue<string>() == name).ToList())
            required.Remove(entry);
        if (required.Count == 0)
            schema.Remove("required");
    }
}
