using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Experiments.Tracking;

namespace McpFlow.Experiments.Registry;

/// <summary>
/// Where a run's model is, as the version's <c>source</c>. MLflow's <c>register_model("runs:/&lt;id&gt;/&lt;path&gt;")</c>
/// stores the run's artifact location joined with the model's path (RunsArtifactRepository.get_underlying_uri);
/// McpFlow knows three kinds of run with a model: pipeline_train (tag <c>mcpflow.model_id</c>; the model file,
/// preprocessor and <c>pipeline_spec.json</c> are logged at the artifact root, so the source is the root),
/// pinn_train (tag <c>mcpflow.physics_run_id</c>; the network stays in the workspace's PINN run folder, the source is
/// the artifact root with the charts), and runs that logged an MLflow model (tag <c>mlflow.log-model.history</c>, a
/// JSON list whose last entry names the model's <c>artifact_path</c>).
/// </summary>
public static class RunModelSource
{
    /// <summary>Tag pipeline_train writes with the saved model's id.</summary>
    public const string ModelIdTag = "mcpflow.model_id";

    /// <summary>Tag pinn_train writes with the PINN run id.</summary>
    public const string PhysicsRunTag = "mcpflow.physics_run_id";

    /// <summary>MLflow's tag listing the models a run logged.</summary>
    public const string LogModelHistoryTag = "mlflow.log-model.history";

    /// <summary>The source of the run's model, or an error saying the run has none.</summary>
    public static string Find(MlflowRun run)
    {
        if (string.IsNullOrEmpty(run.ArtifactUri))
            throw McpFlowException.Invalid($"Run {run.RunId} has no artifact location, so it has no model to register.");
        var root = run.ArtifactUri.TrimEnd('/');
        if (run.Tags.ContainsKey(ModelIdTag) || run.Tags.ContainsKey(PhysicsRunTag))
            return root;
        if (run.Tags.TryGetValue(LogModelHistoryTag, out var history) && LastModelPath(history) is { } path)
            return root + "/" + path;
        throw McpFlowException.Invalid($"Run {run.RunId} logged no model (no {ModelIdTag}, {PhysicsRunTag} or {LogModelHistoryTag} tag).",
            "Register a run of pipeline_train or pinn_train, or an MLflow run that logged a model (mlflow.<flavor>.log_model).");
    }

    private static string? LastModelPath(string history)
    {
        try
        {
            using var doc = JsonDocument.Parse(history);
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
                return null;
            var last = doc.RootElement.EnumerateArray().LastOrDefault(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("artifact_path", out _));
            var path = last.ValueKind == JsonValueKind.Object ? last.GetProperty("artifact_path").GetString() : null;
            // An artifact path is relative and climbs nowhere; anything else is not a model path this store wrote.
            return path is { Length: > 0 } && !path.StartsWith('/') && path.Split('/').All(s => s is not ("" or "." or "..")) ? path : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
