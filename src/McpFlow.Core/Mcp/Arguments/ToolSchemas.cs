using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
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
            Publish(tool.ProtocolTool);
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
