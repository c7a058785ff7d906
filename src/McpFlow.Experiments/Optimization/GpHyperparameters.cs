namespace McpFlow.Experiments.Optimization;

/// <summary>GP hyperparameters: per-dimension length scales (in unit-cube units), signal variance and noise
/// variance (of the standardised target).</summary>
public sealed record GpHyperparameters(double[] LengthScales, double SignalVariance, double NoiseVariance)
{
    /// <summary>Length-scale bounds: from 1/100 to 20 times the unit cube (beyond 20 a dimension is irrelevant).</summary>
    public const double MinLengthScale = 0.01, MaxLengthScale = 20;

    /// <summary>Signal-variance bounds for a standardised target.</summary>
    public const double MinSignal = 0.05, MaxSignal = 20;

    /// <summary>Noise-variance bounds (1e-6 keeps the Cholesky factorisation stable).</summary>
    public const double MinNoise = 1e-6, MaxNoise = 1;
}
