namespace McpFlow.Pipelines.Series;

/// <summary>Spikes and changes in mean of one series, with what the detectors used.</summary>
/// <param name="Count">Values in the series.</param>
/// <param name="Season">Season length removed before detection (autocorrelation), or null.</param>
/// <param name="NoiseSigma">Robust noise σ of the (deseasonalized, cleaned) series used by the change-point cost.</param>
/// <param name="Threshold">|z| threshold of the spike detector.</param>
/// <param name="Penalty">PELT penalty per change (3 log n).</param>
/// <param name="Spikes">Spikes in order.</param>
/// <param name="ChangePoints">Changes in mean in order.</param>
/// <param name="SpikeScores">Robust z-score per value (NaN where not scored).</param>
public sealed record SeriesEvents(int Count, int? Season, double NoiseSigma, double Threshold, double Penalty,
    IReadOnlyList<Spike> Spikes, IReadOnlyList<ChangePoint> ChangePoints, double[] SpikeScores)
{
    /// <summary>A per-value change score: |shift| in σ at each change point, 0 elsewhere.</summary>
    public double[] ChangeScores()
    {
        var scores = new double[Count];
        foreach (var change in ChangePoints)
            scores[change.Index] = Math.Abs(change.Shift);
        return scores;
    }
}
