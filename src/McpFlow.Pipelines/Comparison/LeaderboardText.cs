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
    public static IReadOnlyList<string> NextSteps(ComparisonResult result) =>
        [$"Train the best model with pipeline_train (trainer=\"{result.Best}\", the same spec), or see what each step adds with evaluate_pipeline_steps."];

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
