using System.Globalization;
using System.Text;
using McpFlow.Core.Errors;
using McpFlow.Core.Tracking;

namespace McpFlow.Experiments.Analysis;

/// <summary>Builds and formats leaderboards (shared by the tool and the resource).</summary>
public sealed class LeaderboardService(RunLoader loader, ISuggestionStore suggestions)
{
    /// <summary>The leaderboard of an experiment on a metric.</summary>
    public async Task<LeaderboardResult> BuildAsync(string experiment, string metric, string direction, int limit, CancellationToken cancellationToken)
    {
        var maximize = RunLoader.ParseDirection(direction, metric);
        var exp = await loader.ResolveExperimentAsync(experiment, cancellationToken);
        var runs = await loader.LoadRunsAsync(exp.ExperimentId, null, cancellationToken);
        var board = Leaderboard.Build(exp.Name, metric, maximize, runs, limit, id =>
        {
            try
            {
                return suggestions.Get(id).Explanation;
            }
            catch (McpFlowException)
            {
                return null;
            }
        });
        if (board.RankedRuns == 0)
            throw McpFlowException.Invalid($"No run of '{exp.Name}' has a finite value of '{metric}'.",
                "Metrics logged: " + string.Join(", ", runs.SelectMany(r => r.Metrics.Keys).Distinct().Order()) + ".");
        return board;
    }

    /// <summary>A Markdown table of the leaderboard.</summary>
    public static string Format(LeaderboardResult b)
    {
        var t = new StringBuilder($"Leaderboard of '{b.Experiment}' by {b.Metric} ({(b.Maximize ? "higher" : "lower")} is better), {b.RankedRuns} ranked runs:\n\n");
        t.AppendLine($"| rank | run | {b.Metric} | status | note |").AppendLine("|---|---|---|---|---|");
        foreach (var r in b.Rows)
        {
            var note = r.SuggestionId is null ? "" : $"suggested ({r.SuggestionId})" + (r.Improved == true ? string.Create(CultureInfo.InvariantCulture, $", improved {r.RelativeGain:+0.0%;-0.0%} over the best earlier run") : ", no improvement");
            t.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {(r.Best ? "★ 1" : r.Rank.ToString(CultureInfo.InvariantCulture))} | {(r.Best ? "**" + r.RunName + "**" : r.RunName)} | {r.Value:G4} | {r.Status} | {note} |"));
        }

        foreach (var r in b.Rows.Where(r => r.SuggestionExplanation is not null))
            t.AppendLine().Append($"{r.RunName} came from suggestion {r.SuggestionId}: {r.SuggestionExplanation}");
        return t.ToString().TrimEnd();
    }
}
