using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Files;
using McpFlow.Core.Ids;
using McpFlow.Core.Mcp;
using McpFlow.Core.Workspace;

namespace McpFlow.Pipelines.Tuning;

/// <summary>Tuning folders in the workspace (<c>tunes/&lt;tune id&gt;/</c>): the state saved after every round, the chart
/// and the leaderboard. Writes replace the state file atomically, so a kill between rounds leaves the last good one.</summary>
public sealed class TuneStore(McpFlowWorkspace workspace, TimeProvider time)
{
    private const string StateFile = "state.json";

    /// <summary>The tunes folder.</summary>
    public string Root => workspace.Folder("tunes");

    /// <summary>A new id, e.g. <c>tune-20261203-101500-ab12cd</c>.</summary>
    public string NewId() => $"tune-{time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>The folder of a tuning (created).</summary>
    public string Folder(string tuneId)
    {
        var folder = WorkspaceIds.ChildFolder(Root, IdKind.Tune, tuneId, "spec");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Saves the state (write to a temporary file, then move over the old one).</summary>
    public void Save(TuneState state)
    {
        var folder = Folder(state.TuneId);
        AtomicFile.WriteAllText(Path.Combine(folder, StateFile), JsonSerializer.Serialize(state, McpFlowJson.Indented));
    }

    /// <summary>The saved state of <paramref name="tuneId"/>, or an actionable not-found error.</summary>
    public TuneState Load(string tuneId)
    {
        var folder = WorkspaceIds.ChildFolder(Root, IdKind.Tune, tuneId, "spec");
        var file = Path.Combine(folder, StateFile);
        if (!File.Exists(file))
            throw McpFlowException.NotFound($"No tuning with id '{tuneId}'.", "Start one with pipeline_tune; its result has the tune_id.");
        return JsonSerializer.Deserialize<TuneState>(File.ReadAllText(file), McpFlowJson.Options)
            ?? throw McpFlowException.Invalid($"The state of tuning '{tuneId}' is empty.", "Start a new tuning with pipeline_tune.");
    }
}
