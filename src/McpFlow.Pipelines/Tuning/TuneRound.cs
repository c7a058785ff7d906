namespace McpFlow.Pipelines.Tuning;

/// <summary>One finished round of a tuning loop.</summary>
/// <param name="Round">1-based round number.</param>
/// <param name="Params">Hyperparameters tried (MLflow param strings, canonical names).</param>
/// <param name="Score">Mean of the primary metric over the folds, or null when the round failed.</param>
/// <param name="Std">Sample standard deviation of the primary metric over the folds.</param>
/// <param name="Improved">True when the round beat every earlier round.</param>
/// <param name="RunId">MLflow run id of the round (null without tracking).</param>
/// <param name="Error">Why the round failed (an McpFlow message or an exception type), or null.</param>
public sealed record TuneRound(int Round, IReadOnlyDictionary<string, string> Params, double? Score, double? Std, bool Improved, string? RunId, string? Error = null);
