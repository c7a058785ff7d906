using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Ids;
using McpFlow.Core.Mcp;
using McpFlow.Core.Workspace;
using McpFlow.Pipelines.Specs;

namespace McpFlow.Pipelines.Storage;

/// <summary>
/// Pipeline files in the workspace (<c>pipelines/</c>): specs by id, trained model folders, and per experiment the
/// scores of every pipeline run (to tell whether a new run beat the previous best).
/// </summary>
public sealed class PipelineStore(McpFlowWorkspace workspace, TimeProvider time)
{
    private readonly object _lock = new();

    /// <summary>The pipelines folder.</summary>
    public string Root => workspace.Folder("pipelines");

    /// <summary>Saves a spec and returns its id (e.g. <c>pl-20261123-101500-ab12cd</c>).</summary>
    public string SaveSpec(PipelineSpec spec)
    {
        var id = $"pl-{time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var folder = Path.Combine(Root, "specs");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, id + ".json"), spec.ToJson());
        return id;
    }

    /// <summary>A spec given by id or as JSON text.</summary>
    public PipelineSpec Resolve(string specOrId)
    {
        var text = specOrId.Trim();
        if (text.StartsWith('{'))
            return PipelineSpec.FromJson(text);
        WorkspaceIds.Require(IdKind.Pipeline, text, "spec");
        var file = Path.Combine(Root, "specs", text + ".json");
        if (!File.Exists(file))
            throw McpFlowException.NotFound($"No pipeline spec with id '{text}'.", "Call generate_pipeline first; it returns the spec_id.");
        return PipelineSpec.FromJson(File.ReadAllText(file));
    }

    /// <summary>A new folder for a trained model.</summary>
    public string NewModelFolder(string name)
    {
        var folder = Path.Combine(Root, "models", $"{name}-{time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..4]}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The folder of a saved model by its id (folder name), or a not-found error.</summary>
    public string ModelFolder(string modelId)
    {
        var folder = WorkspaceIds.ChildFolder(Path.Combine(Root, "models"), IdKind.Model, modelId, "model_id");
        return Directory.Exists(folder) ? folder
            : throw McpFlowException.NotFound($"No trained model '{modelId}'.", "Train one with pipeline_train; it returns the model_id.");
    }

    /// <summary>Records a run's primary score in its experiment.</summary>
    public void Record(string experiment, ScoreEntry entry)
    {
        lock (_lock)
        {
            var entries = Scores(experiment).ToList();
            entries.Add(entry);
            File.WriteAllText(ScoresFile(experiment), JsonSerializer.Serialize(entries, McpFlowJson.Indented));
        }
    }

    /// <summary>Scores recorded for an experiment.</summary>
    public IReadOnlyList<ScoreEntry> Scores(string experiment)
    {
        lock (_lock)
        {
            var file = ScoresFile(experiment);
            return File.Exists(file) ? JsonSerializer.Deserialize<List<ScoreEntry>>(File.ReadAllText(file), McpFlowJson.Options) ?? [] : [];
        }
    }

    /// <summary>The best recorded entry of an experiment for a metric, or null.</summary>
    public ScoreEntry? Best(string experiment, string metric, bool maximize)
    {
        var entries = Scores(experiment).Where(e => e.Metric == metric && !double.IsNaN(e.Value)).ToList();
        if (entries.Count == 0)
            return null;
        return maximize ? entries.MaxBy(e => e.Value) : entries.MinBy(e => e.Value);
    }

    private string ScoresFile(string experiment)
    {
        var folder = Path.Combine(Root, "scores");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, Core.Charts.ChartRenderer.SafeName(experiment) + ".json");
    }
}
