namespace McpFlow.Experiments.Optimization;

/// <summary>One point proposed by the engine, in the original metric's units.</summary>
/// <param name="X">Unit-cube features.</param>
/// <param name="Params">Decoded params (MLflow strings).</param>
/// <param name="Method"><c>bayesian</c> (GP + log-EI) or <c>space-filling</c> (Latin hypercube, too few runs for a model).</param>
/// <param name="PredictedMean">Surrogate's predicted metric.</param>
/// <param name="PredictedStd">Surrogate's predictive standard deviation.</param>
/// <param name="ExpectedImprovement">Expected improvement over the best observed value (metric units).</param>
/// <param name="Relevance">Relevance of each param to the surrogate, 1/ℓ normalised to sum to 1.</param>
public sealed record EngineSuggestion(
    double[] X, Dictionary<string, string> Params, string Method, double? PredictedMean, double? PredictedStd, double? ExpectedImprovement,
    IReadOnlyDictionary<string, double> Relevance);
