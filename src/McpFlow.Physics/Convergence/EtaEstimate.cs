namespace McpFlow.Physics.Convergence;

/// <summary>The step estimate of predict_convergence from <see cref="EtaPrior"/> and <see cref="EtaFeatures"/> (what
/// ConvergencePredictor answers and EtaBench measures): null steps mean "will not reach", said only when the loss
/// stalled over the recent half of the seen steps (<see cref="EtaFeatures.Stalled"/>) or the estimate lies beyond
/// <see cref="RunConvergence.MaxExtrapolation"/>× the steps seen.</summary>
/// <param name="Steps">Predicted step at which the target is reached.</param>
/// <param name="Low">Lower end of the 80% interval (not below the last step seen).</param>
/// <param name="High">Upper end.</param>
public sealed record EtaEstimate(double? Steps, double? Low, double? High)
{
    /// <summary>The estimate for a history whose last step is <paramref name="seen"/>; <paramref name="bounded"/> false
    /// keeps estimates beyond the extrapolation limit (ConvergencePredictor's callers apply <see cref="RunConvergence.Bounded"/>).</summary>
    public static EtaEstimate Of(EtaPrior prior, EtaFeatures features, double seen, bool bounded = true)
    {
        if (features.Stalled)
            return new(null, null, null);
        var scale = Math.Max(seen, 1);
        var z = prior.LogRatio(features);
        var steps = scale * Math.Exp(z);
        if (bounded && steps > RunConvergence.MaxExtrapolation * scale)
            return new(null, null, null);
        return new(steps, Math.Max(seen, scale * Math.Exp(z + prior.Low)), Math.Max(steps, scale * Math.Exp(z + prior.High)));
    }

    /// <summary>|predicted − actual| / actual; infinite for "will not reach".</summary>
    public double Error(double actual) => Steps is { } s ? Math.Abs(s - actual) / actual : double.PositiveInfinity;

    /// <summary>True when the interval contains <paramref name="actual"/>.</summary>
    public bool Covers(double actual) => Low is { } l && High is { } h && actual >= l && actual <= h;
}
