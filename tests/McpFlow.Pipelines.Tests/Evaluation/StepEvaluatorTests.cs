using McpFlow.Core.Workspace;
using McpFlow.Pipelines.Evaluation;
using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Generation;
using McpFlow.Pipelines.Storage;
using McpFlow.Pipelines.Tables;
using McpFlow.Pipelines.Tests.TestDoubles;
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
        var result = await Evaluator(writer).EvaluateAsync(spec, "sdca", "exp", Path.Combine(_data.Root, "job"), (_, _) => { }, CancellationToken.None);

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
        result.TrainerSource.Should().Be("given");
        foreach (var a in result.Ablation)
        {
            // Each verdict follows from the row's own gain and fold-spread margin (AblationVerdict's rule).
            var expected = Math.Abs(a.Delta) <= a.Margin ? "neutral" : a.Delta > 0 ? "helps" : "hurts";
            a.Verdict.Should().Be(expected, a.Step);
        }
    }

    [Fact]
    public async Task Evaluate_WithoutATrainer_AblatesTheExperimentsChosenModel_NotTheDefault()
    {
        _data.Execute(TestData.Regression);
        var spec = new PipelineGenerator(new TableInspector(_data.Database)).Generate(new GenerateRequest("houses", "price", "regression", null, Folds: 3));
        // What pipeline_compare_models records: sdca is the best model; the baseline's (impossible) better score and a
        // clustering trainer must not be taken as the chosen model.
        var store = Store();
        store.Record("houses", new ScoreEntry("r1", "fast_tree", spec.PrimaryMetric, 2.0, null, DateTimeOffset.UnixEpoch));
        store.Record("houses", new ScoreEntry("r2", "sdca", spec.PrimaryMetric, 1.0, null, DateTimeOffset.UnixEpoch));
        store.Record("houses", new ScoreEntry("r3", "mean_baseline", spec.PrimaryMetric, 0.5, null, DateTimeOffset.UnixEpoch));
        store.Record("houses", new ScoreEntry("r4", "kmeans", spec.PrimaryMetric, 0.1, null, DateTimeOffset.UnixEpoch));
        var writer = new InMemoryTrackingWriter();

        var result = await Evaluator(writer).EvaluateAsync(spec, null, "houses", Path.Combine(_data.Root, "job"), (_, _) => { }, CancellationToken.None);

        spec.Maximize.Should().BeFalse("the regression spec ranks by an error");
        result.Trainer.Should().Be("sdca");
        result.TrainerSource.Should().Contain("chosen model").And.Contain("houses");
        writer.Runs.Values.Single().Params["trainer"].Should().Be("sdca");
        Evaluator(writer).Choose(spec, "no-runs-yet").Should().Be(("fast_tree", "default (no model recorded in experiment 'no-runs-yet')"));
    }

    private StepEvaluator Evaluator(InMemoryTrackingWriter writer) =>
        new(new FeatureLoader(_data.Database), new RunLogger(writer, TimeProvider.System), Store());

    private PipelineStore Store() => new(new McpFlowWorkspace(_data.Root), TimeProvider.System);

    public void Dispose() => _data.Dispose();
}
