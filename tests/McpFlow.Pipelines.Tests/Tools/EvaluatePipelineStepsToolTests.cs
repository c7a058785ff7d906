using McpFlow.Testing;

namespace McpFlow.Pipelines.Tests.Tools;

public sealed class EvaluatePipelineStepsToolTests : PipelineServerTestBase
{
    [Fact]
    public async Task EvaluatePipelineSteps_ShowsNullsFilledAndTheImputationAblation()
    {
        Execute(TestData.Regression);
        var spec = (await CallOkAsync("generate_pipeline", new { table = "houses", target = "price", folds = 3 })).Structured().GetProperty("spec_id").GetString();
        var result = await CallOkAsync("evaluate_pipeline_steps", new { spec, trainer = "sdca", wait_seconds = 40 });
        var data = result.Structured().GetProperty("result");
        var steps = data.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("step").GetString()!);
        steps["load"].GetProperty("nullsLeft").GetInt64().Should().Be(10, "x1 is missing in every 10th of 100 rows");
        steps["impute+encode"].GetProperty("nullsLeft").GetInt64().Should().Be(0);
        data.GetProperty("perFold").GetArrayLength().Should().Be(3);
        data.GetProperty("ablation").EnumerateArray().Select(a => a.GetProperty("step").GetString()).Should().BeEquivalentTo("impute", "scale");
        result.Text().Should().Contain("| mean ± std |").And.Contain("Ablation (rmse");
        Tracking.Runs.Values.Single().Tags["mcpflow.tool"].Should().Be("evaluate_pipeline_steps");
    }

    [Fact]
    public async Task EvaluatePipelineSteps_RejectsAnUnknownSpecId()
    {
        var result = await CallAsync("evaluate_pipeline_steps", new { spec = "pl-nope" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("No pipeline spec with id 'pl-nope'").And.Contain("generate_pipeline");
    }
}
