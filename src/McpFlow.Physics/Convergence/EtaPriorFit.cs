namespace McpFlow.Physics.Convergence;

/// <summary>
/// Fits an <see cref="EtaPrior"/>: ridge least squares of ln(T/S) on <see cref="EtaFeatures.Vector"/> (each replayed case
/// weighted so that every curve counts once), and interval quantiles from leave-one-family-out residuals: each family's
/// cases are predicted by the weights fitted on the other families, so the interval is what unseen kinds of curve get.
/// </summary>
public static class EtaPriorFit
{
    /// <summary>Ridge penalty on the non-constant weights (the features are of order 1; 1e-3 only keeps the solve stable).</summary>
    public const double Ridge = 1e-3;

    /// <summary>The prior these cases imply.</summary>
    public static EtaPrior Fit(string name, IReadOnlyList<EtaCase> cases)
    {
        var weights = Weights(cases);
        var residuals = HeldOutResiduals(cases);
        return new EtaPrior(name, weights, Quantile(residuals, 0.1), Quantile(residuals, 0.9));
    }

    /// <summary>The <paramref name="q"/>-quantile (0-1) of <paramref name="values"/>: the value at rank q·(n-1), rounded half up.</summary>
    public static double Quantile(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[(int)Math.Round(q * (sorted.Count - 1), MidpointRounding.AwayFromZero)];
    }

    /// <summary>Residuals ln(T/S) − prediction of each case, predicted by weights fitted without its family.</summary>
    public static List<double> HeldOutResiduals(IReadOnlyList<EtaCase> cases)
    {
        var residuals = new List<double>();
        foreach (var family in cases.Select(c => c.Family).Distinct().Order(StringComparer.Ordinal))
        {
            var prior = new EtaPrior("fold", Weights(cases.Where(c => c.Family != family).ToList()), 0, 0);
            residuals.AddRange(cases.Where(c => c.Family == family).Select(c => c.LogRatio - prior.LogRatio(c.Features)));
        }

        return residuals;
    }

    /// <summary>Ridge least-squares weights, each case weighted 1 / (cases of its curve).</summary>
    public static double[] Weights(IReadOnlyList<EtaCase> cases)
    {
        const int k = EtaFeatures.Count;
        var perCurve = cases.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.Count());
        var a = new double[k, k];
        var b = new double[k];
        foreach (var c in cases)
        {
            var v = c.Features.Vector;
            var w = 1.0 / perCurve[c.Name];
            for (var i = 0; i < k; i++)
            {
                b[i] += w * v[i] * c.LogRatio;
                for (var j = 0; j < k; j++)
                    a[i, j] += w * v[i] * v[j];
            }
        }

        for (var i = 1; i < k; i++)
            a[i, i] += Ridge * perCurve.Count;
        return CurveFitter.SolveLinear(a, b) ?? throw new InvalidOperationException("The ETA prior's normal equations are singular.");
    }
}
