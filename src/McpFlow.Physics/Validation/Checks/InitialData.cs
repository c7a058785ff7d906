using McpFlow.Physics.Analysis;
using McpFlow.Physics.Expressions;
using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Validation.Checks;

/// <summary>The quantities the problem's own data fix at t₀, integrated on a <see cref="SpaceGrid"/>: the mass ∫u₀ dx
/// and the wave energy ½∫(v₀² + c²|∇u₀|²) dx, with ∇u₀ from the symbolic derivative of the initial condition. The exact
/// solution keeps them for all t when the conservation law applies, so the model is compared with these values, not
/// with itself at t₀.</summary>
internal static class InitialData
{
    /// <summary>∫u₀ dx and ∫|u₀| dx.</summary>
    public static (double Mass, double AbsoluteMass) Mass(PdeProblem problem, SpaceGrid grid)
    {
        var u0 = Values(problem, grid, problem.Initial!);
        return (grid.Integrate(u0), grid.Integrate(u0.Select(Math.Abs).ToArray()));
    }

    /// <summary>½∫(v₀² + c²|∇u₀|²) dx (v₀ = 0 when no initial velocity is given).</summary>
    public static double Energy(PdeProblem problem, SpaceGrid grid, double c)
    {
        var density = problem.InitialVelocity is null ? new double[grid.Points.Count] : Values(problem, grid, problem.InitialVelocity).Select(v => v * v).ToArray();
        foreach (var axis in problem.Space)
        {
            var gradient = Values(problem, grid, Differentiator.Differentiate(problem.Initial!, axis.Name));
            for (var i = 0; i < density.Length; i++)
                density[i] += c * c * gradient[i] * gradient[i];
        }

        return 0.5 * grid.Integrate(density);
    }

    private static double[] Values(PdeProblem problem, SpaceGrid grid, Expr e)
    {
        var sampler = new PointSampler(problem);
        var f = sampler.Compile(e);
        return grid.At(problem.Time!.Min).Select(p => f(sampler.At(p))).ToArray();
    }
}
