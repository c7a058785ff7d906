namespace McpFlow.Core.Tracking;

/// <summary>
/// A hyperparameter suggestion made by <c>suggest_hyperparams</c>, stored in the workspace so a training tool can
/// accept it by id ("start a run with the suggested params").
/// </summary>
/// <param name="Id">Suggestion id, e.g. <c>sug-20261123-101500-ab12cd-1</c>.</param>
/// <param name="Experiment">Experiment name the suggestion is for.</param>
/// <param name="Metric">Target metric, e.g. <c>accuracy</c>.</param>
/// <param name="Maximize">True when larger is better.</param>
/// <param name="Parameters">Suggested parameter values as MLflow param strings, e.g. <c>learning_rate=0.003</c>.</param>
/// <param name="PredictedValue">Surrogate's predicted metric value, when available.</param>
/// <param name="PredictedStd">Surrogate's predictive standard deviation, when available.</param>
/// <param name="ExpectedImprovement">Expected improvement over the best run, when available.</param>
/// <param name="Explanation">Plain-words explanation, kept on the leaderboard.</param>
/// <param name="CreatedAt">When it was made.</param>
public sealed record HyperparameterSuggestion(
    string Id,
    string Experiment,
    string Metric,
    bool Maximize,
    IReadOnlyDictionary<string, string> Parameters,
    double? PredictedValue,
    double? PredictedStd,
    double? ExpectedImprovement,
    string Explanation,
    DateTimeOffset CreatedAt);
