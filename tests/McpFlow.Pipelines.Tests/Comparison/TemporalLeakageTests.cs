using System.Globalization;
using McpFlow.Pipelines.Comparison;
using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Generation;
using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Tables;

namespace McpFlow.Pipelines.Tests.Comparison;

/// <summary>
/// A forecast of row t made <c>horizon</c> rows ahead may use values up to row t - horizon only. Two series are equal
/// up to that row for the first test row of the first temporal fold and wildly different after it: the forecast of
/// that first test row must be identical on both. A feature, base value, training target, fit or forecast that used a
/// later value would make them differ.
/// </summary>
public sealed class TemporalLeakageTests : IDisposable
{
    private const int Horizon = 3;
    private readonly TestData _data = new();

    [Theory]
    [InlineData("sdca")]
    [InlineData("fast_tree")]
    [InlineData("holt_winters")]
    public void ForecastsOfTheFirstTestRows_DoNotChange_WhenTheFutureDoes(string trainer)
    {
        // Trend 0.5 per row, a 12-row season and deterministic noise: the generator differences the target.
        _data.Execute("CREATE TABLE a AS SELECT DATE '2020-01-01' + i::INTEGER AS d, 0.5 * i + 5 * sin(2 * pi() * i / 12) + sin(i * 12.9898) AS y FROM range(0, 240) t(i)");
        var spec = new PipelineGenerator(new TableInspector(_data.Database)).Generate(new GenerateRequest("a", "y", "forecasting", "d", Horizon, Folds: 2));
        spec.Features.TargetTransform.Should().Be("difference");
        var loader = new FeatureLoader(_data.Database);
        var frameA = loader.Load(spec);
        var folds = CrossValidator.Folds(spec, frameA);
        var firstTest = frameA.HistoryIndex[folds[0].Test[0]];
        var firstUnknown = firstTest - Horizon + 1;
        _data.Execute(string.Create(CultureInfo.InvariantCulture,
            $"CREATE TABLE b AS SELECT d, CASE WHEN row_number() OVER (ORDER BY d) - 1 >= {firstUnknown} THEN y * -3 + 1000 ELSE y END AS y FROM a"));
        var frameB = loader.Load(spec, "b");

        var a = FirstFoldForecasts(spec, frameA, folds, trainer);
        var b = FirstFoldForecasts(spec, frameB, folds, trainer);

        a[0].Should().Be(b[0]);
        a[1].Should().NotBe(b[1], "the next row is forecast from a changed value (the test would catch nothing otherwise)");
    }

    private static double[] FirstFoldForecasts(Pipelines.Specs.PipelineSpec spec, FeatureFrame frame, IReadOnlyList<Pipelines.Splits.Fold> folds, string trainer)
    {
        double[] values = [];
        CrossValidator.Evaluate(spec, frame, [folds[0]], trainer, Hyperparameters.Defaults, CancellationToken.None, (_, p) => values = p.Values);
        return values;
    }

    public void Dispose() => _data.Dispose();
}
