namespace McpFlow.Pipelines.Series;

/// <summary>A spike in a table's series.</summary>
/// <param name="Index">Row position in time order (0-based).</param>
/// <param name="Time">The row's time value as text (ISO 8601 for dates and timestamps).</param>
/// <param name="Value">Observed value.</param>
/// <param name="Expected">Robust expectation (trailing median plus the seasonal offset).</param>
/// <param name="Score">Robust z-score; positive above, negative below the expectation.</param>
/// <param name="PValue">Approximate two-sided normal p-value of the score.</param>
public sealed record SpikeRow(int Index, string Time, double Value, double Expected, double Score, double PValue);
