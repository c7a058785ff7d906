namespace McpFlow.Pipelines.Tuning;

/// <summary>Caps of a tuning loop (a model-driven call cannot ask for unbounded work).</summary>
public static class TuneLimits
{
    /// <summary>Default rounds (the benchmark budget).</summary>
    public const int DefaultRounds = 20;

    /// <summary>Most rounds of one tuning (the GP engine stays under a second per suggestion far beyond this).</summary>
    public const int MaxRounds = 200;

    /// <summary>Longest time budget: 24 hours.</summary>
    public const double MaxSeconds = 86_400;

    /// <summary>Largest bound accepted in a custom range (no trainer takes a hyperparameter above this).</summary>
    public const double MaxBound = 1_000_000;

    /// <summary>Leaderboard rows shown in the text (best first); the structured content and the saved file keep all.</summary>
    public const int RowsShown = 10;
}
