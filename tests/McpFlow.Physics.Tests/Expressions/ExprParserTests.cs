using McpFlow.Core.Errors;
using McpFlow.Physics.Expressions;

namespace McpFlow.Physics.Tests.Expressions;

public sealed class ExprParserTests
{
    private static double Eval(string text, double x = 0.3, double y = 0.7) =>
        DoubleCompiler.Evaluate(ExprParser.Parse(text), new Dictionary<string, double> { ["x"] = x, ["y"] = y });

    [Theory]
    [InlineData("1 + 2*3", 7.0)]
    [InlineData("2^3^2", 512.0)]          // right-associative: 2^(3^2)
    [InlineData("-2^2", -4.0)]            // unary minus binds looser than ^
    [InlineData("2**3", 8.0)]
    [InlineData("(1 + 2)*3", 9.0)]
    [InlineData("1.5e2 / 3", 50.0)]
    public void Parse_EvaluatesArithmeticWithConventionalPrecedence(string text, double expected) =>
        Eval(text).Should().BeApproximately(expected, 1e-12);

    [Fact]
    public void Parse_EvaluatesFunctionsAndConstantsLikeMath()
    {
        // Closed form computed with System.Math directly.
        var expected = Math.Sin(Math.PI * 0.3) * Math.Exp(-0.7) + Math.Sqrt(0.3) - Math.Log(0.7) + Math.Tanh(0.3) + Math.Abs(-0.7) + Math.Cos(Math.E);
        Eval("sin(pi*x)*exp(-y) + sqrt(x) - log(y) + tanh(x) + abs(-y) + cos(e)").Should().BeApproximately(expected, 1e-14);
    }

    [Theory]
    [InlineData("sin(pi*x", 9, "missing ')'")]
    [InlineData("2x + 1", 2, "missing operator")]
    [InlineData("x + * y", 5, "unexpected '*'")]
    [InlineData("foo(x)", 1, "unknown function 'foo'")]
    [InlineData("x + ", 5, "ends where")]
    [InlineData("x)", 2, "unmatched ')'")]
    public void Parse_PointsAtThePositionOfTheError(string text, int position, string problem)
    {
        var act = () => ExprParser.Parse(text, "source");
        act.Should().Throw<McpFlowException>()
            .Where(e => e.Message.Contains($"position {position}") && e.Message.Contains(problem) && e.Kind == ErrorKind.InvalidInput);
    }

    [Fact]
    public void Differentiate_MatchesClosedFormDerivatives()
    {
        var e = ExprParser.Parse("sin(pi*x)*exp(-y) + x^3*y + sqrt(x) + log(x*y) + tanh(x)");
        var dx = Differentiator.Differentiate(e, 'x');
        var dxx = Differentiator.Differentiate(dx, 'x');
        var dxy = Differentiator.Differentiate(dx, 'y');
        var values = new Dictionary<string, double> { ["x"] = 0.3, ["y"] = 0.7 };
        double x = 0.3, y = 0.7, th = Math.Tanh(x);
        // Hand-derived closed forms.
        DoubleCompiler.Evaluate(dx, values).Should().BeApproximately(
            Math.PI * Math.Cos(Math.PI * x) * Math.Exp(-y) + 3 * x * x * y + 0.5 / Math.Sqrt(x) + 1 / x + (1 - th * th), 1e-12);
        DoubleCompiler.Evaluate(dxx, values).Should().BeApproximately(
            -Math.PI * Math.PI * Math.Sin(Math.PI * x) * Math.Exp(-y) + 6 * x * y - 0.25 * Math.Pow(x, -1.5) - 1 / (x * x) - 2 * th * (1 - th * th), 1e-10);
        DoubleCompiler.Evaluate(dxy, values).Should().BeApproximately(-Math.PI * Math.Cos(Math.PI * x) * Math.Exp(-y) + 3 * x * x, 1e-12);
    }

    [Fact]
    public void Differentiate_TurnsTheUnknownIntoDerivativeSymbols()
    {
        var e = ExprParser.Parse("u*u_x + u_t");
        var d = Differentiator.Differentiate(e, 'x');
        d.Symbols().Should().BeEquivalentTo("u", "u_x", "u_xx", "u_xt");
    }
}
