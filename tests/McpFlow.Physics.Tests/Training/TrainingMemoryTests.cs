using McpFlow.Core.Errors;
using McpFlow.Physics.Specs;
using McpFlow.Physics.Training;

namespace McpFlow.Physics.Tests.Training;

public sealed class TrainingMemoryTests
{
    private static readonly PdeProblem Poisson2D = PdeSpecCompiler.Compile(
        """{"preset":"poisson","domain":{"x":[0,1],"y":[0,1]},"source":"2*pi^2*sin(pi*x)*sin(pi*y)","boundary_conditions":[{"where":"all","value":"0"}]}""");

    [Fact]
    public void Estimate_MatchesThePeakMeasuredByMemoryBench()
    {
        // MemoryBench (docs/physics.md, "Memory"): 2D Poisson 6×256, 20 000 points, Adam only: peak 3653 MB with 175 MB
        // resident before training, so 3478 MB for the training.
        var estimate = TrainingMemory.Estimate(Poisson2D, new TrainingOptions { Depth = 6, Width = 256, InteriorPoints = 20_000, LbfgsSteps = 0 });

        (estimate.TrainingBytes / 1e6).Should().BeApproximately(3478, 0.05 * 3478);
    }

    [Fact]
    public void EnsureFits_RefusesAPlanThatWouldNotFit_AndSaysWhatWould()
    {
        // Issue 18: the limits allowed 200 000 points × 12 layers × 512 wide with no estimate.
        var options = new TrainingOptions { Depth = 12, Width = 512, InteriorPoints = 200_000 };

        var act = () => TrainingMemory.EnsureFits(Poisson2D, options, 8_000_000_000);

        var error = act.Should().Throw<McpFlowException>().Which;
        error.Message.Should().StartWith("This training would need about").And.Contain("but only 8.0 GB is available on this machine").And.Contain("It was not started.");
        error.Hint.Should().StartWith("Use at most about");
    }

    [Fact]
    public void EnsureFits_AcceptsTheDefaultPlanInAGigabyte()
    {
        var act = () => TrainingMemory.EnsureFits(Poisson2D, new TrainingOptions(), 1_000_000_000);

        act.Should().NotThrow();
    }

    [Fact]
    public void AvailableBytes_ReadsThisMachine()
    {
        SystemMemory.AvailableBytes().Should().BePositive();
    }
}
