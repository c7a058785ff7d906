namespace McpFlow.Pipelines.Series;

/// <summary>A change in mean in a table's series.</summary>
/// <param name="Index">Row position (0-based, time order) of the first row of the new level.</param>
/// <param name="Time">That row's time value as text.</param>
/// <param name="MeanBefore">Mean level of the segment before (deseasonalized when a season was removed).</param>
/// <param name="MeanAfter">Mean level of the segment from this row on.</param>
/// <param name="Shift">Change in noise standard deviations, (after - before) / σ.</param>
public sealed record ChangePointRow(int Index, string Time, double MeanBefore, double MeanAfter, double Shift);
