using McpFlow.Core.Errors;
using McpFlow.Pipelines.Explanations;
using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Specs;

namespace McpFlow.Pipelines.Tests.Explanations;

public sealed class ContributionCalculatorTests
{
    private const int N = 200;

    // Columns: x1, x2, then the one-hot slots of 'city' (Paris, Rome) as the preprocessor names them.
    private static readonly PreprocessorState State = new()
    {
        FeatureNames = ["x1", "x2", "city=Paris", "city=Rome"], Medians = new Dictionary<string, double>(),
        Levels = new Dictionary<string, IReadOnlyList<string>> { ["city"] = ["Paris", "Rome"] },
        Frequencies = new Dictionary<string, IReadOnlyDictionary<string, double>>(), Means = [], Stds = [], Impute = false,
    };

    private static float[][] Matrix() => Enumerable.Range(0, N).Select(i => new[]
    {
        (float)Math.Sin(i * 1.3), (float)Math.Cos(i * 0.7), i % 2 == 0 ? 1f : 0f, i % 2 == 0 ? 0f : 1f,
    }).ToArray();

    private static ModelInput Input(float[][] x, Func<float[], double> target, Func<float[], int>? label = null) => new(x, new FeatureFrame
    {
        Rows = x.Length, Numeric = [], Categorical = [], Target = x.Select(target).ToArray(), Labels = x.Select(label ?? (_ => 0)).ToArray(),
        Naive = [], SeasonalNaive = [], History = [], HistoryIndex = [], Stats = [],
    }, Enumerable.Range(0, x.Length).ToArray());

    [Fact]
    public void LinearRegression_ContributionIsWeightTimesValue_WithOneHotSlotsSummedIntoTheirColumn()
    {
        var x = Matrix();
        var input = Input(x, r => (3 * r[0]) - (2 * r[1]) + (r[2] == 1 ? 1.5 : -0.5));
        var model = MlNetModel.Fit(PipelineTask.Regression, "sdca", Hyperparameters.Defaults, input, 0, seed: 42);

        var report = ContributionCalculator.Compute("sdca", model, input, State, top: 3);

        // Expected values from the model's own weights: contribution_j = w_j * x_j (ML.NET's definition for linear
        // models, normalize = false); city = w_Paris * x_Paris + w_Rome * x_Rome.
        var (w, bias) = model.LinearWeights()!.Value;
        var predictions = model.Predict(input).Values;
        report.Rows.Should().Be(N);
        report.Method.Should().StartWith("linear");
        foreach (var row in report.All)
        {
            var r = x[row.Row];
            var expected = new Dictionary<string, double>
            {
                ["x1"] = w[0] * r[0], ["x2"] = w[1] * r[1], ["city"] = (w[2] * r[2]) + (w[3] * r[3]),
            };
            row.Top.Select(c => c.Column).Should().BeEquivalentTo(expected.Where(e => e.Value != 0).Select(e => e.Key));
            foreach (var c in row.Top)
                c.Value.Should().BeApproximately(expected[c.Column], 1e-4, $"row {row.Row}, column {c.Column}");
            row.Top.Select(c => Math.Abs(c.Value)).Should().BeInDescendingOrder();
            // A linear score is its bias plus the contributions.
            (bias + row.Top.Sum(c => c.Value)).Should().BeApproximately(predictions[row.Row], 1e-3);
        }

        report.First.Should().HaveCount(ContributionCalculator.FirstRows);
    }

    [Fact]
    public void TreeModel_RanksTheOnlyInformativeColumnFirst_WithTheSignOfItsEffect()
    {
        // y = 5 x1: x2 and city carry nothing, so x1 must dominate and push the score up where x1 is high.
        var x = Matrix();
        var input = Input(x, r => 5 * r[0]);
        var model = MlNetModel.Fit(PipelineTask.Regression, "fast_tree", Hyperparameters.Defaults, input, 0, seed: 42);

        var report = ContributionCalculator.Compute("fast_tree", model, input, State, top: 3);

        report.Method.Should().StartWith("trees");
        report.MeanAbsolute[0].Column.Should().Be("x1");
        report.MeanAbsolute[0].Value.Should().BeGreaterThan(10 * report.MeanAbsolute[1].Value);
        foreach (var row in report.All.Where(r => Math.Abs(x[r.Row][0]) > 0.5))
        {
            row.Top[0].Column.Should().Be("x1");
            Math.Sign(row.Top[0].Value).Should().Be(Math.Sign(x[row.Row][0]), $"row {row.Row} has x1 = {x[row.Row][0]}");
        }
    }

    [Fact]
    public void BinaryLogisticModel_HasContributions_ThroughItsCalibrator()
    {
        var x = Matrix();
        var input = Input(x, _ => 0, r => r[0] + r[1] > 0 ? 1 : 0);
        var model = MlNetModel.Fit(PipelineTask.Binary, "logistic_regression", Hyperparameters.Defaults, input, 2, seed: 42);

        var report = ContributionCalculator.Compute("logistic_regression", new ThresholdModel(model, 0.4), input, State, top: 2);

        report.Method.Should().StartWith("linear");
        report.MeanAbsolute.Take(2).Select(c => c.Column).Should().BeEquivalentTo(["x1", "x2"], "the label depends on x1 + x2 only");
        report.All.Should().OnlyContain(r => r.Top.Count <= 2);
    }

    [Fact]
    public void MulticlassModel_IsRefused_NamingTheSupportedFamilies()
    {
        var x = Matrix();
        var input = Input(x, _ => 0, r => r[0] > 0.5 ? 2 : r[0] > -0.5 ? 1 : 0);
        var model = MlNetModel.Fit(PipelineTask.Multiclass, "maximum_entropy", Hyperparameters.Defaults, input, 3, seed: 42);

        var act = () => ContributionCalculator.Compute("maximum_entropy", model, input, State, top: 3);

        act.Should().Throw<McpFlowException>().WithMessage("*'maximum_entropy' model has no per-prediction contributions*")
            .Which.Hint.Should().Contain("linear (sdca").And.Contain("tree (fast_tree");
    }

    [Theory]
    [InlineData("city=Paris", "city")]
    [InlineData("city_frequency", "x")]
    [InlineData("lag_24", "lag_24")]
    [InlineData("a=b", "a=b")]
    public void SourceColumn_MapsEncodedSlots_ToTheirColumn(string feature, string expected)
    {
        var state = State with { Frequencies = new Dictionary<string, IReadOnlyDictionary<string, double>> { ["city"] = new Dictionary<string, double>() } };
        ContributionCalculator.SourceColumn(feature, state).Should().Be(expected == "x" ? "city" : expected);
    }
}
