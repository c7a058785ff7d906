namespace McpFlow.Experiments.Analysis;

/// <summary>The result of <c>explain_run_difference</c>.</summary>
public sealed record RunDifference(
    string RunA,
    string RunB,
    string Metric,
    bool Maximize,
    double? FinalA,
    double? FinalB,
    string? BetterRun,
    IReadOnlyList<ParamDiff> ParamDiffs,
    IReadOnlyList<MetricDiff> MetricDiffs,
    IReadOnlyList<CurvePoint> Curve,
    string Explanation,
    IReadOnlyList<string> Charts);

/// <summary>A param that differs (missing on one side shows as null).</summary>
/// <param name="Name">Param name.</param>
/// <param name="A">Value in run A.</param>
/// <param name="B">Value in run B.</param>
/// <param name="Ratio">B / A when both are positive numbers.</param>
/// <param name="Importance">Importance of the param across the experiment (|Spearman ρ|), when known.</param>
public sealed record ParamDiff(string Name, string? A, string? B, double? Ratio, double? Importance);

/// <summary>A metric's final values in both runs.</summary>
public sealed record MetricDiff(string Name, double? A, double? B, double? Delta);

/// <summary>The target metric of both runs at a share of their common steps.</summary>
public sealed record CurvePoint(string At, long Step, double A, double B, double Gap);
