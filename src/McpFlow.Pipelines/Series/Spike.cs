namespace McpFlow.Pipelines.Series;

/// <summary>A value far from what its recent past predicts, found by <see cref="SpikeDetector"/>.</summary>
/// <param name="Index">Position in the series.</param>
/// <param name="Value">The observed value.</param>
/// <param name="Expected">The robust expectation: trailing median plus the seasonal offset of its phase.</param>
/// <param name="Score">Robust z-score (value - expected) / robust σ of the trailing window; the sign is the direction.</param>
/// <param name="PValue">Two-sided normal p-value of the score, 2(1 - Φ(|z|)): a ranking aid, approximate because the
/// median and MAD are estimated from the window.</param>
public sealed record Spike(int Index, double Value, double Expected, double Score, double PValue);
