namespace McpFlow.Pipelines.Comparison;

/// <summary>The model comparison's outcome.</summary>
/// <param name="Experiment">Tracking experiment the runs were logged in.</param>
/// <param name="Task">Task name.</param>
/// <param name="PrimaryMetric">Ranking metric.</param>
/// <param name="Maximize">True when larger is better.</param>
/// <param name="Folds">Folds used (1 for clustering and anomaly detection, which fit all rows).</param>
/// <param name="Rows">Rows evaluated.</param>
/// <param name="Leaderboard">Models, best first.</param>
/// <param name="Best">Best trainer.</param>
/// <param name="BestBeatsBaseline">True when the best non-baseline model beats every baseline.</param>
/// <param name="Seconds">Wall time of the comparison.</param>
public sealed record ComparisonResult(string Experiment, string Task, string PrimaryMetric, bool Maximize, int Folds, int Rows,
    IReadOnlyList<LeaderboardRow> Leaderboard, string Best, bool? BestBeatsBaseline, double Seconds);
