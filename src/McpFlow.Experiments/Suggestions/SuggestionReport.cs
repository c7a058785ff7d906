using McpFlow.Core.Tracking;

namespace McpFlow.Experiments.Suggestions;

/// <summary>The result of <c>suggest_hyperparams</c>.</summary>
/// <param name="Experiment">Experiment name.</param>
/// <param name="Metric">Target metric.</param>
/// <param name="Maximize">Direction.</param>
/// <param name="Method">How the suggestions were made.</param>
/// <param name="Space">The search space, one line per parameter, saying how each range was obtained.</param>
/// <param name="Notes">Params left out, runs skipped, and why.</param>
/// <param name="RunsUsed">Observations the surrogate was fitted on.</param>
/// <param name="BestObserved">Best metric value observed.</param>
/// <param name="BestRun">Name of the run that reached it.</param>
/// <param name="Suggestions">The suggestions, saved with ids.</param>
public sealed record SuggestionReport(
    string Experiment, string Metric, bool Maximize, string Method, IReadOnlyList<string> Space, IReadOnlyList<string> Notes,
    int RunsUsed, double? BestObserved, string? BestRun, IReadOnlyList<ExplainedSuggestion> Suggestions);

/// <summary>A saved suggestion with the parameters that drive it.</summary>
/// <param name="Suggestion">The stored suggestion (id, params, prediction, explanation).</param>
/// <param name="Drivers">Params ordered by relevance to the surrogate (share of 1/ℓ).</param>
public sealed record ExplainedSuggestion(HyperparameterSuggestion Suggestion, IReadOnlyList<Driver> Drivers);

/// <summary>A param's relevance and how the suggestion changes it relative to the best run.</summary>
public sealed record Driver(string Param, double Relevance, string? BestRunValue, string SuggestedValue);
