using McpFlow.Core.Configuration;
using McpFlow.Physics.Engine;
using McpFlow.Physics.Expressions;
using TorchSharp;

namespace McpFlow.Physics.Tests.Expressions;

public sealed class TensorBuilderTests
{
    public TensorBuilderTests() => _ = new TorchRuntime(new McpFlowOptions { Physics = { Threads = 1 } }).Device;

    [Fact]
    public void Build_GivesTheSameValuesAsTheDoubleEvaluator()
    {
        var e = ExprParser.Parse("k^2*sin(pi*x)*exp(-y) - x^3/(1 + y) + sqrt(abs(x)) + cosh(y)");
        double[] xs = [0.1, 0.5, 0.9], ys = [0.2, 0.4, 0.8];
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(xs, dtype: torch.float64);
        var y = torch.tensor(ys, dtype: torch.float64);
        var scalars = new Dictionary<string, double> { ["k"] = 1.5 };
        var t = TensorBuilder.Build(e, s => s == "x" ? x : s == "y" ? y : null, scalars, x).data<double>().ToArray();
        for (var i = 0; i < 3; i++)
        {
            var expected = DoubleCompiler.Evaluate(e, new Dictionary<string, double> { ["x"] = xs[i], ["y"] = ys[i], ["k"] = 1.5 });
            t[i].Should().BeApproximately(expected, 1e-12);
        }
    }

    [Fact]
    public void Build_BackpropagatesThroughTheGraph()
    {
        var e = ExprParser.Parse("sin(x)^2");
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new[] { 0.4 }, dtype: torch.float64, requires_grad: true);
        var y = TensorBuilder.Build(e, _ => x, new Dictionary<string, double>(), x);
        y.sum().backward();
        // d/dx sin²x = sin 2x.
        x.grad!.data<double>()[0].Should().BeApproximately(Math.Sin(0.8), 1e-12);
    }
}
