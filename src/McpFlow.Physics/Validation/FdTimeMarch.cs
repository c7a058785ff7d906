using McpFlow.Core.Errors;

namespace McpFlow.Physics.Validation;

/// <summary>Marches a field on an <see cref="FdGrid"/> over the problem's time interval and collects the output:
/// (x, t) snapshots at 101 times in 1D (as the 1D Crank-Nicolson solver), the (x, y) field at the final time
/// (z = mid in 3D) otherwise. The step is shrunk so the output times are hit exactly; the work (node-steps) is
/// checked before any step is taken.</summary>
public static class FdTimeMarch
{
    private const int OutputTimesOneD = 101;   // snapshots in time returned for 1D problems
    private const int MaxOutputNodes = 257;    // x nodes returned in 1D (every k-th grid node)
    private const long MaxWork = 150_000_000;  // node-steps: about a minute of compiled-expression stepping; refuse beyond

    /// <summary>Runs <paramref name="step"/> (field, t, dt → next field) from the initial field <paramref name="u"/>
    /// with a step of at most <paramref name="maxDt"/>; <paramref name="cancellationToken"/> is checked every step.</summary>
    public static GridSolution Run(FdGrid grid, double[] u, double maxDt, Func<double[], double, double, double[]> step, string method,
        CancellationToken cancellationToken = default)
    {
        var t = grid.Problem.Time!;
        var n = grid.Cells;
        if (u.Any(v => !double.IsFinite(v)))
            throw McpFlowException.Invalid("The initial condition is not finite at some grid node, so there is no finite-difference reference.",
                "Check the initial_condition for divisions by zero or logarithms of non-positive values on the closed domain.");
        if (!(maxDt > 0))
            throw McpFlowException.Invalid($"No usable time step for the reference solve (got {maxDt}); check the coefficients.");
        var outputs = grid.Dims == 1 ? OutputTimesOneD - 1 : 1;
        var perOutput = (int)Math.Min(int.MaxValue, Math.Ceiling(t.Length / outputs / maxDt));
        var dt = t.Length / outputs / perOutput;
        if ((double)perOutput * outputs * grid.Count > MaxWork)
            throw McpFlowException.Invalid($"The reference solve would need {(long)perOutput * outputs} time steps on {grid.Count} nodes; the problem is too stiff or too fast for the built-in reference.",
                "Give an \"exact_solution\" to compare with, or shorten the time interval.");

        var stride = Math.Max(1, n / (MaxOutputNodes - 1));
        var snapshots = grid.Dims == 1 ? new double[n / stride + 1, OutputTimesOneD] : null;
        void Store(int k) { for (var i = 0; i < snapshots!.GetLength(0); i++) snapshots[i, k] = u[i * stride]; }
        if (snapshots is not null)
            Store(0);
        for (var k = 1; k <= outputs; k++)
        {
            for (var s = 0; s < perOutput; s++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                u = step(u, t.Min + ((long)(k - 1) * perOutput + s) * dt, dt);
            }

            if (snapshots is not null)
                Store(k);
        }

        var size = string.Join("×", Enumerable.Repeat(n, grid.Dims));
        var boundaries = string.Join("/", grid.Kinds.Distinct().Select(b => b.ToString().ToLowerInvariant()));
        var full = $"{method}, {size} cells, {boundaries} boundaries, dt {dt:G3}";
        if (snapshots is null)
            return FdGridSlice.ToSolution(grid, u, $"{full}; field at t = {t.Max:G3}{(grid.Dims == 3 ? $", z = {grid.Nodes[2][n / 2]:G3}" : "")}");
        var xs = grid.Nodes[0].Where((_, i) => i % stride == 0).ToArray();
        var times = Enumerable.Range(0, OutputTimesOneD).Select(k => t.Min + t.Length * k / (OutputTimesOneD - 1)).ToArray();
        return new GridSolution(['x', 't'], [xs, times], snapshots, double.NaN, full);
    }
}
