using System.ComponentModel;
using McpFlow.Core.Mcp;
using McpFlow.Core.Runs;
using McpFlow.Core.Tracking;
using McpFlow.Experiments.Registry;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Experiments.Tools;

/// <summary>The <c>mlflow_register_model</c> tool.</summary>
[McpServerToolType]
[UsesTrackingServer]
public sealed class RegisterModelTool(ModelRegistryService registry, IApprovalGate gate)
{
    /// <summary>Registers a run's model as a new version.</summary>
    [McpServerTool(Name = "mlflow_register_model", Title = "Register a model", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Registers a run's model as a new version; gated.")]
    public async Task<CallToolResult> Register(
        [Description("Run id, e.g. \"6f1a2b3c4d5e\".")] string run_id,
        [Description("Model name, e.g. \"churn\".")] string name,
        [Description("Approved run, e.g. \"run-20261123-101500-ab12cd\".")] string? approved_run_id = null,
        CancellationToken cancellationToken = default)
    {
        RegistryNames.RequireModelName(name);
        gate.EnsureAllowed(GatedActions.RegisterModel, approved_run_id, run_id);
        var version = await registry.RegisterAsync(run_id, name, new Dictionary<string, string>(), cancellationToken);
        var uri = $"models:/{version.Name}/{version.Version}";
        return ToolResults.Create($"Registered {uri} from run {version.RunId} (source {version.Source}, stage {version.CurrentStage}).",
            new { version, uri },
            [$"mlflow_set_model_alias name=\"{version.Name}\" version={version.Version} alias=\"challenger\" names it; alias \"champion\" needs an approved run.",
             $"pipeline_predict model_id=\"{uri}\" scores a table with it."]);
    }
}
