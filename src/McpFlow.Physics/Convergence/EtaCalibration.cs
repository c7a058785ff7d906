namespace McpFlow.Physics.Convergence;

/// <summary>
/// How the raw prediction is turned into the answer: the predicted remaining steps are multiplied by
/// <see cref="Bias"/>, and the interval runs from <see cref="Low"/>× to <see cref="High"/>× those corrected remaining
/// steps (the 10% and 90% quantiles of actual / corrected remaining steps on the curves it was calibrated on).
/// </summary>
/// <param name="Name">Which curves it was calibrated on.</param>
/// <param name="Bias">Median of actual / predicted remaining steps on those curves.</param>
/// <param name="Low">10% quantile of actual / corrected remaining steps.</param>
/// <param name="High">90% quantile of actual / corrected remaining steps.</param>
public sealed record EtaCalibration(string Name, double Bias, double Low, double High)
{
    /// <summary>Any loss history: no bias correction; 0.70/1.45 from tools/bench/physics/EtaBench's 24 synthetic
    /// curves with known answers (10%/90% quantiles 0.83/1.03 on the 18 single-regime curves, widened because real
    /// histories are noisier; see docs/physics.md).</summary>
    public static EtaCalibration Generic { get; } = new("generic loss histories (synthetic calibration)", 1, 0.70, 1.45);

    /// <summary>A McpFlow PINN run in its Adam phase (learning rate halved at 50% and 80% of the phase): calibrated
    /// on the 22 loss curves recorded by tools/bench/physics/CurveRecorder (tools/bench/physics/curves), replayed with
    /// 30% of the run seen by tools/bench/physics/EtaBench (docs/physics.md, "Convergence prediction"). Fitted curves
    /// extrapolate the early fast decay, so real runs take 2.84× the predicted remaining steps (median), with a wide
    /// spread: the 10%/90% quantiles of actual/corrected remaining steps are 0.58 and 12.2.</summary>
    public static EtaCalibration PinnAdam { get; } = new("22 recorded McpFlow PINN runs (Adam phase)", 2.84, 0.58, 12.23);
}
