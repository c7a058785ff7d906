using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using McpFlow.Core.Errors;

namespace McpFlow.Pipelines.Forecasting;

/// <summary>
/// Fits an additive Holt-Winters model by minimising the in-sample sum of squared one-step errors, like statsmodels'
/// <c>ExponentialSmoothing(trend="add", seasonal="add", initialization_method="estimated").fit()</c>. The errors are
/// linear in the initial states for fixed smoothing weights, so the initial states are solved by least squares inside
/// the objective (seasonal states constrained to sum to zero, which removes their one redundant direction) and
/// MathNet's Nelder-Mead searches only the three weights, through a transform that enforces statsmodels' bounds
/// <c>0 &lt; α &lt; 1</c>, <c>0 ≤ β ≤ α</c>, <c>0 ≤ γ ≤ 1 - α</c>.
/// </summary>
public static class HoltWintersFitter
{
    /// <summary>Full seasons needed to estimate a season next to a trend (statsmodels asks for two as well); shorter series get Holt's trend model.</summary>
    public const int MinSeasons = 2;

    /// <summary>Fewest observed values to fit at all (level, trend and three weights need a few more points than parameters).</summary>
    public const int MinObservations = 10;

    /// <summary>Nelder-Mead stops when the simplex's values agree to this relative tolerance.</summary>
    private const double Tolerance = 1e-8;

    /// <summary>Nelder-Mead iterations per start (three weights converge in a few hundred).</summary>
    private const int MaxIterations = 2000;

    /// <summary>Smallest weight away from the bounds 0 and 1 (statsmodels' LOWER_BOUND is sqrt(machine epsilon)).</summary>
    private static readonly double LowerBound = Math.Sqrt(2.220446049250313e-16);

    /// <summary>Starting weights (α, β/α, γ/(1-α)): a slow, a middle and a fast level, each with a slow trend and season.</summary>
    private static readonly double[][] Starts = [[0.2, 0.1, 0.1], [0.5, 0.1, 0.1], [0.9, 0.1, 0.5]];

    /// <summary>Fits the model on <paramref name="y"/> (NaN = missing) with season <paramref name="season"/> (0 or 1: none).</summary>
    public static HoltWintersParameters Fit(IReadOnlyList<double> y, int season)
    {
        var observed = y.Count(v => !double.IsNaN(v));
        if (observed < MinObservations)
            throw McpFlowException.Invalid($"Holt-Winters needs at least {MinObservations} observed values to fit; the training series has {observed}.",
                "Use a longer series or fewer temporal folds.");
        var m = season >= 2 && y.Count >= MinSeasons * season && observed > season + 2 + MinObservations ? season : 0;
        HoltWintersParameters? best = null;
        foreach (var start in Starts)
        {
            var candidate = Search(y, m, start);
            if (best is null || candidate.Sse < best.Sse)
                best = candidate;
        }

        return best!;
    }

    /// <summary>The initial states that minimise the one-step SSE for fixed weights, and that SSE.</summary>
    public static HoltWintersParameters WithBestInitialStates(IReadOnlyList<double> y, int m, double alpha, double beta, double gamma)
    {
        var states = 2 + Math.Max(0, m - 1);
        var zeroSeason = new double[m];
        var (e0, _) = HoltWintersSmoother.OneStepErrors(new HoltWintersParameters(alpha, beta, gamma, m, 0, 0, zeroSeason, 0), y);
        // The recursions are linear in (y, initial states): e(x) = e(y, 0) + Σ x_j e(0, unit_j), missing rows staying missing.
        var zeros = y.Select(v => double.IsNaN(v) ? double.NaN : 0).ToArray();
        var columns = new double[states][];
        for (var j = 0; j < states; j++)
        {
            var s = new double[m];
            if (j >= 2)
            {
                s[j - 2] = 1;
                s[m - 1] = -1; // the last seasonal state is minus the sum of the others
            }

            columns[j] = HoltWintersSmoother.OneStepErrors(new HoltWintersParameters(alpha, beta, gamma, m, j == 0 ? 1 : 0, j == 1 ? 1 : 0, s, 0), zeros).Errors;
        }

        var e = Matrix<double>.Build.DenseOfColumnArrays(columns);
        var x = e.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).Solve(Vector<double>.Build.DenseOfArray(e0) * -1);
        var season = new double[m];
        for (var j = 0; j < m - 1; j++)
        {
            season[j] = x[2 + j];
            season[m - 1] -= x[2 + j];
        }

        var p = new HoltWintersParameters(alpha, beta, gamma, m, x[0], x[1], season, 0);
        return p with { Sse = HoltWintersSmoother.OneStepErrors(p, y).Sse };
    }

    private static HoltWintersParameters Search(IReadOnlyList<double> y, int m, double[] start)
    {
        HoltWintersParameters? best = null;
        double Objective(Vector<double> u)
        {
            var (a, b, g) = Weights(u, m);
            var p = WithBestInitialStates(y, m, a, b, g);
            if (double.IsFinite(p.Sse) && (best is null || p.Sse < best.Sse))
                best = p;
            return double.IsFinite(p.Sse) ? p.Sse : double.MaxValue;
        }

        var initial = Vector<double>.Build.DenseOfArray(start.Select(Logit).ToArray());
        try
        {
            new NelderMeadSimplex(Tolerance, MaxIterations).FindMinimum(ObjectiveFunction.Value(Objective), initial);
        }
        catch (MaximumIterationsException)
        {
            // The best point seen so far is kept below; a flat SSE surface can stop the simplex from shrinking.
        }

        return best ?? throw McpFlowException.Invalid("Holt-Winters found no finite fit for this series (it may hold infinite or huge values).",
            "Check the target column for extreme values.");
    }

    /// <summary>Maps unbounded search coordinates to weights within statsmodels' bounds.</summary>
    private static (double Alpha, double Beta, double Gamma) Weights(Vector<double> u, int m)
    {
        var alpha = LowerBound + ((1 - (2 * LowerBound)) * Sigmoid(u[0]));
        var beta = alpha * Sigmoid(u[1]);
        var gamma = m > 0 ? (1 - alpha) * Sigmoid(u[2]) : 0;
        return (alpha, beta, gamma);
    }

    private static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));

    private static double Logit(double p) => Math.Log(p / (1 - p));
}
