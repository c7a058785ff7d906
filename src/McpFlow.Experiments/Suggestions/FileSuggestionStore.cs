using System.Text.Json;
using System.Text.RegularExpressions;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using McpFlow.Core.Tracking;
using McpFlow.Core.Workspace;

namespace McpFlow.Experiments.Suggestions;

/// <summary>Keeps hyperparameter suggestions as JSON files in the workspace (<c>suggestions/&lt;id&gt;.json</c>).</summary>
public sealed partial class FileSuggestionStore(McpFlowWorkspace workspace) : ISuggestionStore
{
    private string Folder => workspace.Folder("suggestions");

    /// <inheritdoc />
    public void Save(HyperparameterSuggestion suggestion)
    {
        Validate(suggestion.Id);
        File.WriteAllText(Path.Combine(Folder, suggestion.Id + ".json"), JsonSerializer.Serialize(suggestion, McpFlowJson.Indented));
    }

    /// <inheritdoc />
    public HyperparameterSuggestion Get(string id)
    {
        Validate(id);
        var path = Path.Combine(Folder, id + ".json");
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

    private static void Validate(string id)
    {
        if (string.IsNullOrWhiteSpace(id) || !IdPattern().IsMatch(id))
            throw McpFlowException.Invalid($"Invalid suggestion id '{id}'.", "Suggestion ids contain letters, digits and dashes, e.g. sug-20261123-101500-ab12cd-1.");
    }

    [GeneratedRegex("^[A-Za-z0-9_\\-]{1,100}\\z")]
    private static partial Regex IdPattern();
}
