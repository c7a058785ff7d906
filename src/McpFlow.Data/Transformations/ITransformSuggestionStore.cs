namespace McpFlow.Data.Transformations;

/// <summary>Where <c>suggest_transformations</c> keeps its suggestions for <c>data_apply_transformation</c>: the
/// workspace database (<see cref="SuggestionStore"/>), or in team mode the team database
/// (<see cref="PostgresSuggestionStore"/>), so an id made through one server is applied through another.</summary>
public interface ITransformSuggestionStore
{
    /// <summary>Stores the suggestions of <paramref name="table"/> (and their alternatives), replacing earlier ones.</summary>
    void Store(string table, IReadOnlyList<Suggestion> suggestions);

    /// <summary>The suggestion with exactly <paramref name="id"/> for <paramref name="table"/>, or an actionable error.</summary>
    Suggestion Find(string table, string? id);
}
