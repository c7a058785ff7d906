namespace McpFlow.Pipelines.Splits;

/// <summary>One cross-validation fold: row positions for training and for testing.</summary>
/// <param name="Index">Fold number, from 0.</param>
/// <param name="Train">Training row positions.</param>
/// <param name="Test">Test row positions.</param>
public sealed record Fold(int Index, IReadOnlyList<int> Train, IReadOnlyList<int> Test);
