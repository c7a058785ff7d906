namespace McpFlow.Core.Runs;

/// <summary>
/// Guards actions that must not proceed on unapproved results (exports, writes to user data, model registration,
/// final reports). Implemented by the workbench group; which actions are gated is configurable there. Tools call
/// it before acting; it throws an actionable <c>McpFlowException</c> (Forbidden) when the action is gated and the
/// run it publishes is not approved, or when the gate cannot be evaluated (fail closed). Without the workbench group,
/// Core's <see cref="AbsentApprovalGate"/> stands in.
/// </summary>
public interface IApprovalGate
{
    /// <summary>Throws unless <paramref name="action"/> may proceed for <paramref name="runId"/>.</summary>
    /// <param name="action">One of <see cref="GatedActions"/>.</param>
    /// <param name="runId">The workbench run whose results the action publishes, if any.</param>
    /// <param name="trackingRunId">When the action publishes what one MLflow run produced (a model version), that run's
    /// id: the approved workbench run must be the step that logged it, so an approval of one step cannot publish
    /// another's model.</param>
    void EnsureAllowed(string action, string? runId, string? trackingRunId = null);
}

/// <summary>Names of gateable actions.</summary>
public static class GatedActions
{
    /// <summary>File in the workspace folder that says which actions are gated (read by the workbench group; its mere
    /// presence makes <see cref="AbsentApprovalGate"/> refuse every gateable action).</summary>
    public const string SettingsFile = "workbench.json";

    /// <summary>Exporting a table or result to a file.</summary>
    public const string Export = "export";
    /// <summary>Writing to the user's own data (files or databases outside the workspace).</summary>
    public const string WriteUserData = "write_user_data";
    /// <summary>Registering a model.</summary>
    public const string RegisterModel = "register_model";
    /// <summary>Publishing a final report.</summary>
    public const string FinalReport = "final_report";
}
