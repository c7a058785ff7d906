using System.Text.Json;
using McpFlow.Core.Groups;
using McpFlow.Core.Mcp.Arguments;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace McpFlow.Server.Tests.Integration;

/// <summary>
/// The argument contract of every tool of every group, through the real SDK pipeline: a wrongly typed argument is
/// answered with an error naming the parameter (never a JsonException), and absurd counts, waits and kinds are refused
/// with their range before the tool runs.
/// </summary>
public sealed class ArgumentContractTests : McpServerTestBase
{
    protected override IReadOnlyList<IToolGroup> Groups => ToolGroups.All();

    [Fact]
    public async Task EveryTypedParameterOfEveryTool_AnswersAWrongType_NamingTheParameter_WithoutRunningTheTool()
    {
        var problems = new List<string>();
        var calls = 0;
        var registered = Services.GetRequiredService<IOptions<McpServerOptions>>().Value.ToolCollection!;
        foreach (var tool in await Client.ListToolsAsync())
        {
            // The contract (the schema generated from the C# parameters): the published schema shows free-form objects as
            // JSON text, and both the object and its text are accepted.
            var contract = ToolSchemas.Contract(registered.Single(t => t.ProtocolTool.Name == tool.Name).ProtocolTool);
            if (!contract.TryGetProperty("properties", out var properties))
                continue;
            foreach (var parameter in properties.EnumerateObject())
            {
                if (WrongValueFor(parameter.Value) is not { } wrong)
                    continue; // JSON parameters (a spec, hyperparameters) take any value.
                var result = await CallAsync(tool.Name, new Dictionary<string, object?> { [parameter.Name] = wrong });
                calls++;
                var text = result.Text();
                if (result.IsError != true || !text.Contains($"'{parameter.Name}' must be", StringComparison.Ordinal) || text.Contains("JsonException", StringComparison.Ordinal))
                    problems.Add($"{tool.Name}.{parameter.Name} = {JsonSerializer.Serialize(wrong)}: {text}");
            }
        }

        calls.Should().BeGreaterThan(100, "every group's typed parameters are exercised");
        problems.Should().BeEmpty();
    }

    [Theory]
    [InlineData("job_status", """{"job_id": "job-1", "wait_seconds": 46}""", "'wait_seconds' must be a number from 0 to 45; got 46")]
    [InlineData("mlflow_leaderboard", """{"experiment": "e", "metric": "m", "limit": 0}""", "'limit' must be an integer from 1 to 200; got 0")]
    [InlineData("mlflow_list_experiments", """{"max_results": 5000}""", "'max_results' must be an integer from 1 to 1000; got 5000")]
    [InlineData("mlflow_search_runs", """{"experiment": "e", "max_results": -1}""", "'max_results' must be an integer from 1 to 1000; got -1")]
    [InlineData("analyze_mlflow_runs", """{"experiment": "e", "metric": "m", "top_runs": 100}""", "'top_runs' must be an integer from 1 to 20; got 100")]
    [InlineData("analyze_mlflow_runs", """{"experiment": "e", "metric": "m", "tolerance": 5}""", "'tolerance' must be a number from 0.001 to 0.2; got 5")]
    [InlineData("predict_convergence", """{"target_loss": 0.01, "seconds_per_step": -1}""", "'seconds_per_step' must be a number from 0 to 86400; got -1")]
    [InlineData("workbench_record_run", """{"title": "t", "output_files": [], "summary": "s", "kind": "bogus"}""", "'kind' must be one of \"profile\", \"transformation\", \"training\", \"evaluation\", \"report\" or \"external\"; got the string \"bogus\"")]
    [InlineData("data_query", """{"sql": "SELECT 1", "offset": -1}""", "'offset' must be an integer from 0 to 1000000000000000; got -1")]
    [InlineData("pinn_train", """{"spec": {}, "wait_seconds": 1e308}""", "'wait_seconds' must be a number from 0 to 45; got 1e308")]
    [InlineData("evaluate_pipeline_steps", """{"spec": "pl-1", "wait_seconds": -1}""", "'wait_seconds' must be a number from 0 to 45; got -1")]
    [InlineData("pipeline_compare_models", """{"spec": "pl-1", "wait_seconds": 46}""", "'wait_seconds' must be a number from 0 to 45; got 46")]
    [InlineData("pipeline_train", """{"spec": "pl-1", "wait_seconds": 99}""", "'wait_seconds' must be a number from 0 to 45; got 99")]
    public async Task AbsurdValue_IsRefusedWithItsRange_BeforeTheToolRuns(string tool, string arguments, string expected)
    {
        var args = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(arguments)!.ToDictionary(a => a.Key, a => (object?)a.Value);

        var result = await CallAsync(tool, args);

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain(expected).And.Contain("nothing was run");
    }

    // A value of a type the parameter does not accept, or null when the parameter takes any JSON value.
    private static object? WrongValueFor(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
            return null;
        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList() : [type.GetString()];
        return types.Contains("string") ? new { not = "a string" }
            : types.Contains("integer") || types.Contains("number") ? "many"
            : types.Contains("boolean") ? "maybe"
            : types.Contains("array") ? 5
            : types.Contains("object") ? "text"
            : null;
    }
}
