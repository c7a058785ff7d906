using System.Text;
using McpFlow.Core.Errors;
using McpFlow.Physics.Convergence;

namespace McpFlow.Physics.Training;

/// <summary>Builds <see cref="TrainingHealth"/> from a run's history.</summary>
public static class HealthReport
{
    private const double PlateauImprovement = 0.02; // best loss improving < 2% over the last quarter = plateau
    private const double ImbalanceRatio = 100;       // a component 100× the others dominates the optimisation
    private const int CurrentWindow = 5;             // logged records whose median stands for the current loss
    private const double SpikeFactor = 10;           // a last loss 10× the recent median is reported as a spike

    /// <summary>The health of <paramref name="run"/>; <paramref name="target"/> enables the ETA.</summary>
    public static TrainingHealth Build(PinnRun run, double? target)
    {
        var history = run.History();
        if (history.Count == 0)
            throw McpFlowException.Conflict($"Run {run.Id} has not logged a step yet.", "Wait a few seconds and ask again.");
        var last = history[^1];
        var recentLosses = history.TakeLast(CurrentWindow).Select(r => r.Loss).Where(double.IsFinite).Order().ToList();
        var median = recentLosses.Count == 0 ? last.Loss : recentLosses[recentLosses.Count / 2];
        // The current loss: a finished run's saved model's; otherwise the last logged loss unless it sits above the recent
        // median, which then stands for it, so one spike is not reported as the state of the run (issue 18).
        var current = run.State != "running" && run.Final.TryGetValue("loss", out var saved) ? saved : Math.Min(last.Loss, median);
        var quarter = history.Skip(history.Count * 3 / 4).ToList();
        var bestBefore = history.Take(history.Count * 3 / 4).Select(r => r.Loss).DefaultIfEmpty(double.PositiveInfinity).Min();
        var bestNow = quarter.Min(r => r.Loss);
        var plateau = history.Count >= 20 && bestNow > (1 - PlateauImprovement) * bestBefore;
        var secondsPerStep = SecondsPerStep(history) ?? 0;

        var advice = new List<string>();
        if (!(last.Loss <= SpikeFactor * median))
            advice.Add($"The last logged loss {last.Loss:G3} (step {last.Step}) is a spike, {last.Loss / median:G2}× the median {median:G3} of the last {recentLosses.Count} logged steps; " +
                       "the current loss is taken as that median. Isolated spikes come from a learning rate at the edge of stability or from resampled points; repeated ones mean the learning rate is too high.");
        if (plateau)
            advice.Add(last.Phase == "adam"
                ? "The loss has plateaued under Adam: switching to L-BFGS (lbfgs_steps) or lowering the learning rate usually helps."
                : "The loss has plateaued under L-BFGS: more points, a wider network or adaptive resampling are the next levers.");
        if (last.Components.Count > 1)
        {
            var max = last.Components.MaxBy(c => c.Value);
            var min = last.Components.MinBy(c => c.Value);
            if (min.Value > 0 && max.Value / min.Value > ImbalanceRatio)
                advice.Add($"The {max.Key} term ({max.Value:G3}) dominates the {min.Key} term ({min.Value:G3}); adaptive weights are on, but a larger weight or more {max.Key} points may help.");
        }

        if (last.GradNorm < 1e-7 && current > (target ?? 0))
            advice.Add("Gradients have nearly vanished: the optimiser is stuck in a flat region; restart with another seed or learning rate.");
        ConvergencePrediction? eta = null;
        if (target is { } t && history.Count >= 10)
            eta = RunConvergence.Predict(run, t, secondsPerStep);
        return new TrainingHealth(run.Id, run.State, last.Step, run.PlannedSteps, last.Phase, current, last.Components, last.Weights,
            last.GradNorm, last.LearningRate, last.Seconds, secondsPerStep, plateau, advice, eta, run.Message, run.Final, last.Loss);
    }

    /// <summary>Seconds per step over the last fifth of the logged history; null when it cannot be measured.</summary>
    public static double? SecondsPerStep(IReadOnlyList<StepRecord> history)
    {
        var recent = history.Skip(history.Count * 4 / 5).ToList();
        return recent.Count >= 2 && recent[^1].Step > recent[0].Step ? (recent[^1].Seconds - recent[0].Seconds) / (recent[^1].Step - recent[0].Step) : null;
    }

    /// <summary>Readable text.</summary>
    public static string ToText(TrainingHealth h)
    {
        var text = new StringBuilder();
        text.AppendLine($"Run {h.RunId} [{h.State}]: step {h.Step}/{h.PlannedSteps} ({h.Phase}), loss {h.Loss:G3}" +
                        (h.LastLoggedLoss is { } raw && raw != h.Loss ? $" (last logged {raw:G3})" : "") + $", {h.Seconds:F1} s" +
                        (h.SecondsPerStep > 0 ? $" ({h.SecondsPerStep * 1000:F1} ms/step)" : ""));
        text.AppendLine("Components: " + string.Join(", ", h.Components.Select(c => $"{c.Key} {c.Value:G3}" + (h.Weights.TryGetValue(c.Key, out var w) && w != 1 ? $" (weight {w:G3})" : ""))));
        text.AppendLine($"Gradient norm {h.GradNorm:G3}, learning rate {h.LearningRate:G3}{(h.Plateau ? ", PLATEAU" : "")}.");
        foreach (var a in h.Advice)
            text.AppendLine("- " + a);
        if (h.Eta is not null)
            text.AppendLine(h.Eta.Verdict);
        if (h.Message is not null)
            text.AppendLine(h.Message);
        if (h.Final.Count > 0)
            text.AppendLine("Final: " + string.Join(", ", h.Final.Select(f => $"{f.Key} {f.Value:G3}")));
        return text.ToString().TrimEnd();
    }
}
