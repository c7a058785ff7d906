using McpFlow.Core.Tracking;
using McpFlow.Testing;

namespace McpFlow.Pipelines.Tests.Tools;

public sealed class TrainAndPredictToolTests : PipelineServerTestBase
{
    [Fact]
    public async Task Train_AcceptsASuggestion_TagsTheRun_ComparesWithThePreviousBest_AndPredicts()
    {
        Execute(TestData.Binary);
        var spec = (await CallOkAsync("generate_pipeline", new { table = "customers", target = "churn", task = "binary", folds = 3 })).Structured().GetProperty("spec_id").GetString();
        var first = await CallUntilFinishedAsync("pipeline_train", new { spec, trainer = "majority_baseline", experiment = "churn", wait_seconds = 40 });
        first.Text().Should().Contain("First run of the experiment");

        Suggestions.Save(new HyperparameterSuggestion("sug-1", "churn", "accuracy", true,
            new Dictionary<string, string> { ["trainer"] = "logistic_regression", ["l2_regularization"] = "0.1", ["folds"] = "3" },
            0.95, 0.02, 0.1, "Lower L2 lets the linear boundary fit the x1 + x2 rule.", DateTimeOffset.UtcNow));
        var result = await CallUntilFinishedAsync("pipeline_train", new { spec, suggestion_id = "sug-1", wait_seconds = 40 });
        var data = result.Structured().GetProperty("result");
        data.GetProperty("trainer").GetString().Should().Be("logistic_regression");
        data.GetProperty("beatPreviousBest").GetBoolean().Should().BeTrue("a linear model beats always predicting the majority class on a linear rule");
        data.GetProperty("mean").GetProperty("accuracy").GetDouble().Should().BeGreaterThan(0.85);
        result.Text().Should().Contain("IMPROVED");
        result.ShouldCarryItsNextSteps("pipeline_predict");
        result.Images().Should().HaveCount(3, "a confusion matrix, a feature-importance chart and the partial dependence of the top features");
        result.Text().Should().Contain("Partial dependence (probability of class '1'").And.Contain("x1 ").And.Contain("(rising)", "churn is 1 when x1 + x2 > 0");
        data.GetProperty("partialDependence")[0].GetProperty("values").GetArrayLength().Should().BeGreaterThan(5);
        result.Images().Should().OnlyContain(png => png.Length > 1000 && png[1] == (byte)'P' && png[2] == (byte)'N' && png[3] == (byte)'G');
        var importance = data.GetProperty("featureImportance").EnumerateArray().Select(f => f.GetProperty("feature").GetString()).Take(2);
        importance.Should().BeEquivalentTo(["x1", "x2"], "the label depends only on x1 and x2");
        var run = Tracking.Runs.Values.Single(r => r.Tags.TryGetValue(TrackingTags.SuggestionId, out var id) && id == "sug-1");
        run.Tags[TrackingTags.SuggestionExplanation].Should().Contain("Lower L2");
        run.Params["l2_regularization"].Should().Be("0.1");
        run.Artifacts.Should().Contain(["confusion_matrix.png", "feature_importance.png", "partial_dependence.png", "model.zip"]);

        var modelId = data.GetProperty("modelId").GetString();
        var predicted = await CallOkAsync("pipeline_predict", new { model_id = modelId, table = "customers", output_table = "scored" });
        predicted.Structured().GetProperty("rows").GetInt32().Should().Be(120);
        using var connection = Services.GetService(typeof(McpFlow.Core.Storage.DuckDbGateway)) is McpFlow.Core.Storage.DuckDbGateway db ? db.Open() : throw new InvalidOperationException();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT avg(CASE WHEN prediction = churn::VARCHAR THEN 1.0 ELSE 0.0 END), min(probability), max(probability) FROM scored";
        using var reader = command.ExecuteReader();
        reader.Read();
        reader.GetDouble(0).Should().BeGreaterThan(0.85, "training accuracy of the saved model");
        reader.GetDouble(1).Should().BeInRange(0.5, 1);
    }

    [Theory]
    [InlineData("sdca")]
    [InlineData("ols")]
    [InlineData("holt_winters")]
    [InlineData("holt_winters_sdca_mean")]
    [InlineData("naive")]
    public async Task TrainAndPredict_ForecastATrendingSeries_AtItsLevel(string trainer)
    {
        // Trend 0.5 per row, a 12-row season and deterministic noise: the spec differences the target (sdca learns changes).
        Execute("CREATE TABLE sales AS SELECT DATE '2020-01-01' + i::INTEGER AS d, 0.5 * i + 5 * sin(2 * pi() * i / 12) + sin(i * 12.9898) AS y FROM range(0, 240) t(i)");
        var spec = (await CallOkAsync("generate_pipeline", new { table = "sales", target = "y", task = "forecasting", time_column = "d", horizon = 1, folds = 3 }))
            .Structured().GetProperty("spec_id").GetString();
        var trained = await CallUntilFinishedAsync("pipeline_train", new { spec, trainer, experiment = "sales", wait_seconds = 45 });
        var modelId = trained.Structured().GetProperty("result").GetProperty("modelId").GetString();
        await CallOkAsync("pipeline_predict", new { model_id = modelId, table = "sales", output_table = "forecast" });
        using var connection = Services.GetService(typeof(McpFlow.Core.Storage.DuckDbGateway)) is McpFlow.Core.Storage.DuckDbGateway db ? db.Open() : throw new InvalidOperationException();
        using var command = connection.CreateCommand();
        // The saved model must forecast levels (a model of changes loaded without adding the base back would be ~100 off).
        command.CommandText = "SELECT avg(abs(prediction - y)), avg(abs(y - prev)) FROM (SELECT *, lag(y) OVER (ORDER BY d) AS prev FROM forecast) WHERE prev IS NOT NULL";
        using var reader = command.ExecuteReader();
        reader.Read();
        if (trainer == "naive")
            reader.GetDouble(0).Should().Be(reader.GetDouble(1), "the naive forecast is the last value");
        else
            reader.GetDouble(0).Should().BeLessThan(0.6 * reader.GetDouble(1), "well below the error of the last value (naive forecast)");
    }

    [Fact]
    public async Task Train_SavesAnOlsModel_ThatPredictsTheLinearTarget()
    {
        // price = 3 x1 - 2 x2 + 0.1 sin(7.1 i): OLS recovers the plane up to the noise and the bias from the 10% of rows
        // whose missing x1 was imputed with the median, so on complete rows the saved model explains nearly all variance.
        Execute(TestData.Regression);
        var spec = (await CallOkAsync("generate_pipeline", new { table = "houses", target = "price", folds = 3 })).Structured().GetProperty("spec_id").GetString();
        var trained = (await CallUntilFinishedAsync("pipeline_train", new { spec, trainer = "ols", wait_seconds = 40 })).Structured().GetProperty("result");
        trained.GetProperty("mean").GetProperty("r2").GetDouble().Should().BeGreaterThan(0.8);
        var modelId = trained.GetProperty("modelId").GetString();
        await CallOkAsync("pipeline_predict", new { model_id = modelId, table = "houses", output_table = "priced" });
        using var connection = Services.GetService(typeof(McpFlow.Core.Storage.DuckDbGateway)) is McpFlow.Core.Storage.DuckDbGateway db ? db.Open() : throw new InvalidOperationException();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 - sum((prediction - price) ^ 2) / (count(*) * var_pop(price)) FROM priced WHERE x1 IS NOT NULL";
        Convert.ToDouble(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThan(0.98);
    }

    [Fact]
    public async Task Predict_WorksWithASavedBaseline()
    {
        // The baseline's own JSON file must not be overwritten by the model folder's model.json.
        Execute(TestData.Regression);
        var spec = (await CallOkAsync("generate_pipeline", new { table = "houses", target = "price", folds = 3 })).Structured().GetProperty("spec_id").GetString();
        var trained = (await CallUntilFinishedAsync("pipeline_train", new { spec, trainer = "mean_baseline", wait_seconds = 40 })).Structured().GetProperty("result");
        var predicted = await CallOkAsync("pipeline_predict", new { model_id = trained.GetProperty("modelId").GetString(), table = "houses" });
        var summary = predicted.Structured().GetProperty("summary");
        summary.GetProperty("min").GetDouble().Should().Be(summary.GetProperty("max").GetDouble(), "the mean baseline predicts one value");
    }

    [Fact]
    public async Task TrainAndPredict_UseTheTunedThreshold_OnAnImbalancedTask()
    {
        Execute(Comparison.ImbalancedClassificationTests.Table("payments", seed: 3));
        var spec = (await CallOkAsync("generate_pipeline", new { table = "payments", target = "fraud", task = "binary" })).Structured().GetProperty("spec_id").GetString();
        var trained = await CallUntilFinishedAsync("pipeline_train", new { spec, trainer = "logistic_regression", wait_seconds = 45 });
        var result = trained.Structured().GetProperty("result");
        var threshold = result.GetProperty("decisionThreshold").GetDouble();
        threshold.Should().BeInRange(0.01, 0.49, "with 4% positives the MCC-best threshold on probabilities lies well below 0.5");
        trained.Text().Should().Contain("Decision threshold").And.Contain("average_precision");

        await CallOkAsync("pipeline_predict", new { model_id = result.GetProperty("modelId").GetString(), table = "payments", output_table = "scored" });
        using var connection = Services.GetService(typeof(McpFlow.Core.Storage.DuckDbGateway)) is McpFlow.Core.Storage.DuckDbGateway db ? db.Open() : throw new InvalidOperationException();
        using var command = connection.CreateCommand();
        // probability is that of the predicted class, so the class-1 probability is 1 - probability on rows predicted 0.
        command.CommandText = "SELECT count(*) FILTER (WHERE prediction = '1'), count(*) FILTER (WHERE prediction = '1' AND probability >= 0.5), " +
            "min(CASE WHEN prediction = '1' THEN probability END), max(CASE WHEN prediction = '0' THEN 1 - probability END) FROM scored";
        using var reader = command.ExecuteReader();
        reader.Read();
        reader.GetInt64(0).Should().BeGreaterThan(reader.GetInt64(1), "rows between the threshold and 0.5 are predicted positive too");
        reader.GetDouble(2).Should().BeGreaterThanOrEqualTo(threshold);
        reader.GetDouble(3).Should().BeLessThan(threshold);
    }

    [Fact]
    public async Task Train_RejectsAHyperparameterTheTrainerDoesNotHave()
    {
        Execute(TestData.Regression);
        var spec = (await CallOkAsync("generate_pipeline", new { table = "houses", target = "price", folds = 3 })).Structured().GetProperty("spec_id").GetString();
        var result = await CallAsync("pipeline_train", new { spec, trainer = "fast_tree", hyperparameters = new { batch_size = 32 } });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("Trainer 'fast_tree' has no hyperparameter 'batch_size'").And.Contain("number_of_leaves");
    }

    [Fact]
    public async Task Predict_ReportsAnUnknownModel()
    {
        var result = await CallAsync("pipeline_predict", new { model_id = "sales-lightgbm-20261123-101500-ab12", table = "t" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("No trained model 'sales-lightgbm-20261123-101500-ab12'").And.Contain("pipeline_train");
    }

    [Theory]
    [InlineData("")]
    [InlineData("nope")]
    [InlineData("../models")]
    [InlineData("/tmp/sales-lightgbm-20261123-101500-ab12")]
    public async Task Predict_RefusesAModelIdOfTheWrongShape_NamingTheParameter(string modelId)
    {
        var result = await CallAsync("pipeline_predict", new { model_id = modelId, table = "t" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("model_id").And.Contain("is not a trained model id").And.Contain("pipeline_train");
    }
}
