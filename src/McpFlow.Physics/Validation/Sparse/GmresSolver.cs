namespace McpFlow.Physics.Validation.Sparse;

/// <summary>
/// Restarted GMRES with right preconditioning (Saad 2003, algorithm 9.5): x = M⁻¹y, where y minimises the true residual
/// ‖b - A·M⁻¹y‖₂ over the Krylov space, so the residual it monitors is the residual of the original system. Unlike
/// BiCGStab it cannot break down on a nonsingular matrix (a zero Arnoldi vector means the exact solution was found).
/// Convergence is relative: ‖b - A·x‖₂ ≤ tolerance·‖b‖₂, checked again on the explicitly recomputed residual at every
/// restart and at the end. Cancellation is checked at every iteration.
/// </summary>
public static class GmresSolver
{
    /// <summary>Solves A·x = b from x = 0.</summary>
    /// <param name="a">The matrix.</param>
    /// <param name="b">The right-hand side.</param>
    /// <param name="preconditioner">ILU(0) of <paramref name="a"/>, or null for none.</param>
    /// <param name="settings">Tolerance, restart length and iteration limit.</param>
    /// <param name="cancellationToken">Stops the solve (OperationCanceledException).</param>
    public static KrylovResult Solve(CsrMatrix a, double[] b, IluPreconditioner? preconditioner, KrylovSettings settings, CancellationToken cancellationToken = default)
    {
        var n = a.Size;
        var x = new double[n];
        var bNorm = Norm(b);
        if (bNorm == 0)
            return new KrylovResult(x, 0, 0, true);
        var m = Math.Min(settings.Restart, n);
        var basis = new double[m + 1][];
        for (var i = 0; i <= m; i++)
            basis[i] = new double[n];
        var h = new double[m + 1, m];
        var cos = new double[m];
        var sin = new double[m];
        var g = new double[m + 1];
        var z = new double[n];
        var w = new double[n];
        var iterations = 0;
        var relative = Residual(a, b, x, w) / bNorm;
        while (relative > settings.Tolerance && iterations < settings.MaxIterations)
        {
            var beta = relative * bNorm;
            for (var i = 0; i < n; i++)
                basis[0][i] = w[i] / beta;
            Array.Clear(g);
            g[0] = beta;
            var k = 0;
            while (k < m && iterations < settings.MaxIterations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Precondition(preconditioner, basis[k], z);
                a.Multiply(z, w);
                for (var i = 0; i <= k; i++) // modified Gram-Schmidt
                {
                    var dot = Dot(w, basis[i]);
                    h[i, k] = dot;
                    for (var j = 0; j < n; j++)
                        w[j] -= dot * basis[i][j];
                }

                var next = Norm(w);
                h[k + 1, k] = next;
                if (next > 0)
                    for (var j = 0; j < n; j++)
                        basis[k + 1][j] = w[j] / next;
                for (var i = 0; i < k; i++) // earlier Givens rotations
                {
                    var t = cos[i] * h[i, k] + sin[i] * h[i + 1, k];
                    h[i + 1, k] = -sin[i] * h[i, k] + cos[i] * h[i + 1, k];
                    h[i, k] = t;
                }

                var r = Math.Sqrt(h[k, k] * h[k, k] + next * next);
                (cos[k], sin[k]) = r == 0 ? (1.0, 0.0) : (h[k, k] / r, next / r);
                h[k, k] = r;
                h[k + 1, k] = 0;
                g[k + 1] = -sin[k] * g[k];
                g[k] *= cos[k];
                iterations++;
                k++;
                if (Math.Abs(g[k]) <= settings.Tolerance * bNorm || next == 0)
                    break;
            }

            // y = H⁻¹g (upper triangular), then x += M⁻¹·(V·y).
            var y = new double[k];
            for (var i = k - 1; i >= 0; i--)
            {
                var sum = g[i];
                for (var j = i + 1; j < k; j++)
                    sum -= h[i, j] * y[j];
                y[i] = h[i, i] == 0 ? 0 : sum / h[i, i];
            }

            Array.Clear(w);
            for (var i = 0; i < k; i++)
                for (var j = 0; j < n; j++)
                    w[j] += y[i] * basis[i][j];
            Precondition(preconditioner, w, z);
            for (var j = 0; j < n; j++)
                x[j] += z[j];
            var previous = relative;
            relative = Residual(a, b, x, w) / bNorm;
            if (!double.IsFinite(relative) || relative >= previous)
                break; // stagnation: a restart cannot do better than the last one (e.g. a singular system)
        }

        return new KrylovResult(x, iterations, relative, relative <= settings.Tolerance);
    }

    private static void Precondition(IluPreconditioner? m, double[] r, double[] z)
    {
        if (m is null)
            r.CopyTo(z, 0);
        else
            m.Apply(r, z);
    }

    // w = b - A·x; returns ‖w‖₂.
    private static double Residual(CsrMatrix a, double[] b, double[] x, double[] w)
    {
        a.Multiply(x, w);
        for (var i = 0; i < w.Length; i++)
            w[i] = b[i] - w[i];
        return Norm(w);
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }

    private static double Norm(double[] v) => Math.Sqrt(Dot(v, v));
}
