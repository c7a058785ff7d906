namespace McpFlow.Core.Tuning;

/// <summary>One finished evaluation: the hyperparameters tried (MLflow param strings) and the score (null: failed).</summary>
/// <param name="Params">Hyperparameters by name.</param>
/// <param name="Score">Cross-validated score, or null when the evaluation failed.</param>
public sealed record TuningObservation(IReadOnlyDictionary<string, string> Params, double? Score);
