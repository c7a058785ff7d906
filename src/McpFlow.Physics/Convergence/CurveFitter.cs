namespace McpFlow.Physics.Convergence;

/// <summary>Levenberg-Marquardt least squares on log-loss with a numeric Jacobian (2-3 parameters, a few hundred
/// points, so a dense normal-equation solve is enough).</summary>
public static class CurveFitter
{
    private const int MaxIterations = 200;

    /// <summary>Best parameters from several starts and their residual sum of squares.</summary>
    public static (double[] Parameters, double Rss) Fit(CurveFamily family, double[] s, double[] y)
    {
        (double[] P, double Rss) best = (family.Starts(s, y).First(), double.PositiveInfinity);
        foreach (var start in family.Starts(s, y))
        {
            var fit = Solve(family, s, y, (double[])start.Clone());
            if (fit.Rss < best.Rss)
                best = fit;
        }

        return best;
    }

    private static (double[] P, double Rss) Solve(CurveFamily f, double[] s, double[] y, double[] p)
    {
        var k = p.Length;
        var lambda = 1e-3;
        var rss = Rss(f, s, y, p);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var jtj = new double[k, k];
            var jtr = new double[k];
            for (var i = 0; i < s.Length; i++)
            {
                var r = y[i] - f.LogLoss(p, s[i]);
                var row = new double[k];
                for (var j = 0; j < k; j++)
                {
                    var h = 1e-6 * Math.Max(1, Math.Abs(p[j]));
                    var q = (double[])p.Clone();
                    q[j] += h;
                    row[j] = (f.LogLoss(q, s[i]) - f.LogLoss(p, s[i])) / h;
                }

                for (var a = 0; a < k; a++)
                {
                    jtr[a] += row[a] * r;
                    for (var b = 0; b < k; b++)
                        jtj[a, b] += row[a] * row[b];
                }
            }

            var improved = false;
            for (var attempt = 0; attempt < 10 && !improved; attempt++)
            {
                var m = (double[,])jtj.Clone();
                for (var a = 0; a < k; a++)
                    m[a, a] += lambda * (jtj[a, a] + 1e-12);
                var delta = SolveLinear(m, jtr);
                if (delta is null)
                {
                    lambda *= 10;
                    continue;
                }

                var candidate = p.Zip(delta, (x, d) => x + d).ToArray();
                var candidateRss = Rss(f, s, y, candidate);
                if (candidateRss < rss)
                {
                    var gain = rss - candidateRss;
                    p = candidate;
                    rss = candidateRss;
                    lambda = Math.Max(lambda / 10, 1e-12);
                    improved = true;
                    if (gain < 1e-14 * Math.Max(1, rss))
                        return (p, rss);
                }
                else
                {
                    lambda *= 10;
                }
            }

            if (!improved)
                break;
        }

        return (p, rss);
    }

    private static double Rss(CurveFamily f, double[] s, double[] y, double[] p)
    {
        double total = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var r = y[i] - f.LogLoss(p, s[i]);
            total += r * r;
        }

        return double.IsFinite(total) ? total : double.PositiveInfinity;
    }

    internal static double[]? SolveLinear(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (var c = 0; c < n; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < n; r++)
                if (Math.Abs(m[r, c]) > Math.Abs(m[pivot, c]))
                    pivot = r;
            if (Math.Abs(m[pivot, c]) < 1e-300)
                return null;
            for (var j = 0; j < n; j++)
                (m[c, j], m[pivot, j]) = (m[pivot, j], m[c, j]);
            (x[c], x[pivot]) = (x[pivot], x[c]);
            for (var r = c + 1; r < n; r++)
            {
                var factor = m[r, c] / m[c, c];
                for (var j = c; j < n; j++)
                    m[r, j] -= factor * m[c, j];
                x[r] -= factor * x[c];
            }
        }

        for (var r = n - 1; r >= 0; r--)
        {
            for (var j = r + 1; j < n; j++)
                x[r] -= m[r, j] * x[j];
            x[r] /= m[r, r];
        }

        return x.All(double.IsFinite) ? x : null;
    }
}
