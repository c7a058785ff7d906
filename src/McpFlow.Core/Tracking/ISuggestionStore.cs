namespace McpFlow.Core.Tracking;

/// <summary>Stores hyperparameter suggestions so they can be accepted by id. Implemented by the experiments group;
/// without it, Core's <see cref="AbsentSuggestionStore"/> refuses both calls with an actionable message.</summary>
public interface ISuggestionStore
{
    /// <summary>Persists a suggestion.</summary>
    void Save(HyperparameterSuggestion suggestion);

    /// <summary>Returns a suggestion, or throws an actionable not-found <c>McpFlowException</c>.</summary>
    HyperparameterSuggestion Get(string id);
}
