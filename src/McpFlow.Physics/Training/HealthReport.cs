using System.Text;
using McpFlow.Core.Errors;
using McpFlow.Physics.Convergence;

namespace McpFlow.Physics.Training;

/// <summary>Builds <see cref="TrainingHealth"/> from a run's history.</summary>
public static class HealthReport
{
    private const double PlateauImprovement = 0.02; // best loss improving < 2% over the last quarter = plateau
    private const double ImbalanceRatio = 100;       // a component 100× the others dominates the optimisation

    /// <summary>The health of <paramref name="run"/>; <paramref name="target"/> enables the ETA.</summary>
    public static TrainingHealth Build(PinnRun run, double? target)
    {
        var history = run.History();
        if (history.Count == 0)
            throw McpFlowException.Conflict($"Run {run.Id} has not logged a step yet.", "Wait a few seconds and ask again.");
        var last = history[^1];
        var quarter = history.Skip(history.Count * 3 / 4).ToList();
        var bestBefore = history.Take(history.Count * 3 / 4).Select(r => r.Loss).DefaultIfEmpty(double.PositiveInfinity).Min();
        var bestNow = quarter.Min(r => r.Loss);
        var plateau = history.Count >= 20 && bestNow > (1 - PlateauImprovement) * bestBefore;
        var recent = history.Skip(history.Count * 4 / 5).ToList();
        var secondsPerStep = recent.Count >= 2 && recent[^1].Step > recent[0].Step
            ? (recent[^1].Seconds - recent[0].Seconds) / (recent[^1].Step - recent[0].Step) : 0;

        var advice = new List<string>();
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

        if (last.GradNorm < 1e-7 && last.Loss > (target ?? 0))
            advice.Add("Gradients have nearly vanished: the optimiser is stuck in a flat region; restart with another seed or learning rate.");
        ConvergencePrediction? eta = null;
        if (target is { } t && history.Count >= 10)
            eta = ConvergencePredictor.Predict(history.Select(r => (double)r.Step).ToList(), history.Select(r => r.Loss).ToList(), t, secondsPerStep,
                last.Phase == "adam" ? EtaCalibration.PinnAdam : EtaCalibration.Generic);
        return new TrainingHealth(run.Id, run.State, last.Step, run.PlannedSteps, last.Phase, last.Loss, last.Components, last.Weights,
            last.GradNorm, last.LearningRate, last.Seconds, secondsPerStep, plateau, advice, eta, run.Message, run.Final);
    }

    /// <summary>Readable text.</summary>
    public static string ToText(TrainingHealth h)
    {
        var text = new StringBuilder();
        text.AppendLine($"Run {h.RunId} [{h.State}]: step {h.Step}/{h.PlannedSteps} ({h.Phase}), loss {h.Loss:G3}, {h.Seconds:F1} s" +
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
