using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Validation;

/// <summary>One Douglas ADI step (see <see cref="AdiFdSolver"/>) on an <see cref="FdGrid"/>: explicit predictor, then
/// one implicit tridiagonal sweep per axis. Buffers are reused between steps.</summary>
public sealed class AdiStepper
{
    private readonly FdGrid _grid;
    private readonly ExplicitTerms _terms;
    private readonly double _diffusion;
    private readonly double _theta;
    private readonly double[][] _axisTerms; // D·∂²_a uⁿ (with Neumann data) per axis
    private readonly int[][] _lineStarts;   // per axis: nodes with index 0 along it whose line is solved

    /// <summary>Prepares the stepper.</summary>
    public AdiStepper(FdGrid grid, ExplicitTerms terms, double diffusion, double theta)
    {
        _grid = grid;
        _terms = terms;
        _diffusion = diffusion;
        _theta = theta;
        _axisTerms = Enumerable.Range(0, grid.Dims).Select(_ => new double[grid.Count]).ToArray();
        // A line is solved when its second node is active; otherwise another axis fixes or copies the whole line.
        _lineStarts = Enumerable.Range(0, grid.Dims).Select(a => Enumerable.Range(0, grid.Count)
            .Where(node => grid.IndexAlong(node, a) == 0 && grid.Roles[node + grid.Stride(a)] == NodeRole.Active).ToArray()).ToArray();
    }

    /// <summary>Advances <paramref name="u"/> from <paramref name="t"/> to t + dt; returns the new field.</summary>
    public double[] Step(double[] u, double t, double dt)
    {
        var g = _grid;
        var t1 = t + dt;
        var y = new double[g.Count];
        for (var node = 0; node < g.Count; node++)
        {
            if (g.Roles[node] != NodeRole.Active)
                continue;
            var sum = 0.0;
            for (var a = 0; a < g.Dims; a++)
                sum += _axisTerms[a][node] = _diffusion * g.SecondDifference(u, node, a, t);
            y[node] = u[node] + dt * (sum + _terms.At(u, node, t + dt / 2));
        }

        g.ApplyConstraints(y, t1);
        for (var a = 0; a < g.Dims; a++)
            Sweep(y, a, dt, t1);
        g.CopyPeriodic(y);
        return y;
    }

    private void Sweep(double[] y, int axis, double dt, double t1)
    {
        var g = _grid;
        var n = g.Cells;
        var s = g.Stride(axis);
        var r = _theta * dt * _diffusion / (g.H[axis] * g.H[axis]);
        var periodic = g.Kinds[2 * axis] == BoundaryKind.Periodic;
        var m = periodic ? n : n + 1;
        var lower = new double[m];
        var diag = new double[m];
        var upper = new double[m];
        var rhs = new double[m];
        foreach (var start in _lineStarts[axis])
        {
            for (var i = 0; i < m; i++)
            {
                var node = start + i * s;
                if (g.Roles[node] != NodeRole.Active)
                {
                    (lower[i], diag[i], upper[i], rhs[i]) = (0, 1, 0, y[node]); // Dirichlet end: already g(t + dt)
                    continue;
                }

                var neumannLow = !periodic && i == 0;
                var neumannHigh = !periodic && i == n;
                (lower[i], diag[i], upper[i]) = (neumannLow ? 0 : neumannHigh ? -2 * r : -r, 1 + 2 * r, neumannHigh ? 0 : neumannLow ? -2 * r : -r);
                rhs[i] = y[node] - _theta * dt * (_axisTerms[axis][node] - _diffusion * g.NeumannData(node, axis, t1));
            }

            var x = periodic ? CyclicTridiagonalSolver.Solve(lower, diag, upper, rhs) : TridiagonalSolver.Solve(lower, diag, upper, rhs);
            for (var i = 0; i < m; i++)
                y[start + i * s] = x[i];
        }
    }
}
