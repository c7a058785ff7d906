using McpFlow.Physics.Expressions;
using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Analysis;

/// <summary>Plugs the exact solution into the residual (derivatives taken symbolically) so a wrong sign in the
/// source or a mistyped solution is caught before any training.</summary>
public static class ExactSolutionCheck
{
    /// <summary>The residual with u and its derivatives replaced by those of <paramref name="exact"/>.</summary>
    public static Expr ResidualOf(PdeProblem problem, Expr exact)
    {
        var map = new Dictionary<string, Expr>(StringComparer.Ordinal);
        foreach (var symbol in problem.Residual.Symbols())
        {
            if (!DerivativeSymbol.TryParse(symbol, out var order))
                continue;
            var derivative = exact;
            foreach (var axis in order)
                derivative = Differentiator.Differentiate(derivative, axis);
            map[symbol] = derivative;
        }

        return Substitution.Apply(problem.Residual, map);
    }

    /// <summary>Largest |R(exact)| relative to the largest |f| or 1, over random interior points.</summary>
    public static double MaxRelativeResidual(PdeProblem problem, Expr exact, int points = 200, int seed = 7)
    {
        var residual = ResidualOf(problem, exact);
        var sampler = new PointSampler(problem);
        var random = new Random(seed);
        var eval = sampler.Compile(residual);
        var source = problem.Source is null ? null : sampler.Compile(problem.Source);
        double worst = 0, scale = 1;
        for (var i = 0; i < points; i++)
        {
            var p = sampler.Interior(random);
            worst = Math.Max(worst, Math.Abs(eval(p)));
            if (source is not null)
                scale = Math.Max(scale, Math.Abs(source(p)));
        }

        return worst / scale;
    }
}
