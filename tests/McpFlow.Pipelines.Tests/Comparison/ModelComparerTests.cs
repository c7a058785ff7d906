using McpFlow.Core.Workspace;
using McpFlow.Pipelines.Comparison;
using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Generation;
using McpFlow.Pipelines.Storage;
using McpFlow.Pipelines.Tables;
using McpFlow.Pipelines.Tests.TestDoubles;
using McpFlow.Pipelines.Tracking;

namespace McpFlow.Pipelines.Tests.Comparison;

public sealed class ModelComparerTests : IDisposable
{
    private readonly TestData _data = new();
    private readonly InMemoryTrackingWriter _writer = new();
    private readonly ModelComparer _comparer;
    private readonly PipelineGenerator _generator;

    public ModelComparerTests()
    {
        _data.Execute(TestData.Binary);
        _data.Execute(TestData.Hourly);
        _data.Execute(TestData.Regression);
        _generator = new PipelineGenerator(new TableInspector(_data.Database));
        _comparer = new ModelComparer(new FeatureLoader(_data.Database), new RunLogger(_writer, TimeProvider.System),
            new PipelineStore(new McpFlowWorkspace(_data.Root), TimeProvider.System), TimeProvider.System);
    }

    [Fact]
    public async Task Compare_RanksALearnerAboveTheMajorityBaseline_AndLogsEveryModel()
    {
        var spec = _generator.Generate(new GenerateRequest("customers", "churn", "binary", null, Folds: 3));
        var result = await _comparer.CompareAsync(spec, ["logistic_regression", "fast_tree"], "exp", (_, _) => { }, CancellationToken.None);
        result.Leaderboard.Select(r => r.Trainer).Should().BeEquivalentTo("majority_baseline", "stratified_baseline", "logistic_regression", "fast_tree");
        result.Leaderboard[0].IsBaseline.Should().BeFalse();
        // The label is a linear rule of x1 and x2, so logistic regression separates it well.
        result.Leaderboard.Single(r => r.Trainer == "logistic_regression").Metrics["accuracy"].Should().BeGreaterThan(0.85);
        result.Leaderboard.Where(r => r.IsBaseline).Should().OnlyContain(b => b.Metrics["auc"] == 0.5, "a constant scorer ranks no pair correctly or wrongly");
        result.BestBeatsBaseline.Should().BeTrue();
        _writer.Runs.Should().HaveCount(4);
        _writer.Runs.Values.Should().OnlyContain(r => r.Params["task"] == "binary" && r.Metrics.ContainsKey("accuracy") && r.Metrics.ContainsKey("mcc"));
    }

    [Fact]
    public async Task Compare_BeatsSeasonalNaive_OnASeasonalSeries()
    {
        var spec = _generator.Generate(new GenerateRequest("power", "mw", "forecasting", "ts", Horizon: 1, Folds: 3));
        var result = await _comparer.CompareAsync(spec, ["sdca"], "exp", (_, _) => { }, CancellationToken.None);
        var seasonal = result.Leaderboard.Single(r => r.Trainer == "seasonal_naive").Metrics;
        var naive = result.Leaderboard.Single(r => r.Trainer == "naive").Metrics;
        // The series is a pure 24-hour sine plus small noise, so the seasonal-naive forecast beats the naive one.
        seasonal["mae"].Should().BeLessThan(naive["mae"]);
        result.Leaderboard.Single(r => r.Trainer == "sdca").Metrics["mase"].Should().BeLessThan(1);
        result.Leaderboard[0].Metrics.Keys.Should().Contain(["mase", "rmsse", "mae", "rmse", "mape", "smape"]);
    }

    [Fact]
    public async Task Compare_ChoosesKBySilhouette_ForClustering()
    {
        _data.Execute("CREATE TABLE blobs AS SELECT (i % 3) * 10 + 0.3 * sin(i * 3.1) AS a, (i % 3) * -7 + 0.3 * cos(i * 1.9) AS b FROM range(0, 90) t(i)");
        var spec = _generator.Generate(new GenerateRequest("blobs", null, "clustering", null));
        var result = await _comparer.CompareAsync(spec, null, "exp", (_, _) => { }, CancellationToken.None);
        result.Best.Should().Be("kmeans_k3", "the rows form three tight, well separated groups");
        result.Leaderboard[0].Metrics["silhouette"].Should().BeGreaterThan(0.9);
    }

    [Fact]
    public async Task Compare_ClassifiesIris_WithMaximumEntropyFarAboveTheMajorityBaseline()
    {
        _data.Execute($"CREATE TABLE iris AS SELECT * FROM read_csv_auto('{Path.Combine(McpFlow.Testing.RepositoryPaths.ExampleData, "iris.csv")}')");
        var spec = _generator.Generate(new GenerateRequest("iris", "species", "infer", null, Folds: 3));
        spec.Task.Should().Be(McpFlow.Pipelines.Specs.PipelineTask.Multiclass);
        var result = await _comparer.CompareAsync(spec, ["maximum_entropy"], "exp", (_, _) => { }, CancellationToken.None);
        var model = result.Leaderboard.Single(r => r.Trainer == "maximum_entropy").Metrics;
        // Iris is nearly linearly separable (published CV accuracies of linear models are 0.95-0.97).
        model["accuracy"].Should().BeGreaterThan(0.9);
        model["auc"].Should().BeGreaterThan(0.95);
        // Three balanced classes: the majority baseline is right for one class in three.
        result.Leaderboard.Single(r => r.Trainer == "majority_baseline").Metrics["accuracy"].Should().BeApproximately(1.0 / 3, 0.02);
    }

    [Fact]
    public async Task Compare_ScoresInjectedOutliersHighest_ForLabelledAnomalyDetection()
    {
        // 200 points near the plane c = a + b, and every 20th row pushed far off it (label 1).
        _data.Execute("CREATE TABLE sensors AS SELECT sin(i * 1.1) AS a, cos(i * 0.7) AS b, " +
            "sin(i * 1.1) + cos(i * 0.7) + CASE WHEN i % 20 = 0 THEN 6 ELSE 0.05 * sin(i * 5.3) END AS c, " +
            "CASE WHEN i % 20 = 0 THEN 1 ELSE 0 END AS fault FROM range(0, 200) t(i)");
        var spec = _generator.Generate(new GenerateRequest("sensors", "fault", "anomaly_detection", null));
        spec.Candidates.Should().Equal(["randomized_pca"], "the series detectors need a time column");
        var result = await _comparer.CompareAsync(spec, null, "exp", (_, _) => { }, CancellationToken.None);
        result.Best.Should().Be("randomized_pca");
        result.Leaderboard[0].Metrics["auc"].Should().BeGreaterThan(0.95);
        result.Leaderboard[0].Metrics["precision_at_k"].Should().BeGreaterThan(0.8);
    }

    [Fact]
    public async Task Compare_FindsLabelledSpikes_WithTheSeriesDetectors_WhenTheSpecHasATimeColumn()
    {
        // An hourly meter: 20 + N(0, 1) (seeded) with +8 at every 50th hour from hour 40 (6 faults, labelled 1).
        var noise = McpFlow.Pipelines.Tests.Series.Noise.Gaussian(300, seed: 4);
        var rows = string.Join(", ", noise.Select((e, i) => FormattableString.Invariant($"({i}, {20 + e + (i % 50 == 40 ? 8 : 0)}, {(i % 50 == 40 ? 1 : 0)})")));
        _data.Execute($"CREATE TABLE meter AS SELECT TIMESTAMP '2024-01-01' + to_hours(i) AS ts, reading, fault FROM (VALUES {rows}) v(i, reading, fault)");
        var spec = _generator.Generate(new GenerateRequest("meter", "fault", "anomaly_detection", "ts"));
        spec.Candidates.Should().Equal("randomized_pca", "spike_detector", "change_point_detector");
        var result = await _comparer.CompareAsync(spec, null, "exp", (_, _) => { }, CancellationToken.None);
        result.Leaderboard.Select(r => r.Trainer).Should().BeEquivalentTo("randomized_pca", "spike_detector", "change_point_detector");
        var spikes = result.Leaderboard.Single(r => r.Trainer == "spike_detector").Metrics;
        // Exactly the 6 faults are flagged: precision at k = 6 is 1 and the flagged share is 6 / 300.
        spikes["precision_at_k"].Should().Be(1);
        spikes["auc"].Should().BeGreaterThan(0.99);
        spikes["anomaly_share"].Should().BeApproximately(6.0 / 300, 1e-12);
        // The meter has no change in level, so the change-point detector flags nothing.
        result.Leaderboard.Single(r => r.Trainer == "change_point_detector").Metrics["anomaly_share"].Should().Be(0);
        result.Best.Should().Be("spike_detector");
    }

    public void Dispose() => _data.Dispose();
}
