using McpFlow.Physics.Training;

namespace McpFlow.Physics.Tests.Training;

public sealed class LossWeightsTests
{
    [Fact]
    public void Update_MovesAWeightGeometricallyAndAtMostTwofoldPerUpdate()
    {
        // Gradient norms 1 and 1e-8: the raw target Σ/‖∇L_b‖ ≈ 1e8 is clamped to 1000, and the geometric average
        // moves log λ by 0.1·log(1000/1), i.e. λ = 1000^0.1 = 1.995.
        var weights = new LossWeights(["residual", "boundary"]);

        weights.Update(new Dictionary<string, double> { ["residual"] = 1, ["boundary"] = 1e-8 }).Should().BeTrue();

        weights["boundary"].Should().BeApproximately(Math.Pow(1000, 0.1), 1e-12);
        weights["residual"].Should().BeApproximately(Math.Exp(0.1 * Math.Log(1 + 1e-8)), 1e-12); // target (1 + 1e-8)/1
    }

    [Fact]
    public void Update_NeverExceedsTheBound_HoweverLongTheImbalanceLasts()
    {
        // Issue 18: Allen-Cahn's boundary weight reached 7.4e7 with the arithmetic average of unbounded targets.
        var weights = new LossWeights(["residual", "boundary"]);
        for (var i = 0; i < 500; i++)
            weights.Update(new Dictionary<string, double> { ["residual"] = 1, ["boundary"] = 1e-12 });

        weights["boundary"].Should().BeLessThanOrEqualTo(LossWeights.MaxWeight).And.BeGreaterThan(0.99 * LossWeights.MaxWeight);
    }

    [Fact]
    public void Update_KeepsAWeightWhoseGradientIsZeroOrNotFinite()
    {
        var weights = new LossWeights(["residual", "boundary", "initial"]);

        weights.Update(new Dictionary<string, double> { ["residual"] = 1, ["boundary"] = 0, ["initial"] = double.NaN });

        weights["boundary"].Should().Be(1);
        weights["initial"].Should().Be(1);
    }
}
