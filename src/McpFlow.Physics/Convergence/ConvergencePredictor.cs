using McpFlow.Core.Errors;

namespace McpFlow.Physics.Convergence;

/// <summary>
/// Predicts when a loss curve reaches a target: the log-loss is smoothed (moving average over 2% of the curve),
/// each <see cref="CurveFamily"/> is fitted by nonlinear least squares, the fits are weighted by Akaike weights,
/// and the answer is the weighted median step of the models that reach the target, with the remaining steps corrected
/// by an <see cref="EtaCalibration"/> (a bias factor and interval factors measured on curves of the same kind) and
/// the interval widened to the spread of the credible models.
/// </summary>
public static class ConvergencePredictor
{
    private const int MinPoints = 10;
    private const int MaxFitPoints = 300;
    private const double CredibleWeight = 0.05;
    private const double FloorTolerance = 1.05; // a floor up to 5% above the smoothed current loss is within the noise

    /// <summary>Predicts from (step, loss) pairs; <paramref name="secondsPerStep"/> converts to time when known;
    /// <paramref name="calibration"/> defaults to <see cref="EtaCalibration.Generic"/>.</summary>
    public static ConvergencePrediction Predict(IReadOnlyList<double> steps, IReadOnlyList<double> losses, double target, double? secondsPerStep = null,
        EtaCalibration? calibration = null)
    {
        calibration ??= EtaCalibration.Generic;
        if (!(target > 0) || !double.IsFinite(target))
            throw McpFlowException.Invalid($"target must be a positive loss value; got {target}.");
        if (steps.Count != losses.Count)
            throw McpFlowException.Invalid($"steps has {steps.Count} values but losses has {losses.Count}; give one loss per step.");
        var points = steps.Zip(losses).Where(p => double.IsFinite(p.First) && p.First >= 0 && p.Second > 0 && double.IsFinite(p.Second))
            .OrderBy(p => p.First).ToList();
        if (points.Count < MinPoints)
            throw McpFlowException.Invalid($"Need at least {MinPoints} positive, finite losses to fit a learning curve; got {points.Count}.",
                "Train longer (or log more often) before predicting.");

        var s = points.Select(p => p.First).ToArray();
        var y = Smooth(points.Select(p => Math.Log(p.Second)).ToArray());
        (s, y) = Thin(s, y);
        var current = s[^1];
        var currentLoss = Math.Exp(y[^1]);
        var fits = new List<(CurveFamily F, double[] P, double Aic)>();
        foreach (var family in CurveFamily.All)
        {
            var (p, rss) = CurveFitter.Fit(family, s, y);
            if (double.IsFinite(rss))
                fits.Add((family, p, s.Length * Math.Log(Math.Max(rss, 1e-300) / s.Length) + 2 * family.ParameterCount));
        }

        // A fitted floor above the loss already reached contradicts the data (it happens when the learning rate drops
        // mid-run and the curve bends): such fits get no weight.
        var consistent = fits.Where(f => f.F.Floor(f.P) <= FloorTolerance * currentLoss).ToList();
        if (consistent.Count > 0)
            fits = consistent;
        var minAic = fits.Min(f => f.Aic);
        var raw = fits.Select(f => Math.Exp(-(f.Aic - minAic) / 2)).ToArray();
        var weights = raw.Select(w => w / raw.Sum()).ToArray();
        var models = fits.Select((f, i) =>
        {
            var at = f.F.StepAt(f.P, target);
            return new CurveFit(f.F.Name, f.F.Formula, f.P, f.Aic, weights[i], double.IsFinite(at) ? Math.Max(at, current) : null, f.F.Floor(f.P));
        }).OrderByDescending(m => m.Weight).ToList();

        var floors = models.Where(m => m.Floor > 0).ToList();
        double? floor = floors.Count == 0 ? null : floors.Sum(m => m.Weight * m.Floor) / floors.Sum(m => m.Weight);
        if (currentLoss <= target)
            return new(target, current, currentLoss, true, true, 1, current, current, current, 0, 0, 0, floor,
                $"Already there: the smoothed loss {currentLoss:G3} is at or below the target {target:G3}.", models);

        var reaching = models.Where(m => m.StepAtTarget is not null).ToList();
        var probability = reaching.Sum(m => m.Weight);
        if (probability < 0.5)
        {
            var best = models[0];
            var verdict = best.Floor >= target
                ? $"Will not reach {target:G3}: the best-supported model ({best.Family}, weight {best.Weight:P0}) levels off at a floor of {best.Floor:G3}, above the target."
                : $"Will not reach {target:G3} on the current trend: models carrying {1 - probability:P0} of the weight stop improving before it.";
            return new(target, current, currentLoss, false, false, probability, null, null, null, null, null, null, floor,
                verdict + " Change something (learning rate, network size, points, L-BFGS) rather than train longer.", models);
        }

        var remaining = (WeightedMedian(reaching.Select(m => (m.StepAtTarget!.Value, m.Weight)).ToList()) - current) * calibration.Bias;
        var estimate = current + remaining;
        var credible = reaching.Where(m => m.Weight >= CredibleWeight).Select(m => current + (m.StepAtTarget!.Value - current) * calibration.Bias)
            .DefaultIfEmpty(estimate).ToList();
        var low = Math.Max(current, Math.Min(current + remaining * calibration.Low, credible.Min()));
        var high = Math.Max(current + remaining * calibration.High, credible.Max());
        double? seconds = secondsPerStep is > 0 ? remaining * secondsPerStep : null;
        var text = $"Predicted to reach {target:G3} at step ≈{estimate:F0} (≈{remaining:F0} more; 80% interval {low:F0}–{high:F0})" +
                   (seconds is { } sec ? $", about {sec:F0} s from now" : "") +
                   $"; the loss is {currentLoss:G3} at step {current:F0}. Best fit: {models[0].Family} (weight {models[0].Weight:P0}); " +
                   $"calibrated on {calibration.Name}" + (calibration.Bias == 1 ? "." : $", remaining steps ×{calibration.Bias:G3}.");
        return new(target, current, currentLoss, false, true, probability, estimate, low, high, seconds,
            seconds is null ? null : (low - current) * secondsPerStep, seconds is null ? null : (high - current) * secondsPerStep, floor, text, models);
    }

    /// <summary>Centred moving average over 2% of the points (at least one neighbour each side).</summary>
    internal static double[] Smooth(double[] y)
    {
        var window = Math.Max(1, y.Length / 50);
        var result = new double[y.Length];
        for (var i = 0; i < y.Length; i++)
        {
            int from = Math.Max(0, i - window), to = Math.Min(y.Length - 1, i + window);
            double sum = 0;
            for (var j = from; j <= to; j++)
                sum += y[j];
            result[i] = sum / (to - from + 1);
        }

        return result;
    }

    private static (double[] S, double[] Y) Thin(double[] s, double[] y)
    {
        if (s.Length <= MaxFitPoints)
            return (s, y);
        var index = Enumerable.Range(0, MaxFitPoints).Select(i => (int)Math.Round(i * (s.Length - 1.0) / (MaxFitPoints - 1))).Distinct().ToArray();
        return (index.Select(i => s[i]).ToArray(), index.Select(i => y[i]).ToArray());
    }

    private static double WeightedMedian(List<(double Value, double Weight)> items)
    {
        var sorted = items.OrderBy(i => i.Value).ToList();
        var half = sorted.Sum(i => i.Weight) / 2;
        double acc = 0;
        foreach (var (value, weight) in sorted)
        {
            acc += weight;
            if (acc >= half)
                return value;
        }

        return sorted[^1].Value;
    }
}
