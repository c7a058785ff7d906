using McpFlow.Pipelines.Evaluation;
using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Generation;
using McpFlow.Pipelines.Tables;
using McpFlow.Pipelines.Tests.TestDoubles;
using static McpFlow.Pipelines.Tests.TestDoubles.Services;
using McpFlow.Pipelines.Tracking;

namespace McpFlow.Pipelines.Tests.Evaluation;

public sealed class StepEvaluatorTests : IDisposable
{
    private readonly TestData _data = new();

    [Fact]
    public async Task Evaluate_ReportsEveryStep_FoldSpread_AndAnAblationPerOptionalStep_ForForecasting()
    {
        _data.Execute(TestData.Hourly);
        var spec = new PipelineGenerator(new TableInspector(_data.Database)).Generate(new GenerateRequest("power", "mw", "forecasting", "ts", Horizon: 1, Folds: 3));
        var writer = new InMemoryTrackingWriter();
        var evaluator = new StepEvaluator(new FeatureLoader(_data.Database), new RunLogger(Provider(writer), TimeProvider.System));
        var result = await evaluator.EvaluateAsync(spec, "sdca", "exp", Path.Combine(_data.Root, "job"), (_, _) => { }, CancellationToken.None);

        var lost = spec.Features.Lags.Concat(spec.Features.RollingWindows).Max(); // horizon 1: window w ends 1 row back and starts w rows back
        result.Steps.Single(s => s.Step == "validate").Should().Match<StepStats>(s => s.RowsIn == 400 && s.RowsOut == 400 - lost);
        result.Steps.Single(s => s.Step == "fourier").FeaturesAdded.Should().Be(6);
        result.Steps.Single(s => s.Step == "rolling").FeaturesAdded.Should().Be(4);
        result.Steps.Single(s => s.Step == "impute+encode").NullsLeft.Should().Be(0);
        result.PerFold.Should().HaveCount(3);
        var mases = result.PerFold.Select(f => f["mase"]).ToList();
        result.Mean["mase"].Should().BeApproximately(mases.Average(), 1e-12);
        result.Std["mase"].Should().BeApproximately(Math.Sqrt(mases.Sum(m => Math.Pow(m - mases.Average(), 2)) / 2), 1e-12);
        result.Ablation.Select(a => a.Step).Should().BeEquivalentTo("date_parts", "rolling", "fourier", "impute", "scale");
        result.Ablation.Should().OnlyContain(a => !double.IsNaN(a.Value));
        writer.Runs.Values.Single().Artifacts.Should().BeEquivalentTo("pipeline_spec.json", "step_report.json");
        writer.Runs.Values.Single().Metrics.Keys.Should().Contain("without_fourier_mase");
    }

    public void Dispose() => _data.Dispose();
}
