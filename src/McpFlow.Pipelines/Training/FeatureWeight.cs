namespace McpFlow.Pipelines.Training;

/// <summary>A feature's permutation importance.</summary>
/// <param name="Feature">Feature name.</param>
/// <param name="Importance">Drop of the primary metric when the feature is shuffled.</param>
public sealed record FeatureWeight(string Feature, double Importance);
