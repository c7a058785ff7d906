using McpFlow.Physics.Convergence;
using McpFlow.Physics.Tests.Training;

namespace McpFlow.Physics.Tests.Convergence;

public sealed class RunConvergenceTests
{
    // L = e^(-0.002 s) logged every 10 steps for 100 records (s = 0 … 990).
    private static readonly double[] Decay = Enumerable.Range(0, 100).Select(i => Math.Exp(-0.002 * 10 * i)).ToArray();

    [Fact]
    public void Predict_AFinishedRun_SaysWhenItReachedTheTargetAndNothingFromNow()
    {
        // e^(-0.002 s) ≤ 0.5 first at s = ln 2 / 0.002 = 346.6, so at the logged step 350.
        var run = HealthReportTests.Run("finished", Decay);

        var p = RunConvergence.Predict(run, 0.5, 0.01);

        p.AlreadyReached.Should().BeTrue();
        p.Steps.Should().Be(350);
        p.Seconds.Should().BeNull();
        p.Verdict.Should().Contain("is finished after 991 steps").And.Contain("It reached 0.5 at step 350").And.NotContain("from now");
    }

    [Fact]
    public void Predict_AFinishedRunAboveTheTarget_GivesNoTimeFromNow()
    {
        // Issue 18: a finished run was told "≈211 s from now". e^(-0.002·990) = 0.138 > 0.05.
        var run = HealthReportTests.Run("finished", Decay);

        var p = RunConvergence.Predict(run, 0.05, 0.01);

        p.AlreadyReached.Should().BeFalse();
        p.WillReach.Should().BeFalse();
        p.Seconds.Should().BeNull();
        p.Verdict.Should().Contain("it is not training any more").And.Contain("It ended above 0.05").And.NotContain("s from now");
    }

    [Fact]
    public void Bounded_RefusesToExtrapolateFarBeyondTheStepsSeen()
    {
        // Issue 18: an extrapolation to 5.9e8 steps from a run of a few thousand.
        var p = new ConvergencePrediction(1e-6, 2000, 1e-3, false, true, 0.8, 5.9e8, 1e8, 1e9, 5e6, 1e6, 1e7, null, "Predicted …", []);

        var bounded = RunConvergence.Bounded(p);

        bounded.WillReach.Should().BeFalse();
        bounded.Steps.Should().BeNull();
        bounded.Seconds.Should().BeNull();
        bounded.Verdict.Should().StartWith("Not within reach on the current trend").And.Contain("more than 10× the 2000 steps seen");
        RunConvergence.Bounded(p with { Steps = 15_000 }).Should().Be(p with { Steps = 15_000 }); // 7.5× is still a prediction
    }
}
