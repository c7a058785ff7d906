using McpFlow.Pipelines.Features;

namespace McpFlow.Pipelines.Models;

/// <summary>Rows given to a model: the preprocessed matrix plus the frame and row positions (baselines use them).</summary>
/// <param name="X">Feature matrix, one array per row.</param>
/// <param name="Frame">The frame the rows come from.</param>
/// <param name="Rows">Row positions in <paramref name="Frame"/>.</param>
public sealed record ModelInput(float[][] X, FeatureFrame Frame, IReadOnlyList<int> Rows);
