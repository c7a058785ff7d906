namespace McpFlow.Pipelines.Training;

/// <summary>What pipeline_train is asked for.</summary>
/// <param name="Trainer">Trainer name; may come from the suggestion's <c>trainer</c> param.</param>
/// <param name="Hyperparameters">Given hyperparameters (MLflow-style strings).</param>
/// <param name="SuggestionId">Accepted suggestion id; its params are used.</param>
/// <param name="Experiment">Tracking experiment (default: the suggestion's, else pipelines-&lt;table&gt;).</param>
public sealed record TrainRequest(string? Trainer, IReadOnlyDictionary<string, string>? Hyperparameters, string? SuggestionId, string? Experiment);
