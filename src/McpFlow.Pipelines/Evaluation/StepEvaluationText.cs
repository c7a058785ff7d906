using System.Text;
using McpFlow.Pipelines.Comparison;

namespace McpFlow.Pipelines.Evaluation;

/// <summary>Readable text of a step evaluation.</summary>
public static class StepEvaluationText
{
    /// <summary>Markdown tables: steps, fold metrics, ablation.</summary>
    public static string Markdown(StepEvaluation e, IReadOnlyList<string> metrics)
    {
        var text = new StringBuilder();
        text.AppendLine($"Pipeline steps evaluated with {e.Trainer} ({e.TrainerSource}; {e.PerFold.Count} fold(s)); " + (e.RunId is null ? "not logged (no tracking store in this server)." : $"run {e.RunId} in '{e.Experiment}'."));
        text.AppendLine("\n| step | rows in | rows out | features added | nulls left | seconds |\n|---|---|---|---|---|---|");
        foreach (var s in e.Steps)
            text.AppendLine($"| {s.Step} | {s.RowsIn} | {s.RowsOut} | {s.FeaturesAdded} | {s.NullsLeft} | {s.Seconds:F3} |");
        var shown = metrics.Where(m => m != "training_seconds" && e.Mean.ContainsKey(m)).ToList();
        text.AppendLine("\nMetrics per fold:\n\n| fold | " + string.Join(" | ", shown) + " |\n|---|" + string.Concat(shown.Select(_ => "---|")));
        foreach (var (fold, i) in e.PerFold.Select((f, i) => (f, i + 1)))
            text.AppendLine($"| {i} | {string.Join(" | ", shown.Select(m => LeaderboardText.Format(fold.GetValueOrDefault(m, double.NaN))))} |");
        text.AppendLine($"| mean ± std | {string.Join(" | ", shown.Select(m => LeaderboardText.Format(e.Mean[m], e.Std.GetValueOrDefault(m))))} |");
        if (e.Ablation.Count > 0)
        {
            text.AppendLine($"\nAblation ({e.PrimaryMetric} = {LeaderboardText.Format(e.Mean.GetValueOrDefault(e.PrimaryMetric, double.NaN))} with every step; " +
                            "a gain counts when it exceeds the 95% margin of its spread over the folds, paired fold by fold):\n\n" +
                            $"| without | {e.PrimaryMetric} | gain from the step ± SE | margin | verdict |\n|---|---|---|---|---|");
            foreach (var a in e.Ablation)
                text.AppendLine($"| {a.Step} | {LeaderboardText.Format(a.Value)} | {LeaderboardText.Format(a.Delta, a.StandardError)} | {LeaderboardText.Format(a.Margin)} | {a.Verdict} |");
        }

        return text.ToString();
    }

    /// <summary>What to do with the evaluation next (the answer's next steps, after <see cref="Markdown"/>): drop each
    /// step that hurts beyond the fold noise, then train or compare trainers on the same spec.</summary>
    public static IReadOnlyList<string> NextSteps(StepEvaluation e)
    {
        var steps = e.Ablation.Where(a => a.Verdict == AblationVerdict.Hurts)
            .Select(a => $"Step '{a.Step}' hurts {e.PrimaryMetric} beyond the fold noise: generate the spec again without it and evaluate again.")
            .ToList();
        steps.Add($"Train the pipeline with pipeline_train (trainer=\"{e.Trainer}\", the same spec), or compare trainers with pipeline_compare_models.");
        return steps;
    }
}
