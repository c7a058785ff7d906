namespace McpFlow.Physics.Convergence;

/// <summary>
/// Replays a finished loss curve the way a user meets <c>predict_convergence</c>: the target is the level the run
/// actually reached (the smoothed loss at its last logged step), the truth is the first step at which the smoothed
/// loss reached it, and the predictor sees only the first <c>fraction</c> of those steps. Used to calibrate
/// <see cref="EtaCalibration"/>s on recorded PINN curves (tools/bench/physics/curves, recorded by
/// tools/bench/physics/CurveRecorder) and to measure the ETA error.
/// </summary>
public static class ConvergenceBacktest
{
    /// <summary>Half-width of the centred moving average (in logged points) used to find the truth: the same 2% of
    /// the curve the predictor smooths over, so noise in single steps does not decide when the target was "reached".</summary>
    private const double SmoothingShare = 0.02;

    /// <summary>Replays one curve; null when too little of it would be seen to predict.</summary>
    public static BacktestCase? Replay(string name, IReadOnlyList<double> steps, IReadOnlyList<double> losses, double fraction = 0.3,
        EtaCalibration? calibration = null)
    {
        var window = Math.Max(1, (int)(steps.Count * SmoothingShare));
        var smooth = new double[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            int from = Math.Max(0, i - window), to = Math.Min(steps.Count - 1, i + window);
            double sum = 0;
            for (var j = from; j <= to; j++)
                sum += Math.Log(losses[j]);
            smooth[i] = sum / (to - from + 1);
        }

        var target = Math.Exp(smooth[^1]);
        var hit = Array.FindIndex(smooth, v => v <= smooth[^1]);
        var actual = steps[hit];
        var seenSteps = steps.Where(s => s <= fraction * actual).ToList();
        if (seenSteps.Count < 10)
            return null;
        var prediction = ConvergencePredictor.Predict(seenSteps, losses.Take(seenSteps.Count).ToList(), target, calibration: calibration);
        var seen = seenSteps[^1];
        return new BacktestCase(name, target, actual, seen, prediction.Steps, prediction.StepsLow, prediction.StepsHigh, prediction.Models[0].Family);
    }

    /// <summary>The calibration these cases imply: bias = median actual/predicted remaining steps, interval = 10%/90%
    /// quantiles of actual/corrected remaining steps. Cases must come from an uncorrected (bias 1) prediction.</summary>
    public static EtaCalibration Calibrate(string name, IReadOnlyList<BacktestCase> cases)
    {
        var ratios = cases.Where(c => c.RemainingRatio is not null).Select(c => c.RemainingRatio!.Value).ToList();
        if (ratios.Count == 0)
            return EtaCalibration.Generic;
        var bias = Quantile(ratios, 0.5);
        return new EtaCalibration(name, bias, Quantile(ratios, 0.1) / bias, Quantile(ratios, 0.9) / bias);
    }

    /// <summary>The <paramref name="q"/>-quantile (0-1) of <paramref name="values"/>: the value at rank q·(n-1), rounded half up.</summary>
    public static double Quantile(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[(int)Math.Round(q * (sorted.Count - 1), MidpointRounding.AwayFromZero)];
    }
}
