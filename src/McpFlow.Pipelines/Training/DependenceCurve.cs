namespace McpFlow.Pipelines.Training;

/// <summary>A feature's partial dependence: the final model's average output as the feature takes each grid value
/// while every other feature keeps its observed values.</summary>
/// <param name="Feature">Feature name.</param>
/// <param name="Output">What is averaged, e.g. "predicted price" or "probability of class 'yes'".</param>
/// <param name="Values">Grid of the feature's raw values (its quantiles in the data).</param>
/// <param name="Average">Average output at each grid value.</param>
public sealed record DependenceCurve(string Feature, string Output, double[] Values, double[] Average);
