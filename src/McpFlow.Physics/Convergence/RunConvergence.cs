using System.Globalization;
using McpFlow.Core.Errors;
using McpFlow.Physics.Training;

namespace McpFlow.Physics.Convergence;

/// <summary>
/// predict_convergence and pinn_status for a PINN run, answered truthfully: a run that is no longer training (finished,
/// failed, cancelled, interrupted) is answered from its history (when it reached the target, or that it ended above it)
/// with no "seconds from now"; and no answer extrapolates a fitted curve beyond <see cref="MaxExtrapolation"/>× the steps
/// seen (issue 18: a finished run was told "≈211 s from now" and a target at 5.9e8 steps).
/// </summary>
public static class RunConvergence
{
    /// <summary>Largest predicted step, as a multiple of the steps seen, still reported as a prediction. The prior is
    /// fitted and measured on replays that see 10-70% of the steps to the target (EtaReplay), so the predictions it
    /// validates reach 10× the steps seen at most.</summary>
    public const double MaxExtrapolation = 10;

    /// <summary>The prediction for <paramref name="run"/> towards <paramref name="target"/>.</summary>
    public static ConvergencePrediction Predict(PinnRun run, double target, double? secondsPerStep)
    {
        var history = run.History();
        // In the Adam phase the schedule ahead is known; after it (L-BFGS) it is not.
        Func<double, double>? schedule = history.Count > 0 && history[^1].Phase == "adam" ? step => PinnSchedule.LearningRate(run.Options, step) : null;
        ConvergencePrediction Fit() => Bounded(ConvergencePredictor.Predict(history.Select(r => (double)r.Step).ToList(), history.Select(r => r.Loss).ToList(),
            target, run.State == "running" ? secondsPerStep : null, schedule));
        if (run.State == "running")
            return Fit();
        ConvergencePrediction? fit;
        try
        {
            fit = Fit();
        }
        catch (McpFlowException)
        {
            fit = null; // too short a history to fit: the history itself still answers
        }

        return Ended(run, history, target, fit, secondsPerStep);
    }

    /// <summary><paramref name="p"/>, or a "not within reach" answer when its step lies beyond <see cref="MaxExtrapolation"/>×
    /// the steps seen.</summary>
    public static ConvergencePrediction Bounded(ConvergencePrediction p)
    {
        if (!p.WillReach || p.AlreadyReached || p.Steps is not { } steps || steps <= MaxExtrapolation * Math.Max(p.CurrentStep, 1))
            return p;
        return p with
        {
            WillReach = false,
            Steps = null,
            StepsLow = null,
            StepsHigh = null,
            Seconds = null,
            SecondsLow = null,
            SecondsHigh = null,
            Verdict = $"Not within reach on the current trend: the estimate puts {F(p.Target)} at step ≈{steps:G2}, more than {MaxExtrapolation:G}× the " +
                      $"{p.CurrentStep:F0} steps seen, too far beyond the data to be a prediction. Change something (learning rate, network size, points, L-BFGS) rather than train longer.",
        };
    }

    // A run that is not training: nothing will happen "from now"; say what its history shows.
    private static ConvergencePrediction Ended(PinnRun run, IReadOnlyList<StepRecord> history, double target, ConvergencePrediction? fit, double? secondsPerStep)
    {
        var steps = run.Final.TryGetValue("steps", out var s) ? s : history.Count > 0 ? history[^1].Step + 1 : 0;
        var finalLoss = run.Final.TryGetValue("loss", out var l) ? l : history.Count > 0 ? history[^1].Loss : double.NaN;
        var state = $"Run {run.Id} is {run.State} after {steps:F0} steps (final loss {F(finalLoss)}); it is not training any more, so its loss will not change.";
        var models = fit?.Models ?? [];
        var reached = history.FirstOrDefault(r => r.Loss <= target);
        if (reached is not null || finalLoss <= target)
        {
            var at = reached?.Step ?? steps;
            var verdict = $"{state} It reached {F(target)} at step {at:F0}" +
                          (reached is null ? " (its saved model's loss)." : $" (logged loss {F(reached.Loss)}, {reached.Seconds:F1} s into training).");
            return new(target, steps, finalLoss, true, true, 1, at, at, at, null, null, null, fit?.FittedFloor, verdict, models);
        }

        var more = fit is { WillReach: true, Steps: { } total }
            ? $" Its loss curve suggests a longer run with the same settings would need about {total:F0} steps in total ({total - steps:F0} more than it ran" +
              (secondsPerStep is > 0 ? $", about {(total - steps) * secondsPerStep:F0} s of training at its pace" : "") + "); start a new run for that."
            : fit is null ? "" : " Its loss curve does not reach the target: " + fit.Verdict;
        var lowest = history.Count > 0 ? history.Min(r => r.Loss) : finalLoss;
        return new(target, steps, finalLoss, false, false, fit?.ProbabilityToReach ?? 0, fit?.Steps, fit?.StepsLow, fit?.StepsHigh, null, null, null,
            fit?.FittedFloor, $"{state} It ended above {F(target)}; its lowest logged loss was {F(lowest)}." + more, models);
    }

    private static string F(double v) => v.ToString("G3", CultureInfo.InvariantCulture);
}
