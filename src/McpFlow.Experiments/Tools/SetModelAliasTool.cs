using System.ComponentModel;
using McpFlow.Core.Mcp;
using McpFlow.Core.Runs;
using McpFlow.Core.Tracking;
using McpFlow.Experiments.Registry;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Experiments.Tools;

/// <summary>The <c>mlflow_set_model_alias</c> tool.</summary>
[McpServerToolType]
[UsesTrackingServer]
public sealed class SetModelAliasTool(ModelRegistryService registry, IApprovalGate gate)
{
    /// <summary>Sets or removes an alias or tag, or moves a version to a stage.</summary>
    [McpServerTool(Name = "mlflow_set_model_alias", Title = "Update a model", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false)]
    [Description("Sets or removes a model alias or tag, or moves a stage; champion and Production are gated.")]
    public async Task<CallToolResult> Set(
        [Description("Model name, e.g. \"churn\".")] string name,
        [Description("Version, e.g. 3.")] int? version = null,
        [Description("Alias or -alias; e.g. \"champion\".")] string? alias = null,
        [Description("Stage, e.g. \"Staging\".")] string? stage = null,
        [Description("Archive others, e.g. true.")] bool archive_existing = false,
        [Description("Tag key=value or -key; e.g. \"team=risk\".")] string? tag = null,
        [Description("Approved run, e.g. \"run-20261123-101500-ab12cd\".")] string? approved_run_id = null,
        CancellationToken cancellationToken = default)
    {
        var change = ModelChange.Parse(name, version, alias, stage, archive_existing, tag);
        if (change.Publishes)
        {
            // The approval must cover the training that produced this version, not any approved step.
            var published = await registry.Registry.GetModelVersionAsync(name, change.Version!.Value, cancellationToken);
            gate.EnsureAllowed(GatedActions.RegisterModel, approved_run_id, published.RunId ?? "(none recorded)");
        }

        var done = await change.ApplyAsync(registry.Registry, cancellationToken);
        object result = version is { } v
            ? new { name, changes = done, version = await registry.Registry.GetModelVersionAsync(name, v, cancellationToken) }
            : new { name, changes = done, model = await registry.Registry.GetRegisteredModelAsync(name, cancellationToken) };
        return ToolResults.Create($"{name}: {string.Join("; ", done)}.", result,
            [$"mlflow_models name=\"{name}\" shows the versions, aliases and stages."]);
    }
}
