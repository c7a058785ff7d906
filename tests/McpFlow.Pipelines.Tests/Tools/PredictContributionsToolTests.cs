using McpFlow.Testing;

namespace McpFlow.Pipelines.Tests.Tools;

public sealed class PredictContributionsToolTests : PipelineServerTestBase
{
    [Fact]
    public async Task Predict_WithContributions_ExplainsEachRow_ByTheColumnsOfTheTable()
    {
        // price = 3 x1 - 2 x2 + small noise: a linear model's largest contributions come from x1 and x2 only.
        Execute(TestData.Regression);
        var spec = (await CallOkAsync("generate_pipeline", new { table = "houses", target = "price", task = "regression", folds = 3 })).Structured().GetProperty("spec_id").GetString();
        var trained = await CallUntilFinishedAsync("pipeline_train", new { spec, trainer = "sdca", wait_seconds = 45 });
        var modelId = trained.Structured().GetProperty("result").GetProperty("modelId").GetString();

        var result = await CallOkAsync("pipeline_predict", new { model_id = modelId, table = "houses", output_table = "scored", contributions = 2 });

        var explained = result.Structured().GetProperty("contributions");
        explained.GetProperty("rows").GetInt32().Should().Be(100);
        explained.GetProperty("first").GetArrayLength().Should().Be(10);
        explained.GetProperty("first")[0].GetProperty("top").EnumerateArray().Select(c => c.GetProperty("column").GetString())
            .Should().OnlyContain(c => c == "x1" || c == "x2");
        explained.GetProperty("meanAbsolute")[0].GetProperty("column").GetString().Should().Be("x1", "|3 x1| outweighs |2 x2| on average");
        result.Text().Should().Contain("Contributions (linear: weight × preprocessed feature value").And.Contain("Row 0: ");
    }

    [Fact]
    public async Task Predict_WithContributions_RefusesABaseline_NamingTheSupportedFamilies()
    {
        Execute(TestData.Regression);
        var spec = (await CallOkAsync("generate_pipeline", new { table = "houses", target = "price", task = "regression", folds = 3 })).Structured().GetProperty("spec_id").GetString();
        var trained = await CallUntilFinishedAsync("pipeline_train", new { spec, trainer = "mean_baseline", wait_seconds = 45 });
        var modelId = trained.Structured().GetProperty("result").GetProperty("modelId").GetString();

        var result = await CallAsync("pipeline_predict", new { model_id = modelId, table = "houses", contributions = 3 });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("'mean_baseline' model has no per-prediction contributions").And.Contain("tree (fast_tree, fast_forest, lightgbm)");
    }
}
