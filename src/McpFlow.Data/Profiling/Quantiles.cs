namespace McpFlow.Data.Profiling;

/// <summary>The quantile levels reported for numeric columns.</summary>
public static class Quantiles
{
    /// <summary>5th, 25th, 50th, 75th, 95th percentiles.</summary>
    public static readonly IReadOnlyList<double> Levels = [0.05, 0.25, 0.5, 0.75, 0.95];

    /// <summary>Labels matching <see cref="Levels"/>.</summary>
    public static readonly IReadOnlyList<string> Labels = ["p5", "p25", "p50", "p75", "p95"];
}
