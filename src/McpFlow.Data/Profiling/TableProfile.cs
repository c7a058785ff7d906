namespace McpFlow.Data.Profiling;

/// <summary>The profile of a table.</summary>
/// <param name="Table">Table name.</param>
/// <param name="Rows">Row count.</param>
/// <param name="ColumnCount">Columns in the table (profiled columns are in <see cref="Columns"/>).</param>
/// <param name="Approximate">True when distinct counts and quantiles are estimates (rows above <see cref="ProfileSettings.ExactRowLimit"/>).</param>
/// <param name="EstimatedBytes">DuckDB's estimate of the table's size in memory.</param>
/// <param name="MissingCells">NULL cells over the profiled columns.</param>
/// <param name="DuplicateRows">Rows that repeat an earlier row exactly.</param>
/// <param name="Columns">Per-column profiles.</param>
/// <param name="Correlations">All correlations computed.</param>
/// <param name="SpearmanSampled">True when Spearman used a reservoir sample.</param>
/// <param name="Alerts">Alerts, most important first.</param>
/// <param name="Estimators">How the statistics are defined.</param>
/// <param name="ElapsedMs">Time taken.</param>
public sealed record TableProfile(string Table, long Rows, int ColumnCount, bool Approximate, long? EstimatedBytes, long MissingCells, long DuplicateRows,
    IReadOnlyList<ColumnProfile> Columns, IReadOnlyList<Correlation> Correlations, bool SpearmanSampled, IReadOnlyList<Alert> Alerts,
    IReadOnlyDictionary<string, string> Estimators, double ElapsedMs);
