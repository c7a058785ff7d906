using McpFlow.Core.Configuration;
using McpFlow.Physics.Engine;
using McpFlow.Physics.Training.Optimisation;
using TorchSharp;
using static TorchSharp.torch;

namespace McpFlow.Physics.Tests.Training.Optimisation;

public sealed class StrongWolfeLbfgsTests
{
    public StrongWolfeLbfgsTests() => _ = new TorchRuntime(new McpFlowOptions { Physics = { Threads = 1 } }).Device;

    [Fact]
    public void Step_MinimisesTheRosenbrockFunction()
    {
        // f(a, b) = 100(b - a²)² + (1 - a)² has its only minimum f = 0 at (1, 1); the classic start is (-1.2, 1).
        using var x = tensor(new[] { -1.2, 1.0 }, dtype: float64).requires_grad_(true);
        double Evaluate()
        {
            using var scope = NewDisposeScope();
            x.grad?.zero_();
            var a = x[0];
            var b = x[1];
            var f = TorchScalars.Mul((b - a * a).square(), 100) + TorchScalars.Sub(1, a).square();
            f.backward();
            return f.ToDouble();
        }

        using var lbfgs = new StrongWolfeLbfgs<double>([x], Evaluate, f => f, 50);
        var losses = new List<double>();
        for (var i = 0; i < 100; i++)
        {
            var it = lbfgs.Step();
            losses.Add(it.Accepted);
            if (it.Converged is not null)
                break;
        }

        var values = x.detach().data<double>().ToArray();
        values[0].Should().BeApproximately(1, 1e-6);
        values[1].Should().BeApproximately(1, 1e-6);
        losses.Should().BeInDescendingOrder(); // the sufficient-decrease condition: every accepted step lowers the loss
        losses.Count.Should().BeLessThan(100);
    }

    [Fact]
    public void Step_NeverAcceptsAPointWhereTheLossIsNotFinite()
    {
        // f(x) = -x for x < 2 and NaN beyond (a loss that overflows past some step): the search extrapolates towards
        // x = 2, meets NaN, and must shrink its bracket back to finite points instead of accepting NaN.
        using var x = tensor(new[] { 0.0 }, dtype: float64).requires_grad_(true);
        double Evaluate()
        {
            using var scope = NewDisposeScope();
            x.grad?.zero_();
            var f = x.sum().neg();
            f.backward();
            var value = f.ToDouble();
            return -value >= 2 ? double.NaN : value;
        }

        using var lbfgs = new StrongWolfeLbfgs<double>([x], Evaluate, f => f, 50);
        double last = 0;
        for (var i = 0; i < 20; i++)
        {
            var it = lbfgs.Step();
            double.IsFinite(it.Accepted).Should().BeTrue();
            it.Accepted.Should().BeLessThanOrEqualTo(last);
            last = it.Accepted;
            if (it.Converged is not null)
                break;
        }

        var at = x.detach().data<double>()[0];
        at.Should().BeInRange(1, 2); // moved far towards the edge of the finite region, never past it
        last.Should().Be(-at);
    }
}
