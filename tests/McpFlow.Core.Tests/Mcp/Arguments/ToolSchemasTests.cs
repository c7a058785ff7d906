using System.Text.Json;
using McpFlow.Core.Mcp.Arguments;
using ModelContextProtocol.Protocol;

namespace McpFlow.Core.Tests.Mcp.Arguments;

public sealed class ToolSchemasTests
{
    // The shapes the SDK generates: an optional string, a nullable array of nullable strings, a dictionary and any JSON.
    private const string Generated = """
        {"type":"object","properties":{
          "table":{"description":"Table, e.g. \"t\".","type":["string","null"],"default":null},
          "columns":{"description":"Columns, e.g. [\"a\"].","type":["array","null"],"items":{"type":["string","null"]},"default":null},
          "metrics":{"description":"Metrics, e.g. {\"rmse\": 0.1}.","type":["object","null"],"additionalProperties":{"type":"number"},"default":null},
          "spec":{"description":"Spec, e.g. {\"preset\":\"poisson\"}."}},
         "required":["spec"]}
        """;

    private static Tool Published()
    {
        var tool = new Tool { Name = "t", InputSchema = JsonDocument.Parse(Generated).RootElement.Clone() };
        ToolSchemas.Publish(tool);
        return tool;
    }

    [Fact]
    public void Publish_GivesEveryParameterOneType_AndFreeFormObjectsAsJsonText()
    {
        var properties = Published().InputSchema.GetProperty("properties");

        properties.GetProperty("table").GetProperty("type").GetString().Should().Be("string");
        properties.GetProperty("table").TryGetProperty("default", out _).Should().BeFalse();
        properties.GetProperty("columns").GetProperty("type").GetString().Should().Be("array");
        properties.GetProperty("columns").GetProperty("items").GetProperty("type").GetString().Should().Be("string");
        properties.GetProperty("metrics").GetProperty("type").GetString().Should().Be("string");
        properties.GetProperty("metrics").TryGetProperty("additionalProperties", out _).Should().BeFalse();
        properties.GetProperty("metrics").GetProperty("description").GetString().Should().Be("Metrics, e.g. {\"rmse\": 0.1}." + ToolSchemas.JsonTextNote);
        properties.GetProperty("spec").GetProperty("type").GetString().Should().Be("string");
    }

    [Fact]
    public void Contract_KeepsTheGeneratedSchema_SoNullAndObjectsAreStillAccepted()
    {
        var tool = Published();
        var arguments = new Dictionary<string, JsonElement>
        {
            ["table"] = JsonSerializer.SerializeToElement<string?>(null),
            ["metrics"] = JsonSerializer.SerializeToElement(new { rmse = 0.1 }),
            ["spec"] = JsonSerializer.SerializeToElement(new { preset = "poisson" }),
        };

        ArgumentSchemaValidator.Validate(ToolSchemas.Contract(tool), arguments).Should().BeEmpty();
    }

    [Fact]
    public void ObjectSentAsJsonText_IsParsedIntoTheObject_AndTextThatIsNoObjectIsRefused()
    {
        var contract = ToolSchemas.Contract(Published());
        var arguments = new Dictionary<string, JsonElement>
        {
            ["metrics"] = JsonSerializer.SerializeToElement("{\"rmse\": 0.1}"),
            ["spec"] = JsonSerializer.SerializeToElement("{\"preset\":\"poisson\"}"),
        };

        ArgumentSchemaValidator.Validate(contract, arguments).Should().BeEmpty();
        arguments["metrics"].ValueKind.Should().Be(JsonValueKind.Object);
        arguments["metrics"].GetProperty("rmse").GetDouble().Should().Be(0.1);

        var wrong = new Dictionary<string, JsonElement> { ["metrics"] = JsonSerializer.SerializeToElement("[1, 2]"), ["spec"] = JsonSerializer.SerializeToElement("{}") };
        ArgumentSchemaValidator.Validate(contract, wrong).Should().ContainSingle().Which.Text.Should().Contain("'metrics' must be");
    }
}
