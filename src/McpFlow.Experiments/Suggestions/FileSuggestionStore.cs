using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Ids;
using McpFlow.Core.Mcp;
using McpFlow.Core.Tracking;
using McpFlow.Core.Workspace;

namespace McpFlow.Experiments.Suggestions;

/// <summary>Keeps hyperparameter suggestions as JSON files in the workspace (<c>suggestions/&lt;id&gt;.json</c>); an id
/// becomes a file name only after it passes <see cref="IdKind.Suggestion"/>'s shape.</summary>
public sealed class FileSuggestionStore(McpFlowWorkspace workspace) : ISuggestionStore
{
    private string Folder => workspace.Folder("suggestions");

    /// <inheritdoc />
    public void Save(HyperparameterSuggestion suggestion)
    {
        File.WriteAllText(FileOf(suggestion.Id), JsonSerializer.Serialize(suggestion, McpFlowJson.Indented));
    }

    /// <inheritdoc />
    public HyperparameterSuggestion Get(string id)
    {
        var path = FileOf(id);
        if (!File.Exists(path))
            throw McpFlowException.NotFound($"Suggestion '{id}' does not exist.", "Call suggest_hyperparams to make suggestions; their ids look like sug-20261123-101500-ab12cd-1.");
        return JsonSerializer.Deserialize<HyperparameterSuggestion>(File.ReadAllText(path), McpFlowJson.Options)
            ?? throw McpFlowException.NotFound($"Suggestion '{id}' is empty.");
    }

    /// <summary>All stored suggestions, newest first.</summary>
    public IReadOnlyList<HyperparameterSuggestion> List() =>
        Directory.EnumerateFiles(Folder, "*.json")
            .Select(f => JsonSerializer.Deserialize<HyperparameterSuggestion>(File.ReadAllText(f), McpFlowJson.Options))
            .OfType<HyperparameterSuggestion>().OrderByDescending(s => s.CreatedAt).ToList();

    private string FileOf(string id) => WorkspaceIds.ChildFolder(Folder, IdKind.Suggestion, id, "suggestion_id") + ".json";
}
