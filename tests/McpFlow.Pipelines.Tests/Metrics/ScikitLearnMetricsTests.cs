using System.Text.Json;
using McpFlow.Pipelines.Metrics;
using McpFlow.Testing;

namespace McpFlow.Pipelines.Tests.Metrics;

/// <summary>
/// Classification metrics against scikit-learn 1.2 on generated data (an imbalanced binary task with 4% positives and
/// tied scores, and three unequal classes): expected values written once by
/// tools/bench/pipelines/classification_metrics_fixture.py into tools/bench/pipelines/classification_metrics_fixture.json.
/// </summary>
public sealed class ScikitLearnMetricsTests
{
    private static readonly JsonElement Fixture = JsonDocument.Parse(File.ReadAllText(
        Path.Combine(RepositoryPaths.Root, "tools", "bench", "pipelines", "classification_metrics_fixture.json"))).RootElement;

    private static readonly string[] Names = ["accuracy", "balanced_accuracy", "auc", "average_precision", "precision", "recall", "f1", "kappa", "mcc"];

    [Theory]
    [InlineData("imbalanced_binary", 2)]
    [InlineData("multiclass", 3)]
    public void Compute_MatchesScikitLearn(string name, int classes)
    {
        var c = Fixture.GetProperty(name);
        var actual = Ints(c.GetProperty("actual"));
        var predicted = Ints(c.GetProperty("predicted"));
        var scores = classes == 2
            ? c.GetProperty("scores").EnumerateArray().Select(s => new[] { 1 - s.GetDouble(), s.GetDouble() }).ToList()
            : c.GetProperty("scores").EnumerateArray().Select(s => s.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToList();

        var m = ClassificationMetrics.Compute(actual, predicted, scores, classes);

        foreach (var metric in Names)
            m[metric].Should().BeApproximately(c.GetProperty(metric).GetDouble(), 1e-12, metric);
    }

    [Fact]
    public void AveragePrecision_OfAConstantScorer_IsThePositiveShare()
    {
        // One threshold holding every row: recall 1 at precision = the positive share (scikit-learn gives the same).
        var positive = Enumerable.Range(0, 100).Select(i => i % 25 == 0).ToList();
        ClassificationMetrics.AveragePrecision(positive, Enumerable.Repeat(0.3, 100).ToList()).Should().BeApproximately(0.04, 1e-15);
    }

    [Fact]
    public void DecisionThreshold_PicksTheScikitLearnMccMaximum_AndSitsHalfwayToTheNextScore()
    {
        var c = Fixture.GetProperty("imbalanced_binary");
        var positive = Ints(c.GetProperty("actual")).Select(a => a == 1).ToList();
        var scores = c.GetProperty("scores").EnumerateArray().Select(s => s.GetDouble()).ToList();
        // The fixture lists scikit-learn's MCC for "score >= t" at every distinct score t, highest first.
        var table = c.GetProperty("mcc_by_threshold").EnumerateArray().Select(p => (T: p[0].GetDouble(), Mcc: p[1].GetDouble())).ToList();
        var best = table.Select((p, i) => (p.T, p.Mcc, i)).MaxBy(p => p.Mcc);

        var tuned = DecisionThreshold.Best(positive, scores)!.Value;

        tuned.Mcc.Should().BeApproximately(best.Mcc, 1e-12);
        tuned.Threshold.Should().BeApproximately((best.T + table[best.i + 1].T) / 2, 1e-12);
        tuned.Mcc.Should().BeGreaterThan(c.GetProperty("mcc").GetDouble(), "the fixed 0.5 threshold is not the best one here");
    }

    [Fact]
    public void DecisionThreshold_IsNull_WithoutSignal()
    {
        DecisionThreshold.Best([true, false, false], [0.5, 0.5, 0.5]).Should().BeNull("a constant score separates nothing");
        DecisionThreshold.Best([false, false], [0.1, 0.2]).Should().BeNull("there is no positive row");
    }

    private static int[] Ints(JsonElement e) => e.EnumerateArray().Select(v => v.GetInt32()).ToArray();
}
