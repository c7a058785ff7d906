using McpFlow.Physics.Expressions;
using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Validation;

/// <summary>
/// 1D time-dependent reference solvers with Dirichlet conditions, on a uniform grid:
/// heat, Burgers, Allen-Cahn and advection-diffusion as u_t = D·u_xx + N(u, u_x, x, t) with Crank-Nicolson for the
/// diffusion and explicit (IMEX) treatment of N (read off the residual: N = -R with u_t = u_xx = 0);
/// wave u_tt = c²u_xx + f with the leapfrog scheme (CFL 0.5).
/// </summary>
public static class EvolutionFdSolver
{
    private const int OutputTimes = 101;     // snapshots in time returned for comparison
    private const int MaxOutputNodes = 257;  // x nodes returned (every k-th grid node)
    private const long MaxWork = 400_000_000; // node-steps; refuses solves that would take minutes

    /// <summary>True when this solver applies.</summary>
    public static bool Supports(PdeProblem p) =>
        p.Kind is "heat" or "burgers" or "allen_cahn" or "advection_diffusion" or "wave" && p.Space.Count == 1 && p.Time is not null
        && p.Initial is not null && (p.Kind != "wave" || p.InitialVelocity is not null)
        && p.Boundaries.Count == 2 && p.Boundaries.All(b => b.Kind == BoundaryKind.Dirichlet);

    /// <summary>Solves on <paramref name="n"/> intervals (a power of two ≥ 256) with time step scaled by <paramref name="dtScale"/>.</summary>
    public static GridSolution Solve(PdeProblem p, int n, double dtScale = 1, CancellationToken cancellationToken = default)
    {
        var x = p.Space[0];
        var t = p.Time!;
        var h = x.Length / n;
        var slots = new Dictionary<string, int>(StringComparer.Ordinal) { ["x"] = 0, ["t"] = 1, ["u"] = 2, ["u_x"] = 3, ["u_t"] = 4, ["u_xx"] = 5, ["u_tt"] = 6 };
        foreach (var c in p.Coefficients.Keys)
            slots[c] = slots.Count;
        var coefficients = p.Coefficients.Values.ToArray();
        double[] Args(double xv, double tv) { var a = new double[7 + coefficients.Length]; a[0] = xv; a[1] = tv; coefficients.CopyTo(a, 7); return a; }
        var initial = DoubleCompiler.Compile(p.Initial!, slots);
        var bcLow = DoubleCompiler.Compile(p.Boundaries.First(b => !b.Face.IsMax).Value!, slots);
        var bcHigh = DoubleCompiler.Compile(p.Boundaries.First(b => b.Face.IsMax).Value!, slots);
        var nodes = Enumerable.Range(0, n + 1).Select(i => x.Min + h * i).ToArray();
        var u = nodes.Select(v => initial(Args(v, t.Min))).ToArray();
        var maxU = u.Max(Math.Abs) + 1e-12;

        var wave = p.Kind == "wave";
        var diffusion = p.Kind switch { "heat" => p.Coefficients["alpha"], "burgers" => p.Coefficients["nu"], "allen_cahn" => p.Coefficients["d"], "advection_diffusion" => p.Coefficients["D"], _ => 0 };
        var speed = wave ? p.Coefficients["c"] : p.Kind switch { "burgers" => maxU, "advection_diffusion" => Math.Abs(p.Coefficients["a_x"]), _ => 0 };
        var reaction = p.Kind == "allen_cahn" ? p.Coefficients["k"] * 3 * Math.Max(1, maxU * maxU) : 0;
        var dt = t.Length / 1000;
        if (speed > 0) dt = Math.Min(dt, 0.5 * h / speed);
        if (reaction > 0) dt = Math.Min(dt, 0.2 / reaction);
        if (wave) dt = Math.Min(dt, 0.5 * h / Math.Max(speed, 1e-12));
        dt *= dtScale;
        var perOutput = (int)Math.Ceiling(t.Length / (OutputTimes - 1) / dt);
        dt = t.Length / (OutputTimes - 1) / perOutput;
        if ((long)perOutput * (OutputTimes - 1) * n > MaxWork)
            throw Core.Errors.McpFlowException.Invalid($"The reference solve would need {(long)perOutput * (OutputTimes - 1)} time steps on {n} cells; the problem is too stiff for the built-in reference.");

        var stride = Math.Max(1, n / (MaxOutputNodes - 1));
        var outNodes = nodes.Where((_, i) => i % stride == 0).ToArray();
        var values = new double[outNodes.Length, OutputTimes];
        void Store(int k) { for (var i = 0; i < outNodes.Length; i++) values[i, k] = u[i * stride]; }
        Store(0);

        var residual = DoubleCompiler.Compile(p.Residual, slots);
        var velocity = wave ? DoubleCompiler.Compile(p.InitialVelocity!, slots) : null;
        double N(int i, double[] state, double time)
        {
            var a = Args(nodes[i], time);
            a[2] = state[i];
            a[3] = (state[i + 1] - state[i - 1]) / (2 * h);
            return -residual(a); // u_t = u_xx = 0 here, so R = -D·0 - N  ⇒  N = -R
        }

        double[]? previous = null;
        var time = t.Min;
        var r = diffusion * dt / (2 * h * h);
        var lowerA = Enumerable.Repeat(-r, n + 1).ToArray();
        var diagB = Enumerable.Repeat(1 + 2 * r, n + 1).ToArray();
        var upperC = Enumerable.Repeat(-r, n + 1).ToArray();
        (lowerA[0], diagB[0], upperC[0], lowerA[n], diagB[n], upperC[n]) = (0, 1, 0, 0, 1, 0);
        for (var k = 1; k < OutputTimes; k++)
        {
            for (var s = 0; s < perOutput; s++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var next = new double[n + 1];
                if (wave)
                {
                    var c2 = Math.Pow(speed * dt / h, 2);
                    for (var i = 1; i < n; i++)
                    {
                        var a = Args(nodes[i], time);
                        var f = -residual(a); // with u, u_tt, u_xx = 0: R = -f
                        var lap = u[i - 1] - 2 * u[i] + u[i + 1];
                        next[i] = previous is null
                            ? u[i] + dt * velocity!(a) + 0.5 * (c2 * lap + dt * dt * f)
                            : 2 * u[i] - previous[i] + c2 * lap + dt * dt * f;
                    }
                }
                else
                {
                    var d = new double[n + 1];
                    for (var i = 1; i < n; i++)
                        d[i] = u[i] + r * (u[i - 1] - 2 * u[i] + u[i + 1]) + dt * N(i, u, time);
                    next = d;
                }

                time += dt;
                next[0] = bcLow(Args(x.Min, time));
                next[n] = bcHigh(Args(x.Max, time));
                if (!wave)
                {
                    var rhs = (double[])next.Clone();
                    next = TridiagonalSolver.Solve(lowerA, diagB, upperC, rhs);
                }

                previous = u;
                u = next;
            }

            Store(k);
        }

        var times = Enumerable.Range(0, OutputTimes).Select(k => t.Min + t.Length * k / (OutputTimes - 1)).ToArray();
        var method = wave ? $"leapfrog, {n} cells, dt {dt:G3}" : $"Crank-Nicolson diffusion + explicit transport/reaction (IMEX), {n} cells, dt {dt:G3}";
        return new GridSolution(['x', 't'], [outNodes, times], values, double.NaN, method);
    }
}
