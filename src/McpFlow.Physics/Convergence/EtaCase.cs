namespace McpFlow.Physics.Convergence;

/// <summary>One replayed prediction (see <see cref="EtaReplay"/>).</summary>
/// <param name="Name">Curve name.</param>
/// <param name="Family">Curve family (the problem, e.g. "poisson" or "torch-cnn"): the unit held out.</param>
/// <param name="Fraction">Seen steps over the steps to the target.</param>
/// <param name="Level">Target as a share of the run's achieved improvement in log-loss (1 = the lowest level it reached).</param>
/// <param name="Target">Target loss.</param>
/// <param name="Seen">Last step seen (S).</param>
/// <param name="Actual">First step at which the smoothed loss reached the target (T).</param>
/// <param name="Features">What the predictor sees.</param>
public sealed record EtaCase(string Name, string Family, double Fraction, double Level, double Target, double Seen, double Actual, EtaFeatures Features)
{
    /// <summary>ln(T/S): what the prior predicts.</summary>
    public double LogRatio => Math.Log(Actual / Seen);
}
