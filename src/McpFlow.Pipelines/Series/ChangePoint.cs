namespace McpFlow.Pipelines.Series;

/// <summary>A change in mean found by <see cref="ChangePointDetector"/>.</summary>
/// <param name="Index">Position of the first value of the new segment.</param>
/// <param name="MeanBefore">Mean of the segment that ends before <paramref name="Index"/>.</param>
/// <param name="MeanAfter">Mean of the segment that starts at <paramref name="Index"/>.</param>
/// <param name="Shift">(MeanAfter - MeanBefore) / σ, the size of the change in noise standard deviations.</param>
public sealed record ChangePoint(int Index, double MeanBefore, double MeanAfter, double Shift);
