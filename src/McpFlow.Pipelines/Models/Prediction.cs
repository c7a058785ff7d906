namespace McpFlow.Pipelines.Models;

/// <summary>Predictions for a batch of rows.</summary>
/// <param name="Values">Numeric prediction (regression, forecasting) or anomaly score; empty otherwise.</param>
/// <param name="Classes">Predicted class or cluster index; empty for numeric tasks.</param>
/// <param name="Scores">Per-row class scores (classification), for AUC; null when unavailable.</param>
public sealed record Prediction(double[] Values, int[] Classes, IReadOnlyList<double[]>? Scores);
