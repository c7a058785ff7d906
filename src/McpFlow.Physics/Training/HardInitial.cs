using McpFlow.Physics.Analysis;
using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Training;

/// <summary>
/// Hard initial conditions: u(x, t) = u₀(x) + (t - t₀)·v₀(x) + τᵐ·B(x)·N(x, t), with τ = (t - t₀)/(T - t₀), m = 2 when
/// the initial velocity v₀ is given (second order in time) and 1 otherwise, and B = 1, or the hard-boundary factor D(x)
/// of <see cref="HardBoundary"/> when the faces are hard too. u(x, t₀) = u₀ and u_t(x, t₀) = v₀ then hold exactly, and
/// the initial loss term (which competes with the residual and lets a PINN drift to a wrong solution, issue 14's wave at
/// 0.45) disappears. With hard faces the base u₀ + (t - t₀)v₀ must already satisfy them: the face values g may not depend
/// on t, and u₀ = g and v₀ = 0 on every face (checked at sample points); otherwise the initial condition stays soft.
/// </summary>
public static class HardInitial
{
    private const int FaceSamples = 64;         // points per face at which u₀ = g and v₀ = 0 are checked
    private const double CompatibleTolerance = 1e-9; // relative to the data's scale: rounding of sin(π) and the like

    /// <summary>True when the initial condition can be built into the ansatz, given whether the faces are hard;
    /// <paramref name="why"/> says why or why not.</summary>
    public static bool Supports(PdeProblem problem, bool hardFaces, out string why)
    {
        if (problem.Time is null || problem.Initial is null)
        {
            why = "there is no initial condition.";
            return false;
        }

        if (hardFaces && !Compatible(problem, out var mismatch))
        {
            why = mismatch;
            return false;
        }

        why = problem.InitialVelocity is not null && problem.TimeOrder >= 2
            ? "u = u₀ + (t - t₀)·v₀ + τ²·N satisfies u(x, t₀) = u₀ and u_t(x, t₀) = v₀ exactly, so no initial loss term competes with the residual."
            : "u = u₀ + τ·N satisfies u(x, t₀) = u₀ exactly, so no initial loss term competes with the residual.";
        return true;
    }

    /// <summary>The power m of τ: 2 with an initial velocity on a second-order-in-time problem, else 1.</summary>
    public static int Order(PdeProblem problem) => problem.InitialVelocity is not null && problem.TimeOrder >= 2 ? 2 : 1;

    // u₀ + (t - t₀)v₀ must equal g on the faces for all t: g independent of t, u₀ = g and v₀ = 0 there.
    private static bool Compatible(PdeProblem problem, out string why)
    {
        var g = problem.Boundaries[0].Value!;
        if (g.Symbols().Contains("t"))
        {
            why = "the boundary values depend on t, so u₀ + (t - t₀)·v₀ does not satisfy them; the initial condition is a penalty term.";
            return false;
        }

        var sampler = new PointSampler(problem);
        var fg = sampler.Compile(g);
        var f0 = sampler.Compile(problem.Initial!);
        var fv = problem.InitialVelocity is null || Order(problem) < 2 ? null : sampler.Compile(problem.InitialVelocity);
        var random = new Random(17);
        double worst = 0, scale = 1e-300;
        foreach (var face in problem.Space.SelectMany(a => new[] { (a, a.Min), (a, a.Max) }))
        {
            for (var i = 0; i < FaceSamples; i++)
            {
                var coords = problem.Inputs.Select(a => a.Name == face.a.Name ? face.Item2 : a.Name == 't' ? problem.Time!.Min : a.Min + random.NextDouble() * a.Length).ToArray();
                var p = sampler.At(coords);
                var (gv, u0) = (fg(p), f0(p));
                scale = Math.Max(scale, Math.Max(Math.Abs(gv), Math.Abs(u0)));
                worst = Math.Max(worst, Math.Abs(u0 - gv));
                if (fv is not null)
                    worst = Math.Max(worst, Math.Abs(fv(p)));
            }
        }

        if (!(worst <= CompatibleTolerance * Math.Max(1, scale)))
        {
            why = $"the initial data do not match the boundary values on the faces (by up to {worst:G3}), so the initial condition is a penalty term.";
            return false;
        }

        why = "";
        return true;
    }
}
