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

    private static MlflowRun Run(params (string Key, string Value)[] p) => new("r", "1", "r", "FINISHED", 0, 0, null, "active",
        p.ToDictionary(t => t.Key, t => t.Value), new Dictionary<string, MlflowMetric>(), new Dictionary<string, string>());
}
