using System.Collections.Concurrent;

namespace McpFlow.Data.Transformations;

/// <summary>Remembers the latest suggestions per table so they can be applied by id.</summary>
public sealed class SuggestionCache
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<Suggestion>> _byTable = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Stores the suggestions of a table.</summary>
    public void Store(string table, IReadOnlyList<Suggestion> suggestions) => _byTable[table] = suggestions;

    /// <summary>The suggestion (or alternative) with <paramref name="id"/> for <paramref name="table"/>, if suggested in this session.</summary>
    public Suggestion? Find(string table, string id) =>
        _byTable.TryGetValue(table, out var list)
            ? list.SelectMany(s => s.Alternatives.Prepend(s)).FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase))
            : null;
}
