using System.Globalization;
using McpFlow.Core.Workspace;
using McpFlow.Pipelines.Comparison;
using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Generation;
using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Specs;
using McpFlow.Pipelines.Storage;
using McpFlow.Pipelines.Tables;
using McpFlow.Pipelines.Tests.Series;
using McpFlow.Pipelines.Tests.TestDoubles;
using McpFlow.Pipelines.Tracking;

namespace McpFlow.Pipelines.Tests.Comparison;

/// <summary>
/// The issue's case: a binary task with 4% positives ranked by accuracy, where the majority baseline looked good
/// (0.946) and the 0.5 threshold left recall at 0.43. Here 40 of 1,000 rows are positive ('fraud' = 1); positives
/// have x1 and x2 shifted up by 1.8 and 1.2 standard deviations, x3 is noise.
/// </summary>
public sealed class ImbalancedClassificationTests : IDisposable
{
    private const int Rows = 1000;
    private const int Positives = 40;
    private readonly TestData _data = new();
    private readonly PipelineGenerator _generator;

    public ImbalancedClassificationTests()
    {
        _data.Execute(Table("payments", seed: 3));
        _generator = new PipelineGenerator(new TableInspector(_data.Database));
    }

    /// <summary>Every 25th row is positive (40 of 1,000), so each of 5 stratified folds holds exactly 8 of its 200 rows.</summary>
    public static string Table(string name, int seed)
    {
        var z1 = Noise.Gaussian(Rows, seed);
        var z2 = Noise.Gaussian(Rows, seed + 1);
        var z3 = Noise.Gaussian(Rows, seed + 2);
        var rows = Enumerable.Range(0, Rows).Select(i =>
        {
            var fraud = i % (Rows / Positives) == 7 ? 1 : 0;
            return string.Create(CultureInfo.InvariantCulture, $"({z1[i] + (1.8 * fraud)}, {z2[i] + (1.2 * fraud)}, {z3[i]}, {fraud})");
        });
        return $"CREATE TABLE {name} AS SELECT * FROM (VALUES {string.Join(", ", rows)}) v(x1, x2, x3, fraud)";
    }

    [Fact]
    public void Generate_RanksByAveragePrecision_TunesTheThreshold_AndAddsAStratifiedBaseline()
    {
        var spec = _generator.Generate(new GenerateRequest("payments", "fraud", "binary", null));

        spec.PrimaryMetric.Should().Be("average_precision");
        spec.Metrics.Should().StartWith("average_precision").And.Contain(["mcc", "threshold", "balanced_accuracy", "accuracy"]);
        spec.Classes[1].Should().Be("1", "the minority is the positive class of the metrics");
        spec.Findings.Should().Contain(f => f.Check == "imbalance" && f.Message.Contains("4.0%") && f.Message.Contains("96.0% accurate"));
        spec.Steps.Should().Contain(s => s.Name == "threshold" && s.Optional && s.Enabled);
        spec.Candidates.Should().Contain(["majority_baseline", "stratified_baseline"]);
        PipelineSpec.FromJson(spec.ToJson()).PrimaryMetric.Should().Be("average_precision", "the validator knows the new names");
    }

    [Fact]
    public void Generate_PutsTheMinorityAtIndexOne_WhenItSortsFirst()
    {
        _data.Execute("CREATE TABLE flipped AS SELECT x1, x2, x3, 1 - fraud AS ok FROM payments");
        var spec = _generator.Generate(new GenerateRequest("flipped", "ok", "binary", null));
        // Here "0" is the 4% class: it must be the positive class of precision, recall and average precision.
        spec.Classes.Should().Equal("1", "0");
    }

    [Fact]
    public async Task Compare_RanksTheLearnerFirst_AndTheMajorityBaselineAtTheChanceLevel()
    {
        var spec = _generator.Generate(new GenerateRequest("payments", "fraud", "binary", null));
        var writer = new InMemoryTrackingWriter();
        var comparer = new ModelComparer(new FeatureLoader(_data.Database), new RunLogger(writer, TimeProvider.System),
            new PipelineStore(new McpFlowWorkspace(_data.Root), TimeProvider.System), TimeProvider.System);

        var result = await comparer.CompareAsync(spec, ["logistic_regression"], "exp", (_, _) => { }, CancellationToken.None);

        result.PrimaryMetric.Should().Be("average_precision");
        result.Leaderboard.Select(r => r.Trainer).Should().Equal("logistic_regression", "majority_baseline", "stratified_baseline");
        var majority = result.Leaderboard.Single(r => r.Trainer == "majority_baseline").Metrics;
        // Each test fold holds 8 positives in 200 rows: a constant scorer's average precision is 8/200 and its MCC 0,
        // while its accuracy (192/200) is what made it look good.
        majority["average_precision"].Should().BeApproximately(0.04, 1e-12);
        majority["mcc"].Should().Be(0);
        majority["accuracy"].Should().BeApproximately(0.96, 1e-12);
        var model = result.Leaderboard[0];
        model.Metrics["average_precision"].Should().BeGreaterThan(0.3, "x1 and x2 separate a good share of the positives");
        model.Metrics["threshold"].Should().BeInRange(0.01, 0.49, "with 4% positives the MCC-best threshold on probabilities lies well below 0.5");
        model.Std["threshold"].Should().BeGreaterThan(0, "each fold tunes its own threshold");
        result.BestBeatsBaseline.Should().BeTrue();
        writer.Runs.Values.Single(r => r.Params["trainer"] == "logistic_regression").Metrics.Should().ContainKey("threshold");
    }

    [Fact]
    public void TheTunedThreshold_RaisesRecallAndMcc_OverTheFixedHalf()
    {
        var spec = _generator.Generate(new GenerateRequest("payments", "fraud", "binary", null));
        var frame = new FeatureLoader(_data.Database).Load(spec);
        var folds = CrossValidator.Folds(spec, frame);

        var tuned = CrossValidator.Evaluate(spec, frame, folds, "logistic_regression", Hyperparameters.Defaults, CancellationToken.None);
        var fixedHalf = CrossValidator.Evaluate(spec.Without("threshold"), frame, folds, "logistic_regression", Hyperparameters.Defaults, CancellationToken.None);

        tuned.Mean["recall"].Should().BeGreaterThan(fixedHalf.Mean["recall"]);
        tuned.Mean["mcc"].Should().BeGreaterThan(fixedHalf.Mean["mcc"]);
        tuned.Mean["average_precision"].Should().Be(fixedHalf.Mean["average_precision"], "the threshold changes classes, not scores");
        fixedHalf.Mean.Should().NotContainKey("threshold");
    }

    [Fact]
    public void AFoldsThreshold_IgnoresItsTestRows_AndFollowsItsTrainingRows()
    {
        var spec = _generator.Generate(new GenerateRequest("payments", "fraud", "binary", null));
        var frame = new FeatureLoader(_data.Database).Load(spec);
        var folds = CrossValidator.Folds(spec, frame);
        var before = Thresholds(spec, frame, folds);
        // Scramble the inputs of fold 0's test rows (labels, hence folds, unchanged): they are training rows of every other fold.
        var test = folds[0].Test.ToHashSet();
        var scrambled = frame with
        {
            Numeric = frame.Numeric.Select(c => c with { Values = c.Values.Select((v, r) => test.Contains(r) ? (-5 * v) + 3 : v).ToArray() }).ToList(),
        };

        var after = Thresholds(spec, scrambled, folds);

        after[0].Should().Be(before[0], "fold 0's threshold is tuned on fold 0's training rows only");
        after.Skip(1).Should().NotEqual(before.Skip(1), "the other folds train on those rows (the test would catch nothing otherwise)");
    }

    private static double[] Thresholds(PipelineSpec spec, FeatureFrame frame, IReadOnlyList<Pipelines.Splits.Fold> folds) =>
        CrossValidator.Evaluate(spec, frame, folds, "logistic_regression", Hyperparameters.Defaults, CancellationToken.None).PerFold
            .Select(f => f["threshold"]).ToArray();

    public void Dispose() => _data.Dispose();
}
