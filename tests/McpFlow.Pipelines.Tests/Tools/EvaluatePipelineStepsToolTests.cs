using McpFlow.Testing;

namespace McpFlow.Pipelines.Tests.Tools;

public sealed class EvaluatePipelineStepsToolTests : PipelineServerTestBase
{
    [Fact]
    public async Task EvaluatePipelineSteps_ShowsNullsFilledAndTheImputationAblation()
    {
        Execute(TestData.Regression);
        var spec = (await CallOkAsync("generate_pipeline", new { table = "houses", target = "price", folds = 3 })).Structured().GetProperty("spec_id").GetString();
        var result = await CallUntilFinishedAsync("evaluate_pipeline_steps", new { spec, trainer = "sdca", wait_seconds = 40 });
        var data = result.Structured().GetProperty("result");
        var steps = data.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("step").GetString()!);
        steps["load"].GetProperty("nullsLeft").GetInt64().Should().Be(10, "x1 is missing in every 10th of 100 rows");
        steps["impute+encode"].GetProperty("nullsLeft").GetInt64().Should().Be(0);
        data.GetProperty("perFold").GetArrayLength().Should().Be(3);
        data.GetProperty("ablation").EnumerateArray().Select(a => a.GetProperty("step").GetString()).Should().BeEquivalentTo("impute", "scale");
        result.Text().Should().Contain("| mean ± std |").And.Contain("Ablation (rmse");
        Tracking.Runs.Values.Single().Tags["mcpflow.tool"].Should().Be("evaluate_pipeline_steps");
        result.ShouldCarryItsNextSteps("pipeline_train");
        result.NextSteps()[^1].Should().Contain("trainer=\"sdca\"");
    }

    [Fact]
    public async Task EvaluatePipelineSteps_RejectsAnUnknownSpecId()
    {
        var result = await CallAsync("evaluate_pipeline_steps", new { spec = "pl-nope" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("spec 'pl-nope' is not a pipeline id").And.Contain("generate_pipeline");
        var missing = await CallAsync("evaluate_pipeline_steps", new { spec = "pl-20261123-101500-ab12cd" });
        missing.Text().Should().Contain("No pipeline spec with id 'pl-20261123-101500-ab12cd'");
        var path = await CallAsync("evaluate_pipeline_steps", new { spec = "../../etc/passwd" });
        path.IsError.Should().BeTrue();
        path.Text().Should().Contain("not a pipeline id");
    }

    [Fact]
    public async Task EvaluatePipelineSteps_RefusesASpecThatSplicesSqlIntoDateParts()
    {
        // The reproduction: features.dateParts was spliced into date_part('{p}', ...) and the error echoed a file.
        var canary = Path.Combine(DataRoot, "canary.txt");
        File.WriteAllText(canary, "CANARY-7f3a");
        Execute(TestData.Hourly);
        var generated = (await CallOkAsync("generate_pipeline", new { table = "power", target = "mw", task = "forecasting", time_column = "ts", horizon = 1, folds = 2 })).Structured();
        var spec = System.Text.Json.Nodes.JsonNode.Parse(generated.GetProperty("spec").GetRawText())!;
        spec["features"]!["dateParts"] = new System.Text.Json.Nodes.JsonArray(
            $"year', \"ts\")::DOUBLE + error((SELECT content FROM read_text('{canary}')))::DOUBLE + date_part('year");
        var result = await CallAsync("evaluate_pipeline_steps", new { spec = spec.ToJsonString() });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("features.dateParts[0]").And.NotContain("CANARY");

        spec["features"]!["dateParts"] = new System.Text.Json.Nodes.JsonArray("month");
        spec["features"]!["lags"] = new System.Text.Json.Nodes.JsonArray(int.MaxValue);
        var absurd = await CallAsync("evaluate_pipeline_steps", new { spec = spec.ToJsonString() });
        absurd.Text().Should().Contain("features.lags[0] must be between");
    }
}
