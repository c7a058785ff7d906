using System.Globalization;
using System.Text;
using McpFlow.Pipelines.Comparison;

namespace McpFlow.Pipelines.Tuning;

/// <summary>Readable leaderboard of a tuning loop.</summary>
public static class TuneText
{
    /// <summary>Markdown: what ran, the best rounds (✓ marks a round that improved on all earlier ones), the best params.</summary>
    public static string Markdown(TuneResult result)
    {
        var text = new StringBuilder();
        var stop = result.StoppedBy == "time" ? "time budget spent" : "all rounds done";
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Tuning {result.TuneId}: {result.Trainer}, {result.RoundsDone}/{result.RoundsTarget} rounds ({stop}{(result.ResumedAfter > 0 ? $", resumed after round {result.ResumedAfter}" : "")}), {result.Folds} folds, {result.Metric} ({(result.Maximize ? "higher" : "lower")} is better)."));
        text.AppendLine();
        var keys = result.Rounds.SelectMany(r => r.Params.Keys).Distinct().ToList();
        text.AppendLine($"| rank | round | improved | {result.Metric} | {string.Join(" | ", keys)} |");
        text.AppendLine("|---|---|---|---|" + string.Concat(keys.Select(_ => "---|")));
        var ranked = result.Rounds.OrderBy(r => r.Score is null ? 1 : 0).ThenBy(r => (result.Maximize ? -1 : 1) * (r.Score ?? 0)).ThenBy(r => r.Round).ToList();
        foreach (var (r, i) in ranked.Take(TuneLimits.RowsShown).Select((r, i) => (r, i + 1)))
        {
            var score = r.Score is { } s ? LeaderboardText.Format(s, r.Std) : $"failed ({r.Error})";
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {i} | {r.Round} | {(r.Improved ? "✓" : "")} | {score} | {string.Join(" | ", keys.Select(k => r.Params.GetValueOrDefault(k, "")))} |"));
        }

        if (ranked.Count > TuneLimits.RowsShown)
            text.AppendLine($"({ranked.Count - TuneLimits.RowsShown} more rounds in the structured content.)");
        text.AppendLine();
        var improved = string.Join(", ", result.Rounds.Where(r => r.Improved).Select(r => r.Round.ToString(CultureInfo.InvariantCulture)));
        text.AppendLine(result.Best is { } best
            ? $"Best: round {best.Round}, {result.Metric} {LeaderboardText.Format(best.Score!.Value, best.Std)}; improved in rounds {improved}."
            : "Every round failed; narrow the space or pick another trainer.");
        text.Append(result.Rounds.Any(r => r.RunId is not null) ? $"Rounds logged in experiment '{result.Experiment}'." : "Rounds not logged (no tracking store in this server).");
        return text.ToString();
    }

    /// <summary>What to do next.</summary>
    public static IReadOnlyList<string> NextSteps(TuneResult result)
    {
        var steps = new List<string>();
        if (result.Best is { } best)
            steps.Add($"Train the best setting with pipeline_train (trainer=\"{result.Trainer}\", hyperparameters={{{string.Join(", ", best.Params.Select(p => $"\"{p.Key}\": {p.Value}"))}}}).");
        if (result.RoundsDone < TuneLimits.MaxRounds)
            steps.Add($"Continue with pipeline_tune (spec=\"{result.TuneId}\", rounds={Math.Min(TuneLimits.MaxRounds, result.RoundsDone + 10)}).");
        return steps;
    }
}
