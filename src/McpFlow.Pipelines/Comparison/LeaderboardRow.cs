namespace McpFlow.Pipelines.Comparison;

/// <summary>One model on the leaderboard.</summary>
/// <param name="Rank">1 is best by the primary metric.</param>
/// <param name="Trainer">Trainer name.</param>
/// <param name="IsBaseline">True for the dummy baselines.</param>
/// <param name="Metrics">Mean metrics over the folds (training_seconds is the total).</param>
/// <param name="Std">Standard deviation of each metric over the folds.</param>
/// <param name="RunId">Tracking run id (null when tracking is not available).</param>
public sealed record LeaderboardRow(int Rank, string Trainer, bool IsBaseline, IReadOnlyDictionary<string, double> Metrics, IReadOnlyDictionary<string, double> Std, string? RunId);
