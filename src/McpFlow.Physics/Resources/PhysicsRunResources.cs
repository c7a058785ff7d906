using System.ComponentModel;
using System.Text.Json;
using McpFlow.Core.Mcp;
using McpFlow.Physics.Training;
using ModelContextProtocol.Server;

namespace McpFlow.Physics.Resources;

/// <summary>PINN runs as MCP resources.</summary>
[McpServerResourceType]
public sealed class PhysicsRunResources(PinnRunStore store)
{
    /// <summary>One run: settings, spec, state, final metrics and the logged history.</summary>
    [McpServerResource(UriTemplate = "physics://runs/{run_id}", Name = "physics_run", Title = "PINN run", MimeType = "application/json")]
    [Description("A PINN run of this workspace: spec, training settings, state, final metrics and the logged loss history.")]
    public string Run([Description("PINN run id (pinn-yyyyMMdd-HHmmss-xxxx) as pinn_list_runs returns it; never a path, e.g. \"pinn-20261123-103000-ab12\".")] string run_id)
    {
        var run = store.Get(run_id);
        return JsonSerializer.Serialize(new { run, history = run.History() }, McpFlowJson.Indented);
    }

    /// <summary>The list of runs.</summary>
    [McpServerResource(UriTemplate = "physics://runs", Name = "physics_runs", Title = "PINN runs", MimeType = "application/json")]
    [Description("The PINN runs of this workspace, newest first, with state and final metrics.")]
    public string Runs() =>
        JsonSerializer.Serialize(store.List().Select(r => new { r.Id, r.State, problem = r.Spec.Preset ?? "custom", r.Final, r.StartedAt, r.Folder }), McpFlowJson.Indented);
}
