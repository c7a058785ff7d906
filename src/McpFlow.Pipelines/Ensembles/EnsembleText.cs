using System.Text;
using McpFlow.Pipelines.Comparison;

namespace McpFlow.Pipelines.Ensembles;

/// <summary>Readable text of an <see cref="EnsembleResult"/>.</summary>
public static class EnsembleText
{
    /// <summary>A table of members and ensembles (mean ± sd of the primary metric, folds better than the best member), then the verdict.</summary>
    public static string Markdown(EnsembleResult r)
    {
        var text = new StringBuilder();
        text.AppendLine($"Ensembles of {string.Join(", ", r.Members)} from comparison {r.Comparison} ({r.Task}, {r.Rows} rows, the comparison's {r.Folds} folds, " +
                        $"{r.PrimaryMetric}: {(r.Maximize ? "higher" : "lower")} is better) in {r.Seconds:F1} s:");
        text.AppendLine();
        text.AppendLine($"| model | {r.PrimaryMetric} (mean ± sd) | per fold | vs {r.BestSingle} |");
        text.AppendLine("|---|---|---|---|");
        foreach (var row in r.Results)
        {
            var versus = row.BeatsBest is { } beats ? $"{(beats ? "better" : "not better")}, {row.FoldsBetter}/{r.Folds} folds" : row.Name == r.BestSingle ? "best single" : "";
            text.AppendLine($"| {(row.IsEnsemble ? $"**{row.Name}**" : row.Name)} | {LeaderboardText.Format(row.Mean, row.Std)} | " +
                            $"{string.Join(", ", row.Folds.Select(v => LeaderboardText.Format(v)))} | {versus} |");
        }

        text.AppendLine();
        text.AppendLine(r.Best is null
            ? $"No ensemble beats the best single model ({r.BestSingle}) on mean {r.PrimaryMetric}."
            : $"Best: {r.Best}, better than {r.BestSingle} on mean {r.PrimaryMetric}.");
        foreach (var note in r.Notes)
            text.AppendLine("Note: " + note);
        return text.ToString().TrimEnd();
    }

    /// <summary>What to do next.</summary>
    public static IReadOnlyList<string> NextSteps(EnsembleResult r) => r.Best is null
        ? [$"Train {r.BestSingle} with pipeline_train (the comparison's spec)."]
        : [$"The {r.Best} ensemble is evaluated, not saved: train its members with pipeline_train, or keep {r.BestSingle} if the gain is within the fold spread."];
}
