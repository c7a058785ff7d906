using System.Globalization;

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
    /// <summary>Replays one curve; null when too little of it would be seen to predict.</summary>
    public static BacktestCase? Replay(string name, IReadOnlyList<double> steps, IReadOnlyList<double> losses, double fraction = 0.3,
        EtaCalibration? calibration = null)
    {
        // The truth is found on the log-loss smoothed as the predictor smooths it, so that noise in single steps
        // does not decide when the target was "reached".
        var smooth = ConvergencePredictor.Smooth(losses.Select(l => Math.Log(l)).ToArray());
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

    /// <summary>Reads a recorded curve (CSV "step,loss,seconds" with a header, as CurveRecorder writes it).</summary>
    public static (List<double> Steps, List<double> Losses) ReadCurve(string file)
    {
        var rows = File.ReadLines(file).Skip(1).Select(l => l.Split(',')).ToList();
        return (rows.Select(r => double.Parse(r[0], CultureInfo.InvariantCulture)).ToList(),
            rows.Select(r => double.Parse(r[1], CultureInfo.InvariantCulture)).ToList());
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
