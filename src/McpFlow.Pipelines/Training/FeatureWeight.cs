namespace McpFlow.Pipelines.Training;

/// <summary>A feature's permutation importance.</summary>
/// <param name="Feature">Feature name.</param>
/// <param name="Importance">Mean worsening of the primary metric when the feature is shuffled (over held-out folds × shuffles).</param>
/// <param name="Std">Standard deviation of those samples (the spread).</param>
/// <param name="Samples">How many samples (folds × shuffles).</param>
public sealed record FeatureWeight(string Feature, double Importance, double Std, int Samples);
