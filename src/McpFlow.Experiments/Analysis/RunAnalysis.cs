namespace McpFlow.Experiments.Analysis;

/// <summary>The result of <c>analyze_mlflow_runs</c>.</summary>
public sealed record RunAnalysis(
    string Experiment,
    string ExperimentId,
    string Metric,
    bool Maximize,
    int RunCount,
    int RunsWithMetric,
    IReadOnlyList<RankedRun> BestRuns,
    IReadOnlyList<ParameterSummary> Parameters,
    string ImportanceMethod,
    IReadOnlyList<CurveFinding> Curves,
    TrendFinding Trend,
    IReadOnlyList<string> FailedOrDiverged,
    IReadOnlyList<string> Overfitting,
    IReadOnlyList<string> Recommendations,
    IReadOnlyList<string> Charts);

/// <summary>A run with its metric value and rank (1 = best).</summary>
public sealed record RankedRun(int Rank, string RunId, string RunName, double Value, string Status, IReadOnlyDictionary<string, string> Params);

/// <summary>A parameter: constant or varying, its values, and its importance for the metric.</summary>
/// <param name="Name">Param name.</param>
/// <param name="Constant">True when every run used the same value.</param>
/// <param name="Numeric">True when every value parses as a number.</param>
/// <param name="Values">Distinct values, the first <see cref="MaxListedValues"/> of them.</param>
/// <param name="Importance">|Spearman ρ| for numeric params, correlation ratio η on metric ranks for categorical; null when constant or too few runs.</param>
/// <param name="Correlation">Signed Spearman ρ for numeric params (positive: larger values go with larger metric).</param>
/// <param name="DistinctCount">How many distinct values the runs used (all of them, not only the listed ones).</param>
public sealed record ParameterSummary(string Name, bool Constant, bool Numeric, IReadOnlyList<string> Values, double? Importance, double? Correlation, int DistinctCount)
{
    /// <summary>Distinct values listed per parameter (the count is always complete).</summary>
    public const int MaxListedValues = 20;
}

/// <summary>Plateau and trend of one run's metric curve.</summary>
public sealed record CurveFinding(string RunId, string RunName, int Points, long LastStep, bool Plateaued, long? PlateauStep, double? ValueAtPlateau, double FinalBest, double FlatShare);

/// <summary>How the metric moved across runs (in start-time order).</summary>
/// <param name="SlopePerRun">Least-squares slope of the metric per run.</param>
/// <param name="RecentRuns">Runs in the recent window (last 5).</param>
/// <param name="RecentSpread">Max minus min of the metric in that window.</param>
/// <param name="RecentMean">Mean of the metric in that window.</param>
/// <param name="Stalled">True when the recent runs (at least 3) lie within 1% of their mean: they no longer improve on each other.</param>
public sealed record TrendFinding(double SlopePerRun, int RecentRuns, double RecentSpread, double RecentMean, bool Stalled);
