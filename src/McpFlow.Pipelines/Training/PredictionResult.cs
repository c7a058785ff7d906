namespace McpFlow.Pipelines.Training;

/// <summary>The outcome of pipeline_predict.</summary>
/// <param name="ModelId">Model used.</param>
/// <param name="Table">Input table.</param>
/// <param name="OutputTable">New table: the input rows that could be scored plus prediction columns.</param>
/// <param name="Rows">Rows predicted.</param>
/// <param name="SkippedRows">Input rows without a prediction (forecasting: the first rows lack lag history).</param>
/// <param name="Preview">First predictions (up to 10).</param>
/// <param name="Summary">Distribution of predictions: class counts, or min/mean/max.</param>
public sealed record PredictionResult(string ModelId, string Table, string OutputTable, int Rows, int SkippedRows,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Preview, IReadOnlyDictionary<string, double> Summary)
{
    /// <summary>Per-prediction contributions, when asked for (null otherwise).</summary>
    public Explanations.ContributionReport? Contributions { get; init; }
}
