using McpFlow.Core.Tracking;
using McpFlow.Experiments.Tracking;

namespace McpFlow.Experiments.Analysis;

/// <summary>Runs ranked by a metric; the best highlighted; runs made from a suggestion marked with its explanation
/// and whether they improved on the best run not made from a suggestion.</summary>
public static class Leaderboard
{
    /// <summary>Builds the leaderboard of <paramref name="runs"/> (runs without a finite value are left out).</summary>
    public static LeaderboardResult Build(string experiment, string metric, bool maximize, IEnumerable<MlflowRun> runs, int limit,
        Func<string, string?> suggestionExplanation)
    {
        var scored = runs.Where(r => r.Metric(metric) is { } v && double.IsFinite(v))
            .OrderBy(r => (maximize ? -1 : 1) * r.Metric(metric)!.Value).ThenBy(r => r.StartTime ?? 0).ToList();
        var baseline = scored.Where(r => !r.Tags.ContainsKey(TrackingTags.SuggestionId)).Select(r => r.Metric(metric)!.Value).ToList();
        double? baselineBest = baseline.Count == 0 ? null : maximize ? baseline.Max() : baseline.Min();
        var rows = scored.Take(limit).Select((r, i) =>
        {
            var value = r.Metric(metric)!.Value;
            var suggestionId = r.Tags.GetValueOrDefault(TrackingTags.SuggestionId);
            var explanation = suggestionId is null ? null : r.Tags.GetValueOrDefault(TrackingTags.SuggestionExplanation) ?? suggestionExplanation(suggestionId);
            bool? improved = suggestionId is null || baselineBest is null ? null : maximize ? value > baselineBest : value < baselineBest;
            double? gain = suggestionId is null || baselineBest is not { } b || b == 0 ? null : (maximize ? value - b : b - value) / Math.Abs(b);
            return new LeaderboardRow(i + 1, r.RunId, r.DisplayName, value, r.Status, i == 0, suggestionId, improved, gain, explanation, r.Params);
        }).ToList();
        return new LeaderboardResult(experiment, metric, maximize, scored.Count, baselineBest, rows);
    }
}

/// <summary>The leaderboard; <c>BaselineBest</c> is the best value among runs not made from a suggestion.</summary>
public sealed record LeaderboardResult(string Experiment, string Metric, bool Maximize, int RankedRuns, double? BaselineBest, IReadOnlyList<LeaderboardRow> Rows);

/// <summary>One leaderboard row. For suggested runs, <c>Improved</c> says whether it beat the best non-suggested
/// run and <c>RelativeGain</c> by how much, relative (0.05 = 5%).</summary>
public sealed record LeaderboardRow(int Rank, string RunId, string RunName, double Value, string Status, bool Best, string? SuggestionId, bool? Improved,
    double? RelativeGain, string? SuggestionExplanation, IReadOnlyDictionary<string, string> Params);
