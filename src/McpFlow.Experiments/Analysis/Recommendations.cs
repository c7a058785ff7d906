using System.Globalization;

namespace McpFlow.Experiments.Analysis;

/// <summary>Turns an analysis into concrete next steps in plain words.</summary>
public static class Recommendations
{
    private static readonly string[] LearningRateNames = ["lr", "learning_rate", "learning-rate", "eta", "step_size"];
    private static readonly string[] BatchNames = ["batch_size", "batch-size", "batch", "bs"];

    /// <summary>The recommendations for <paramref name="a"/>.</summary>
    public static IReadOnlyList<string> For(RunAnalysis a)
    {
        var list = new List<string>();
        var plateaued = a.Curves.Where(c => c.Plateaued).ToList();
        var constant = a.Parameters.Where(p => p.Constant).ToList();
        var lr = constant.FirstOrDefault(p => LearningRateNames.Contains(p.Name.ToLowerInvariant()));
        var batch = constant.FirstOrDefault(p => BatchNames.Contains(p.Name.ToLowerInvariant()));
        if (plateaued.Count > 0)
        {
            var step = (long)plateaued.Average(c => c.PlateauStep ?? 0);
            var last = (long)plateaued.Average(c => c.LastStep);
            list.Add(string.Create(CultureInfo.InvariantCulture,
                $"{plateaued.Count} of the {a.Curves.Count} best runs stop improving around step {step} of {last}: the remaining {last - step} steps add less than 1% of the total gain. Add early stopping (patience ≈ {Math.Max(5, (last - step) / 4)} steps) to save that compute."));
            if (lr is not null)
                list.Add($"The learning rate is constant ({lr.Name} = {lr.Values[0]}) in every run. A plateau at a fixed rate usually means the optimiser bounces around a minimum: decay it after step {step} (cosine or step decay ×0.1), and try rates 3-10× smaller and larger.");
        }

        if (batch is not null)
            list.Add($"{batch.Name} is constant ({batch.Values[0]}); smaller batches add gradient noise that can escape a plateau, larger ones allow a larger learning rate. Search it on a log scale (e.g. ×0.25 to ×4).");
        if (a.Trend.Stalled)
            list.Add(string.Create(CultureInfo.InvariantCulture,
                $"The last {a.Trend.RecentRuns} runs sit at {a.Trend.RecentMean:G4} ± {a.Trend.RecentSpread / 2:G2} on {a.Metric}: repeating similar settings will not help; change the constant parameters."));
        var important = a.Parameters.Where(p => p.Importance is > 0.5).Take(3).ToList();
        foreach (var p in important)
            list.Add(p.Correlation is { } rho
                ? string.Create(CultureInfo.InvariantCulture, $"{p.Name} matters (Spearman ρ = {rho:F2}): {(rho * (a.Maximize ? 1 : -1) > 0 ? "larger" : "smaller")} values went with better {a.Metric}; explore further in that direction.")
                : string.Create(CultureInfo.InvariantCulture, $"{p.Name} matters (η = {p.Importance:F2}); keep its best value and vary the rest."));
        if (a.Overfitting.Count > 0)
            list.Add("Validation gets worse while training improves in some runs: add regularisation (weight decay, dropout, augmentation) or stop at the validation optimum.");
        if (a.FailedOrDiverged.Count > 0)
            list.Add($"{a.FailedOrDiverged.Count} run(s) failed or diverged; if they used the largest learning rates, cap the range below them.");
        list.Add("Call suggest_hyperparams for concrete, explained settings (Bayesian optimisation over these runs; constant parameters are widened around their value).");
        return list;
    }
}
