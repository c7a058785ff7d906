using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Validation;

/// <summary>
/// One step of the Hundsdorfer-Verwer ADI scheme (Hundsdorfer and Verwer 2003, §IV.3; in 't Hout and Welfert 2009 for
/// its stability) for u_t = F₀ + Σ_a F_a with F₀ = N(u, ∇u, x, t) explicit and F_a = D·∂²_a u implicit, on an
/// <see cref="FdGrid"/>: a Douglas predictor (Y₀ = uⁿ + dt·F(uⁿ), then per axis
/// Y_a - θ·dt·F_a(Y_a) = Y_{a-1} - θ·dt·F_a(uⁿ), tridiagonal or cyclic), a corrector Ỹ₀ = Y₀ + dt/2·(F(Y) - F(uⁿ)) and
/// the same axis sweeps again. Second order in time for any θ, including the explicit part.
/// </summary>
public sealed class AdiStepper
{
    private readonly FdGrid _grid;
    private readonly ExplicitTerms _terms;
    private readonly double _diffusion;
    private readonly double _theta;
    private readonly int[][] _lineStarts; // per axis: nodes with index 0 along it whose line is solved
    private readonly double[][] _axisU, _axisY; // F_a(uⁿ), F_a(Y) per axis (reused: no allocation per step)
    private readonly double[] _fU, _fY, _y;

    /// <summary>Prepares the stepper.</summary>
    public AdiStepper(FdGrid grid, ExplicitTerms terms, double diffusion, double theta)
    {
        _grid = grid;
        _terms = terms;
        _diffusion = diffusion;
        _theta = theta;
        // A line is solved when its second node is active; otherwise another axis fixes or copies the whole line.
        _lineStarts = Enumerable.Range(0, grid.Dims).Select(a => Enumerable.Range(0, grid.Count)
            .Where(node => grid.IndexAlong(node, a) == 0 && grid.Roles[node + grid.Stride(a)] == NodeRole.Active).ToArray()).ToArray();
        _axisU = Enumerable.Range(0, grid.Dims).Select(_ => new double[grid.Count]).ToArray();
        _axisY = Enumerable.Range(0, grid.Dims).Select(_ => new double[grid.Count]).ToArray();
        (_fU, _fY, _y) = (new double[grid.Count], new double[grid.Count], new double[grid.Count]);
    }

    /// <summary>Advances <paramref name="u"/> from <paramref name="t"/> to t + dt in place; returns it.</summary>
    public double[] Step(double[] u, double t, double dt)
    {
        var g = _grid;
        var t1 = t + dt;
        Evaluate(u, t, _axisU, _fU);
        for (var node = 0; node < g.Count; node++)
            u[node] += dt * _fU[node]; // u now holds the predictor Y₀
        Array.Copy(u, _y, g.Count);
        Sweeps(_y, _axisU, dt, t1);

        Evaluate(_y, t1, _axisY, _fY);
        for (var node = 0; node < g.Count; node++)
            u[node] += 0.5 * dt * (_fY[node] - _fU[node]); // Ỹ₀ = Y₀ + dt/2·(F(Y) - F(uⁿ))
        Sweeps(u, _axisY, dt, t1);
        return u;
    }

    /// <summary>F_a(v) = D·(∂²_a v + Neumann data) per axis and the full F(v) at the active nodes.</summary>
    private void Evaluate(double[] v, double t, double[][] axis, double[] total)
    {
        var g = _grid;
        for (var node = 0; node < g.Count; node++)
        {
            if (g.Roles[node] != NodeRole.Active)
                continue;
            var sum = _terms.At(v, node, t);
            for (var a = 0; a < g.Dims; a++)
                sum += axis[a][node] = _diffusion * g.SecondDifference(v, node, a, t);
            total[node] = sum;
        }
    }

    /// <summary>Y_a - θ·dt·F_a(Y_a, t + dt) = Y_{a-1} - θ·dt·F_a(reference) for each axis in turn, in place.</summary>
    private void Sweeps(double[] y, double[][] reference, double dt, double t1)
    {
        _grid.ApplyConstraints(y, t1);
        for (var a = 0; a < _grid.Dims; a++)
            Sweep(y, reference[a], a, dt, t1);
        _grid.CopyPeriodic(y);
    }

    private void Sweep(double[] y, double[] reference, int axis, double dt, double t1)
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

                // Row of (1 - θ·dt·D·∂²_a); at a Neumann end the ghost node doubles the inner neighbour.
                var neumannLow = !periodic && i == 0;
                var neumannHigh = !periodic && i == n;
                (lower[i], diag[i], upper[i]) = (neumannLow ? 0 : neumannHigh ? -2 * r : -r, 1 + 2 * r, neumannHigh ? 0 : neumannLow ? -2 * r : -r);
                rhs[i] = y[node] - _theta * dt * (reference[node] - _diffusion * g.NeumannData(node, axis, t1));
            }

            var x = periodic ? CyclicTridiagonalSolver.Solve(lower, diag, upper, rhs) : TridiagonalSolver.Solve(lower, diag, upper, rhs);
            for (var i = 0; i < m; i++)
                y[start + i * s] = x[i];
        }
    }
}
