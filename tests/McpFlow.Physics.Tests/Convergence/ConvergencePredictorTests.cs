using McpFlow.Core.Errors;
using McpFlow.Physics.Convergence;

namespace McpFlow.Physics.Tests.Convergence;

public sealed class ConvergencePredictorTests
{
    private static (double[] S, double[] L) Curve(Func<double, double> loss, int seen, double noise = 0, int seed = 1)
    {
        var random = new Random(seed);
        var s = Enumerable.Range(0, seen).Select(i => (double)i).ToArray();
        return (s, s.Select(v => loss(v) * Math.Exp(noise * (random.NextDouble() * 2 - 1))).ToArray());
    }

    [Fact]
    public void Predict_FindsTheStepOfAnExponentialCurve()
    {
        // L = 0.5 e^(-0.002 s) reaches 1e-3 at s = ln(500)/0.002 = 3107.3 (closed form).
        var (s, l) = Curve(v => 0.5 * Math.Exp(-0.002 * v), 1000);
        var p = ConvergencePredictor.Predict(s, l, 1e-3, secondsPerStep: 0.01);
        p.WillReach.Should().BeTrue();
        p.Steps!.Value.Should().BeApproximately(3107.3, 3107.3 * 0.05);
        p.StepsLow!.Value.Should().BeLessThan(p.Steps!.Value);
        p.StepsHigh.Should().BeGreaterThan(p.Steps!.Value);
        p.Seconds!.Value.Should().BeApproximately((3107.3 - 999) * 0.01, 3);
    }

    [Fact]
    public void Predict_FindsTheStepOfANoisyPowerLaw()
    {
        // L = 2 (s+1)^-0.8 reaches 0.01 at s + 1 = 200^(1/0.8) = 754.4 (closed form).
        var (s, l) = Curve(v => 2 * Math.Pow(v + 1, -0.8), 300, noise: 0.1);
        var p = ConvergencePredictor.Predict(s, l, 0.01);
        p.Steps!.Value.Should().BeApproximately(753.4, 753.4 * 0.15);
    }

    [Fact]
    public void Predict_SaysTheTargetIsNotReachedWhenTheFloorIsAboveIt()
    {
        // L = 0.02 + e^(-0.01 s) never goes below 0.02.
        var (s, l) = Curve(v => 0.02 + Math.Exp(-0.01 * v), 800);
        var p = ConvergencePredictor.Predict(s, l, 0.01);
        p.WillReach.Should().BeFalse();
        p.FittedFloor!.Value.Should().BeApproximately(0.02, 0.002);
        p.Verdict.Should().Contain("Will not reach").And.Contain("floor");
    }

    [Fact]
    public void Predict_RejectsTooShortHistories()
    {
        var act = () => ConvergencePredictor.Predict([1, 2, 3], [1, 0.5, 0.2], 0.01);
        act.Should().Throw<McpFlowException>().WithMessage("*at least 10*");
    }
}
