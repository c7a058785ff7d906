namespace McpFlow.Physics.Convergence;

/// <summary>One replayed curve (see <see cref="ConvergenceBacktest"/>).</summary>
/// <param name="Name">Curve name.</param>
/// <param name="Target">Target loss: the smoothed loss the run ended at.</param>
/// <param name="Actual">First step at which the smoothed loss reached the target.</param>
/// <param name="Seen">Last step the predictor saw.</param>
/// <param name="Predicted">Predicted step (null when the predictor said "will not reach").</param>
/// <param name="Low">Lower end of the predicted interval.</param>
/// <param name="High">Upper end of the predicted interval.</param>
/// <param name="BestFamily">The best-weighted curve family.</param>
public sealed record BacktestCase(string Name, double Target, double Actual, double Seen, double? Predicted, double? Low, double? High, string BestFamily)
{
    /// <summary>|predicted - actual| / actual: the error of the arrival step; infinite when "will not reach".</summary>
    public double Error => Predicted is { } p ? Math.Abs(p - Actual) / Actual : double.PositiveInfinity;

    /// <summary>|predicted - actual| / (actual - seen): the error on the steps still to go.</summary>
    public double RemainingError => Predicted is { } p ? Math.Abs(p - Actual) / Math.Max(1, Actual - Seen) : double.PositiveInfinity;

    /// <summary>Actual over predicted remaining steps, the quantity the interval factors scale (null when not predicted).</summary>
    public double? RemainingRatio => Predicted is { } p && p > Seen ? (Actual - Seen) / (p - Seen) : null;

    /// <summary>True when the predicted interval contains the actual step.</summary>
    public bool Covered => Low is { } l && High is { } h && Actual >= l && Actual <= h;
}
