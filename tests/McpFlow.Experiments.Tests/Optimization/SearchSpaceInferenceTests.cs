using McpFlow.Experiments.Optimization;
using McpFlow.Experiments.Tracking;

namespace McpFlow.Experiments.Tests.Optimization;

public sealed class SearchSpaceInferenceTests
{
    [Fact]
    public void Infer_DetectsTypesLogScaleAndWidensConstants()
    {
        var runs = new[]
        {
            Run(("lr", "0.01"), ("batch_size", "128"), ("dropout", "0.1"), ("wd", "1e-5"), ("opt", "adam"), ("seed", "1"), ("path", "/a")),
            Run(("lr", "0.01"), ("batch_size", "128"), ("dropout", "0.3"), ("wd", "1e-3"), ("opt", "sgd"), ("seed", "2"), ("path", "/a")),
        };

        var space = SearchSpaceInference.Infer(runs, out var notes);

        var byName = space.Parameters.ToDictionary(p => p.Name);
        byName["lr"].Should().Match<ParameterSpec>(p => p.Kind == ParameterKind.Float && p.Log && Math.Abs(p.Low - 0.001) < 1e-15 && Math.Abs(p.High - 0.1) < 1e-15);
        byName["batch_size"].Should().Match<ParameterSpec>(p => p.Kind == ParameterKind.Int && p.Log && p.Low == 32 && p.High == 512);
        byName["dropout"].Should().Match<ParameterSpec>(p => !p.Log && p.Low == 0.1 && p.High == 0.3);
        byName["wd"].Log.Should().BeTrue("1e-5 to 1e-3 spans ×100");
        byName["opt"].Choices.Should().Equal("adam", "sgd");
        byName.Should().NotContainKeys("seed", "path");
        notes.Should().Contain(n => n.StartsWith("seed:", StringComparison.Ordinal)).And.Contain(n => n.StartsWith("path:", StringComparison.Ordinal));
    }

    [Fact]
    public void Infer_KeepsAFractionSweptUniformly_Linear_ThoughItSpansADecade()
    {
        // subsample tried at 0.05, 0.1, ..., 1.0 (uniform, ×20): median 0.525, log position ln(10.5)/ln(20) = 0.785 > 0.62.
        var runs = Enumerable.Range(1, 20).Select(i => Run(("subsample", (0.05 * i).ToString("R", System.Globalization.CultureInfo.InvariantCulture)))).ToList();

        var spec = SearchSpaceInference.Infer(runs, out _).Parameters.Single();

        spec.Log.Should().BeFalse();
        spec.Origin.Should().Contain("tried evenly in linear");
    }

    [Fact]
    public void Infer_UsesLogScale_WhenTheRunsWereSpreadInLog_OrTheNameIsRateLike()
    {
        // gamma at 1e-4, 1e-3, ..., 1: median of logs is the middle (position 0.5). learning_rate swept linearly over
        // [0.01, 0.3] is still log: the name says rates are searched on a log scale.
        var runs = Enumerable.Range(0, 5).Select(i => Run(
            ("gamma", Math.Pow(10, i - 4).ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
            ("learning_rate", (0.01 + (0.0725 * i)).ToString("R", System.Globalization.CultureInfo.InvariantCulture)))).ToList();

        var byName = SearchSpaceInference.Infer(runs, out _).Parameters.ToDictionary(p => p.Name);

        byName["gamma"].Log.Should().BeTrue();
        byName["gamma"].Origin.Should().Contain("tried evenly in log");
        byName["learning_rate"].Log.Should().BeTrue();
    }

    [Fact]
    public void Infer_ExtendsARange_PastTheBestRun_WhenItSitsAtAnEnd()
    {
        // Best run (score = metric) at learning_rate 0.3, the observed maximum of [0.01, 0.3]: log scale (rate-like),
        // so the top moves to 0.3 × √30 = 1.643. max_depth's best (2) is the observed minimum of 2..8 (linear):
        // the bottom moves by half the width (3) but not below 1. subsample's best (1.0) is the top of [0.5, 1.0]:
        // a fraction, capped at 1, so unchanged.
        var runs = Enumerable.Range(0, 6).Select(i => Run(
            ("learning_rate", (0.01 + (0.058 * i)).ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
            ("max_depth", (8 - i - (i == 5 ? 1 : 0)).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("subsample", (0.5 + (0.1 * i)).ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
            ("auc", (0.9 + (0.01 * i)).ToString("R", System.Globalization.CultureInfo.InvariantCulture)))).ToList();

        var space = SearchSpaceInference.Infer(runs, out _, r => double.Parse(r.Params["auc"], System.Globalization.CultureInfo.InvariantCulture));
        var byName = space.Parameters.ToDictionary(p => p.Name);

        const double top = 0.01 + (0.058 * 5); // 0.3 up to rounding
        byName["learning_rate"].High.Should().BeApproximately(top * Math.Sqrt(top / 0.01), 1e-9);
        byName["learning_rate"].Origin.Should().Contain("best run is at the top");
        byName["max_depth"].Low.Should().Be(1);
        byName["max_depth"].High.Should().Be(8);
        byName["subsample"].High.Should().Be(1.0);
        byName["subsample"].Origin.Should().NotContain("extended");
        SearchSpaceInference.Infer(runs, out _).Parameters.Single(p => p.Name == "learning_rate").High.Should().BeApproximately(0.01 + (0.058 * 5), 1e-12, "no metric, no extension");
    }

    private static MlflowRun Run(params (string Key, string Value)[] p) => new("r", "1", "r", "FINISHED", 0, 0, null, "active",
        p.ToDictionary(t => t.Key, t => t.Value), new Dictionary<string, MlflowMetric>(), new Dictionary<string, string>());
}
