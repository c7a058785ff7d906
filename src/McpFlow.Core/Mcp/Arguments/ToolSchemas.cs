using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Mcp.Arguments;

/// <summary>
/// Publishes every tool's input schema in the form every client's model accepts, and keeps the schema the SDK generated
/// from the C# parameters as the contract arguments are checked against (<see cref="Contract"/>).
/// <para>The SDK (Microsoft.Extensions.AI's schema exporter) writes an optional parameter as <c>"type": ["string",
/// "null"]</c>, every array element of a reference type as <c>{"type": ["string", "null"]}</c> (it cannot see the
/// element's nullability), a <c>JsonElement</c> parameter as <c>{}</c> (no type) and a dictionary as an object with
/// <c>additionalProperties</c>. Gemini's function declarations take one type per schema, no unions, no
/// <c>additionalProperties</c> and no object without properties, so one rule applies to every tool:</para>
/// <list type="bullet">
/// <item>a type union with null becomes the single type (an optional parameter is simply left out; null is still
/// accepted as "not given");</item>
/// <item>a free-form object (a dictionary, or any JSON) is published as a string holding a JSON object; the argument
/// may be sent either as that text or as the object itself (<see cref="ArgumentSchemaValidator"/> parses the text).</item>
/// </list>
/// </summary>
public static class ToolSchemas
{
    /// <summary>Appended to the description of a free-form object published as JSON text.</summary>
    public const string JsonTextNote = " (JSON object as text)";

    private static readonly ConditionalWeakTable<Tool, ContractBox> Contracts = new();

    /// <summary>Rewrites the input schema of every tool in <paramref name="options"/> (run once, after registration).</summary>
    public static void Publish(McpServerOptions options)
    {
        if (options.ToolCollection is not { } tools)
            return;
        foreach (var tool in tools)
        {
            Publish(tool.ProtocolTool);
            if (tool.Metadata.OfType<McpServerToolAttribute>().FirstOrDefault()?.OutputSchemaType is { } outputType)
                tool.ProtocolTool.OutputSchema = OutputSchema(outputType);
        }
    }

    /// <summary>The output schema published for a tool whose structured result is a <paramref name="type"/>: generated
    /// with McpFlow's JSON conventions (<see cref="McpFlowJson.Options"/>: camelCase, enums as snake_case strings, nulls
    /// left out) and with one type per schema, like the input schemas: a union with null becomes the single type (null
    /// values are never written), and a union of several types becomes an <c>anyOf</c> of single-typed schemas; every
    /// double (a number that may be written as "NaN") refers to one definition (<see cref="OutputNumbers"/>).</summary>
    public static JsonElement OutputSchema(Type type)
    {
        var schema = AIJsonUtilities.CreateJsonSchema(type, serializerOptions: McpFlowJson.Options);
        var root = JsonNode.Parse(schema.GetRawText()) ?? new JsonObject();
        if (root is JsonObject top)
            OutputNumbers.ReferenceOnce(top, type);
        WithoutUnions(root);
        return JsonSerializer.SerializeToElement(root);
    }

    // A property that may be null is left out when null (McpFlowJson.Options), so it is not required.
    private static void OptionalWhenNullable(JsonObject schema)
    {
        if (schema["properties"] is not JsonObject properties || schema["required"] is not JsonArray required)
            return;
        foreach (var name in required.Select(r => r?.GetValue<string>()).ToList())
        {
            if (name is not null && properties[name] is JsonObject { } property && property["type"] is JsonArray types
                && types.Any(t => t?.GetValue<string>() == "null"))
                required.Remove(required.First(r => r?.GetValue<string>() == name));
        }

        if (required.Count == 0)
            schema.Remove("required");
    }

    private static void WithoutUnions(JsonNode node)
    {
        switch (node)
        {
            case JsonObject schema:
                OptionalWhenNullable(schema);
                foreach (var (_, child) in schema.ToList())
                {
                    if (child is not null)
                        WithoutUnions(child);
                }

                if (schema["type"] is JsonArray)
                {
                    var types = Types(schema);
                    schema.Remove("type");
                    if (types.Count == 1)
                        schema["type"] = types[0];
                    else if (types.Count > 1)
                        schema["anyOf"] = new JsonArray(types.Select(t => (JsonNode?)new JsonObject { ["type"] = t }).ToArray());
                    if (schema.TryGetPropertyValue("default", out var fallback) && fallback is null)
                        schema.Remove("default");
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                        WithoutUnions(item);
                }

                break;
        }
    }

    /// <summary>Rewrites one tool's input schema, keeping the generated one as its contract.</summary>
    public static void Publish(Tool tool)
    {
        if (Contracts.TryGetValue(tool, out _))
            return;
        var contract = tool.InputSchema.Clone();
        Contracts.AddOrUpdate(tool, new ContractBox(contract));
        if (JsonNode.Parse(contract.GetRawText()) is not JsonObject root)
            return;
        if (root["properties"] is JsonObject properties)
        {
            foreach (var (name, value) in properties.ToList())
            {
                if (value is JsonObject parameter)
                    properties[name] = Parameter(parameter);
            }
        }

        tool.InputSchema = JsonSerializer.SerializeToElement(root);
    }

    /// <summary>The schema arguments of <paramref name="tool"/> are checked against: the one generated from its C#
    /// parameters (nullable types and objects as declared), or its input schema when it was not published here.</summary>
    public static JsonElement Contract(Tool tool) =>
        Contracts.TryGetValue(tool, out var box) ? box.Schema : tool.InputSchema;

    private static JsonObject Parameter(JsonObject schema)
    {
        if (IsFreeFormObject(schema))
        {
            var text = new JsonObject { ["type"] = "string" };
            if (schema["description"]?.GetValue<string>() is { } description)
                text["description"] = description + JsonTextNote;
            return text;
        }

        return Simplified(schema);
    }

    // A schema without a type (any JSON) or an object without listed properties (a dictionary).
    private static bool IsFreeFormObject(JsonObject schema)
    {
        var types = Types(schema);
        if (types.Count == 0)
            return !schema.ContainsKey("anyOf") && !schema.ContainsKey("oneOf") && !schema.ContainsKey("enum") && !schema.ContainsKey("$ref");
        return types is ["object"] && schema["properties"] is not JsonObject { Count: > 0 };
    }

    private static JsonObject Simplified(JsonObject schema)
    {
        var types = Types(schema);
        if (types.Count == 1 && schema["type"] is JsonArray)
        {
            schema["type"] = types[0];
            if (schema.TryGetPropertyValue("default", out var fallback) && fallback is null)
                schema.Remove("default");
        }

        if (schema["items"] is JsonObject items)
            schema["items"] = Simplified(items);
        return schema;
    }

    // The schema's types other than "null".
    private static List<string> Types(JsonObject schema) => schema["type"] switch
    {
        JsonValue value when value.TryGetValue<string>(out var single) => single == "null" ? [] : [single],
        JsonArray array => array.Select(t => t?.GetValue<string>()).OfType<string>().Where(t => t != "null").ToList(),
        _ => [],
    };

    private sealed record ContractBox(JsonElement Schema);
}
