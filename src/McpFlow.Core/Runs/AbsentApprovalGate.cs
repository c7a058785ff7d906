using McpFlow.Core.Errors;
using McpFlow.Core.Workspace;

namespace McpFlow.Core.Runs;

/// <summary>
/// The <see cref="IApprovalGate"/> Core registers when no group implements one (a host built without the workbench
/// group). Gates are configured in <see cref="GatedActions.SettingsFile"/> in the workspace and only the workbench
/// group can evaluate them, so the fallback fails closed: with no settings file there is no gate configured and every
/// action proceeds; once the file exists (checked on every call), every gateable action is refused with a message
/// saying what to do.
/// </summary>
public sealed class AbsentApprovalGate(McpFlowWorkspace workspace) : IApprovalGate
{
    /// <inheritdoc />
    public void EnsureAllowed(string action, string? runId, string? trackingRunId = null)
    {
        if (!File.Exists(Path.Combine(workspace.Root, GatedActions.SettingsFile)))
            return; // no gate configured
        throw McpFlowException.Forbidden(
            $"'{action}' refused: the workspace's {GatedActions.SettingsFile} configures approval gates, and this server has no workbench group to evaluate them.",
            $"Run the server with the workbench group (it is part of the default build), or remove {GatedActions.SettingsFile} from the workspace if no action should be gated.");
    }
}
