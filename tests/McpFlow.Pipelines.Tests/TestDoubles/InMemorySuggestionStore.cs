using System.Collections.Concurrent;
using McpFlow.Core.Errors;
using McpFlow.Core.Tracking;

namespace McpFlow.Pipelines.Tests.TestDoubles;

/// <summary>Keeps suggestions in memory (the experiments group implements the real store).</summary>
public sealed class InMemorySuggestionStore : ISuggestionStore
{
    private readonly ConcurrentDictionary<string, HyperparameterSuggestion> _items = new();

    public void Save(HyperparameterSuggestion suggestion) => _items[suggestion.Id] = suggestion;

    public HyperparameterSuggestion Get(string id) =>
        _items.TryGetValue(id, out var s) ? s : throw McpFlowException.NotFound($"No suggestion '{id}'.", "Call suggest_hyperparams first.");
}
