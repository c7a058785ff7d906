using System.Globalization;
using System.Text;

namespace McpFlow.Pipelines.Comparison;

/// <summary>Readable leaderboard text.</summary>
public static class LeaderboardText
{
    /// <summary>A Markdown table of the leaderboard with the task's metric columns.</summary>
    public static string Markdown(ComparisonResult result, IReadOnlyList<string> metrics)
    {
        var text = new StringBuilder();
        text.AppendLine($"Model comparison ({result.Task}, {result.Rows} rows, {result.Folds} fold(s), ranked by {result.PrimaryMetric}, {(result.Maximize ? "higher" : "lower")} is better) in {result.Seconds:F1} s:");
        text.AppendLine();
        text.AppendLine("| # | model | " + string.Join(" | ", metrics) + " |");
        text.AppendLine("|---|---|" + string.Concat(metrics.Select(_ => "---|")));
        foreach (var row in result.Leaderboard)
        {
            var cells = metrics.Select(m => Format(row.Metrics.GetValueOrDefault(m, double.NaN), m == "training_seconds" ? null : row.Std.GetValueOrDefault(m)));
            text.AppendLine($"| {row.Rank} | {(row.Rank == 1 ? $"**{row.Trainer}**" : row.Trainer)}{(row.IsBaseline ? " (baseline)" : "")} | {string.Join(" | ", cells)} |");
        }

        text.AppendLine();
        text.Append($"Best: {result.Best}");
        if (result.BestBeatsBaseline is { } beats)
            text.Append(beats ? "; it beats every baseline." : "; WARNING: no model beats the baseline, so the features carry little signal.");
        text.AppendLine(result.Leaderboard.Any(r => r.RunId is not null) ? $" Runs logged in experiment '{result.Experiment}'." : " Runs not logged (no tracking store in this server).");
        return text.ToString();
    }

    /// <summary>What to do with the leaderboard next (the answer's next steps, after <see cref="Markdown"/>).</summary>
    /// <param name="result">The comparison.</param>
    /// <param name="jobId">Its job id, which pipeline_ensemble takes (null: not offered).</param>
    public static IReadOnlyList<string> NextSteps(ComparisonResult result, string? jobId = null)
    {
        var train = $"Train the best model with pipeline_train (trainer=\"{result.Best}\", the same spec), or see what each step adds with evaluate_pipeline_steps.";
        var scored = result.Leaderboard.Count(r => !r.IsBaseline && double.IsFinite(r.Metrics.GetValueOrDefault(result.PrimaryMetric, double.NaN)));
        return jobId is not null && scored >= 2 && result.Task is "regression" or "binary" or "multiclass"
            ? [train, $"Check whether blending or stacking the top models beats the best one with pipeline_ensemble comparison=\"{jobId}\" top_k={Math.Min(3, scored)}."]
            : [train];
    }

    /// <summary>A number with its spread, e.g. <c>0.9533 ± 0.0163</c>.</summary>
    public static string Format(double value, double? std = null)
    {
        if (double.IsNaN(value))
            return "n/a";
        var digits = Math.Abs(value) >= 1000 ? "F1" : "F4";
        var main = value.ToString(digits, CultureInfo.InvariantCulture);
        return std is { } s && s > 0 ? $"{main} ± {s.ToString(digits, CultureInfo.InvariantCulture)}" : main;
    }
}
