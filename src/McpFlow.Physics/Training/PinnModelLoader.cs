using McpFlow.Core.Errors;
using McpFlow.Physics.Engine;
using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Training;

/// <summary>Rebuilds a run's model from its folder: the final model.pt, or the latest checkpoint of a run still
/// training (or stopped).</summary>
public sealed class PinnModelLoader(TorchRuntime runtime)
{
    /// <summary>Loads the model of <paramref name="run"/>; the caller disposes it.</summary>
    public (PinnModel Model, string File) Load(PinnRun run)
    {
        var file = Path.Combine(run.Folder, "model.pt");
        if (!File.Exists(file))
        {
            file = Directory.EnumerateFiles(run.Folder, "checkpoint-*.pt").Order(StringComparer.Ordinal).LastOrDefault()
                   ?? throw McpFlowException.Conflict($"Run {run.Id} has no saved model yet (state {run.State}).",
                       $"Wait for its first checkpoint (every {run.Options.CheckpointEvery} steps) or for it to finish.");
        }

        var problem = run.Problem ?? PdeSpecCompiler.Compile(run.Spec);
        var model = new PinnModel(problem, run.Options, runtime.Device);
        try
        {
            model.Network.load(file);
        }
        catch (Exception ex) when (ex is not McpFlowException)
        {
            model.Dispose();
            throw McpFlowException.Conflict($"Could not load {Path.GetFileName(file)} of run {run.Id}: {ex.Message}");
        }

        return (model, file);
    }
}
