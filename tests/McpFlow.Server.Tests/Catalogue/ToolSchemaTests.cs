using System.Text.Json;
using Json.Schema;
using McpFlow.Core.Groups;
using McpFlow.Core.Mcp;
using McpFlow.Core.Mcp.Arguments;
using McpFlow.Testing;

namespace McpFlow.Server.Tests.Catalogue;

/// <summary>
/// Every tool's input schema, as tools/list of the real server with all groups publishes it, passes a strict JSON Schema
/// 2020-12 check and stays inside the subset Gemini's function calling accepts; every declared output schema passes the
/// same strict check, one type per schema included.
/// </summary>
public sealed class ToolSchemaTests : McpServerTestBase
{
    protected override IReadOnlyList<IToolGroup> Groups => ToolGroups.All();

    [Fact]
    public async Task EveryInputSchema_IsAValidJsonSchema2020_12_WithOneTypeEverywhere()
    {
        var problems = new List<string>();
        foreach (var tool in await Client.ListToolsAsync())
        {
            problems.AddRange(StrictProblems(tool.ProtocolTool.InputSchema, tool.Name));
            if (tool.ProtocolTool.OutputSchema is { } output)
                problems.AddRange(StrictProblems(output, tool.Name + " (outputSchema)"));
        }

        problems.Should().BeEmpty();
    }

    [Fact]
    public async Task SomeTools_DeclareAnOutputSchema_WithoutTypeUnions()
    {
        var tools = (await Client.ListToolsAsync()).ToDictionary(t => t.Name);
        var schema = tools["data_list_tables"].ProtocolTool.OutputSchema;
        schema.Should().NotBeNull();
        schema!.Value.GetRawText().Should().NotContain("\"null\"").And.Contain("\"nextSteps\"");
    }

    // Against the 2020-12 meta-schema (JsonSchema.Net 8.0.5), then built as a schema (keyword values checked), one type
    // per schema everywhere.
    private static List<string> StrictProblems(JsonElement schema, string name)
    {
        var problems = new List<string>();
        var meta = MetaSchemas.Draft202012.Evaluate(schema, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!meta.IsValid)
            problems.Add($"{name}: not a valid 2020-12 schema: {string.Join("; ", (meta.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Value}")))}");
        try
        {
            JsonSchema.FromText(schema.GetRawText());
        }
        catch (Exception ex) when (ex is JsonSchemaException or JsonException or ArgumentException)
        {
            problems.Add($"{name}: does not build as a schema: {ex.Message}");
        }

        if (schema.TryGetProperty("$schema", out var dialect) && dialect.GetString() != MetaSchemas.Draft202012Id.ToString())
            problems.Add($"{name}: declares dialect {dialect}");
        problems.AddRange(GeminiSubset.Typed(schema, name));
        return problems;
    }

    [Fact]
    public async Task EveryInputSchema_IsInTheSubsetGeminiFunctionCallingAccepts()
    {
        var problems = new List<string>();
        foreach (var tool in await Client.ListToolsAsync())
            problems.AddRange(GeminiSubset.Check(tool.ProtocolTool.InputSchema, tool.Name));

        problems.Should().BeEmpty();
    }

    [Fact]
    public async Task ArrayItems_AndOptionalParameters_HaveOneType()
    {
        var tools = (await Client.ListToolsAsync()).ToDictionary(t => t.Name);

        var columns = tools["analyze_dataframe"].ProtocolTool.InputSchema.GetProperty("properties").GetProperty("columns");
        columns.GetProperty("type").GetString().Should().Be("array");
        columns.GetProperty("items").GetProperty("type").GetString().Should().Be("string");
        var spec = tools["pinn_train"].ProtocolTool.InputSchema.GetProperty("properties").GetProperty("spec");
        spec.GetProperty("type").GetString().Should().Be("string", "a free-form JSON object is published as JSON text");
        spec.GetProperty("description").GetString().Should().EndWith(ToolSchemas.JsonTextNote);
    }

    [Fact]
    public async Task JobStatus_WaitSecondsIsOptional_AndEveryWaitMatchesTheOneLimit()
    {
        var tools = await Client.ListToolsAsync();
        var status = tools.Single(t => t.Name == "job_status").ProtocolTool.InputSchema;
        var required = status.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()).ToList() : [];
        required.Should().Equal("job_id");

        var result = await CallAsync("job_status", new { job_id = "job-20261123-101500-ab12cd" });

        result.Text().Should().Contain("No job with id", "the call ran without wait_seconds (an argument error would say 'invalid arguments')");
        var limit = JobCalls.MaxWaitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var tool in tools)
        {
            if (!tool.ProtocolTool.InputSchema.GetProperty("properties").TryGetProperty("wait_seconds", out var wait))
                continue;
            wait.GetProperty("maximum").GetDouble().Should().Be(JobCalls.MaxWaitSeconds, tool.Name);
            // The range lives in the schema (minimum/maximum); a description that states one states the same.
            var description = wait.GetProperty("description").GetString()!;
            if (description.Contains("0-", StringComparison.Ordinal))
                description.Should().Contain($"0-{limit}", tool.Name);
        }
    }
}
