using McpFlow.Core.Errors;

namespace McpFlow.Core.Tracking;

/// <summary>
/// The <see cref="ISuggestionStore"/> Core registers when no group stores suggestions (a host built without the
/// experiments group): there are no suggestions, so both calls refuse with an actionable Unavailable error.
/// </summary>
public sealed class AbsentSuggestionStore : ISuggestionStore
{
    /// <inheritdoc />
    public void Save(HyperparameterSuggestion suggestion) => throw Unavailable();

    /// <inheritdoc />
    public HyperparameterSuggestion Get(string id) => throw Unavailable();

    private static McpFlowException Unavailable() =>
        McpFlowException.Unavailable("Suggestions are not available in this server (the experiments group is not installed).",
            "Pass the hyperparameters directly instead of suggestion_id.");
}
