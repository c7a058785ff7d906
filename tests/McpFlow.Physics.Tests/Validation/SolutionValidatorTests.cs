using McpFlow.Core.Configuration;
using McpFlow.Physics.Engine;
using McpFlow.Physics.Specs;
using McpFlow.Physics.Training;
using McpFlow.Physics.Validation;

namespace McpFlow.Physics.Tests.Validation;

[Collection(FdReferenceCollection.Name)]
public sealed class SolutionValidatorTests
{
    // -∇²u = 1 on the unit square without an exact solution: compared with the finite-difference reference.
    private static readonly PdeProblem Poisson = PdeSpecCompiler.Compile(
        """{"preset":"poisson","domain":{"x":[0,1],"y":[0,1]},"source":"1","boundary_conditions":[{"where":"all","value":"0"}]}""");

    private static PinnModel Untrained() =>
        new(Poisson, new TrainingOptions { Depth = 1, Width = 4 }, new TorchRuntime(new McpFlowOptions { Physics = { Threads = 1 } }).Device);

    [Fact]
    public void Validate_FailsAnUntrainedModel_AgainstTheFiniteDifferenceReference()
    {
        using var model = Untrained();

        var report = SolutionValidator.Validate(model);

        report.ComparedWith.Should().StartWith("finite-difference reference (5-point finite differences, 128×128 intervals");
        report.RelativeL2.Should().BeGreaterThan(0.5); // a random network is nowhere near u ≤ 0.074
        report.Verdict!.Outcome.Should().Be("fail");
        report.Verdict.Reasons[0].Should().StartWith("the relative L2 error against the finite-difference reference is");
    }

    [Fact]
    public void Validate_StopsWhenTheCallIsCancelled()
    {
        using var model = Untrained();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var act = () => SolutionValidator.Validate(model, cancellationToken: cts.Token);

        act.Should().Throw<OperationCanceledException>();
    }
}
