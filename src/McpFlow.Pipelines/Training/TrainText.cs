using System.Text;
using McpFlow.Pipelines.Comparison;

namespace McpFlow.Pipelines.Training;

/// <summary>Readable text of a training result.</summary>
public static class TrainText
{
    private static string Source(Storage.ScoreEntry entry) => entry.RunId is null ? entry.Trainer : $"{entry.Trainer}, run {entry.RunId}";

    /// <summary>Metrics, comparison with the previous best, top features, model id (the next steps are <see cref="NextSteps"/>).</summary>
    public static string Markdown(TrainResult r, IReadOnlyList<string> metrics)
    {
        var text = new StringBuilder();
        text.AppendLine($"Trained {r.Trainer}" + (r.Hyperparameters.Count == 0 ? " (defaults)" : $" with {string.Join(", ", r.Hyperparameters.Select(h => $"{h.Key}={h.Value}"))}") +
            (r.SuggestionId is null ? "" : $" from suggestion {r.SuggestionId}") +
            (r.RunId is null ? "; not logged (no tracking store in this server)." : $"; run {r.RunId} in '{r.Experiment}'."));
        text.AppendLine("Cross-validated: " + string.Join(", ", metrics.Where(r.Mean.ContainsKey).Select(m => $"{m} {LeaderboardText.Format(r.Mean[m], m == "training_seconds" ? null : r.Std.GetValueOrDefault(m))}")) + ".");
        var value = r.Mean.GetValueOrDefault(r.PrimaryMetric, double.NaN);
        text.AppendLine(r.PreviousBest is null
            ? $"First run of the experiment by {r.PrimaryMetric}."
            : r.BeatPreviousBest == true
                ? $"IMPROVED: {r.PrimaryMetric} {LeaderboardText.Format(value)} beats the previous best {LeaderboardText.Format(r.PreviousBest.Value)} ({Source(r.PreviousBest)})."
                : value == r.PreviousBest.Value
                    ? $"Equal to the previous best {r.PrimaryMetric} {LeaderboardText.Format(value)} ({Source(r.PreviousBest)})."
                    : $"Not better than the previous best {r.PrimaryMetric} {LeaderboardText.Format(r.PreviousBest.Value)} ({Source(r.PreviousBest)}); this run scored {LeaderboardText.Format(value)}.");
        if (r.DecisionThreshold is { } threshold)
            text.AppendLine($"Decision threshold {LeaderboardText.Format(threshold)} on the positive-class score (maximises MCC on the cross-validated scores; the saved model predicts with it).");
        if (r.FeatureImportance.Count > 0)
            text.AppendLine($"Most important features (permutation on the held-out folds, worsening of {r.PrimaryMetric}, mean ± sd over {r.FeatureImportance[0].Samples} shuffles): " +
                            string.Join(", ", r.FeatureImportance.Take(5).Select(f => $"{f.Feature} ({LeaderboardText.Format(f.Importance)} ± {LeaderboardText.Format(f.Std)})")) + ".");
        text.Append($"Model saved as {r.ModelId}.");
        return text.ToString();
    }

    /// <summary>What to do with the trained model next (the answer's next steps, after <see cref="Markdown"/>).</summary>
    public static IReadOnlyList<string> NextSteps(TrainResult r) => [$"Use pipeline_predict with model_id=\"{r.ModelId}\" to score new data."];
}
