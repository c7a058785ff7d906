using McpFlow.Core.Errors;

namespace McpFlow.Physics.Convergence;

/// <summary>
/// Predicts when a loss curve reaches a target. The step comes from the learned prior <see cref="EtaPrior"/>: a linear
/// model of ln(T/S) (T the step at the target, S the last step seen) on summaries of the seen window
/// (<see cref="EtaFeatures"/>: recent slopes in log-log and log-linear space, curvature, noise, the drop still to go,
/// the known learning-rate schedule), fitted across curve families and with an 80% interval from residuals on families
/// left out of the fit (tools/bench/physics/EtaBench). "Will not reach" is said only when the loss stalled (flat or
/// rising) over the recent half of the steps seen with no learning-rate decay ahead, never of a run still improving. Each <see cref="CurveFamily"/> is still fitted by nonlinear least
/// squares (Akaike-weighted) to report the shape of the curve and its floor.
/// </summary>
public static class ConvergencePredictor
{
    private const int MinPoints = 10;
    private const int MaxFitPoints = 300;
    private const double FloorTolerance = 1.05; // a floor up to 5% above the smoothed current loss is within the noise

    /// <summary>Predicts from (step, loss) pairs; <paramref name="secondsPerStep"/> converts to time when known;
    /// <paramref name="learningRate"/> is the known learning rate at a step (null when unknown); <paramref name="prior"/>
    /// defaults to <see cref="EtaPrior.Fitted"/>.</summary>
    public static ConvergencePrediction Predict(IReadOnlyList<double> steps, IReadOnlyList<double> losses, double target, double? secondsPerStep = null,
        Func<double, double>? learningRate = null, EtaPrior? prior = null)
    {
        prior ??= EtaPrior.Fitted;
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
        var raw = points.Select(p => Math.Log(p.Second)).ToArray();
        var smooth = Smooth(raw);
        var features = EtaFeatures.Compute(s, raw, smooth, target, learningRate);
        var current = s[^1];
        var currentLoss = Math.Exp(smooth[^1]);
        var models = FitFamilies(s, smooth, target, currentLoss);
        var floors = models.Where(m => m.Floor > 0).ToList();
        double? floor = floors.Count == 0 ? null : floors.Sum(m => m.Weight * m.Floor) / floors.Sum(m => m.Weight);
        if (currentLoss <= target)
            return new(target, current, currentLoss, true, true, 1, current, current, current, 0, 0, 0, floor,
                $"Already there: the smoothed loss {currentLoss:G3} is at or below the target {target:G3}.", models);

        var probability = models.Where(m => m.StepAtTarget is not null).Sum(m => m.Weight);
        var best = models[0];
        var levels = best.Floor >= target ? $" The best-fitting curve ({best.Family}, weight {best.Weight:P0}) levels off at {best.Floor:G3}, above the target." : "";
        var estimate = EtaEstimate.Of(prior, features, current, bounded: false);
        if (estimate.Steps is not { } at)
            return new(target, current, currentLoss, false, false, probability, null, null, null, null, null, null, floor,
                $"Will not reach {target:G3} on the current trend: the fitted trend of the loss over the last half of the steps seen changed it by {Change(-features.RecentDrop)} " +
                $"(noise ±{Change(features.RecentDropError)}): it has stalled." + levels +
                " Change something (learning rate, network size, points, L-BFGS) rather than train longer.", models);

        var remaining = at - current;
        double? seconds = secondsPerStep is > 0 ? remaining * secondsPerStep : null;
        var text = $"Predicted to reach {target:G3} at step ≈{at:F0} (≈{remaining:F0} more; 80% interval {estimate.Low:F0}–{estimate.High:F0})" +
                   (seconds is { } sec ? $", about {sec:F0} s from now" : "") +
                   $"; the loss is {currentLoss:G3} at step {current:F0} and still falling. Prior: {prior.Name}; best fit: {best.Family} (weight {best.Weight:P0})." +
                   (levels.Length > 0 ? levels + " If it does level off, the target is out of reach." : "");
        return new(target, current, currentLoss, false, true, probability, at, estimate.Low, estimate.High, seconds,
            seconds is null ? null : (estimate.Low - current) * secondsPerStep, seconds is null ? null : (estimate.High - current) * secondsPerStep, floor, text, models);
    }

    // Each family fitted to the (thinned) smoothed log-loss, weighted by Akaike weights; a fitted floor above the loss
    // already reached contradicts the data (it happens when the learning rate drops mid-run) and gets no weight.
    private static List<CurveFit> FitFamilies(double[] steps, double[] smooth, double target, double currentLoss)
    {
        var (s, y) = Thin(steps, smooth);
        var current = s[^1];
        var fits = new List<(CurveFamily F, double[] P, double Aic)>();
        foreach (var family in CurveFamily.All)
        {
            var (p, rss) = CurveFitter.Fit(family, s, y);
            if (double.IsFinite(rss))
                fits.Add((family, p, s.Length * Math.Log(Math.Max(rss, 1e-300) / s.Length) + 2 * family.ParameterCount));
        }

        var consistent = fits.Where(f => f.F.Floor(f.P) <= FloorTolerance * currentLoss).ToList();
        if (consistent.Count > 0)
            fits = consistent;
        var minAic = fits.Min(f => f.Aic);
        var raw = fits.Select(f => Math.Exp(-(f.Aic - minAic) / 2)).ToArray();
        var weights = raw.Select(w => w / raw.Sum()).ToArray();
        return fits.Select((f, i) =>
        {
            var at = f.F.StepAt(f.P, target);
            return new CurveFit(f.F.Name, f.F.Formula, f.P, f.Aic, weights[i], double.IsFinite(at) ? Math.Max(at, current) : null, f.F.Floor(f.P));
        }).OrderByDescending(m => m.Weight).ToList();
    }

    private static string Change(double logChange) => (Math.Exp(logChange) - 1).ToString("+0.0#%;-0.0#%", System.Globalization.CultureInfo.InvariantCulture);

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
}
