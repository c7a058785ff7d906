using McpFlow.Core.Errors;

namespace McpFlow.Core.Identity;

/// <summary>
/// Which role a tool needs: a tool whose effective read-only hint is true (<see cref="Mcp.ToolHints.Effective"/>, read by
/// <see cref="Mcp.RoleFilter"/>) is for
/// every role, a decision tool (<see cref="DecisionTools"/>) for approvers, every other tool for analysts. Gated actions
/// (exports, model registration, final reports, when <c>workbench.json</c> gates them) need an approver too, checked by
/// the approval gate at the moment the action would proceed (<see cref="EnsureApprover"/>).
/// </summary>
public static class ToolAccess
{
    /// <summary>Tools that record or change a decision: the run decisions and the model registry's aliases and stages
    /// (e.g. moving <c>champion</c>).</summary>
    public static readonly IReadOnlySet<string> DecisionTools = new HashSet<string>(StringComparer.Ordinal)
    {
        "workbench_decide", "workbench_request_approval", "mlflow_set_model_alias",
    };

    /// <summary>The role the tool <paramref name="name"/> needs; <paramref name="readOnly"/> is its effective read-only hint.</summary>
    public static UserRole Required(string name, bool readOnly) =>
        readOnly ? UserRole.Viewer : DecisionTools.Contains(name) ? UserRole.Approver : UserRole.Analyst;

    /// <summary>Throws a Forbidden error naming the role the tool needs unless <paramref name="caller"/> has it.</summary>
    public static void EnsureAllowed(Caller caller, string name, bool readOnly)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var required = Required(name, readOnly);
        if (caller.Has(required))
            return;
        throw McpFlowException.Forbidden(
            $"User '{caller.Name}' has the role {caller.Role.Name()}; {name} needs the role {required.Name()}.",
            required == UserRole.Approver
                ? "Ask an approver to make this decision; you can prepare it (workbench_run_card shows the run)."
                : "Use the read-only tools (tools/list shows the ones your role can call), or ask an analyst to run this step.");
    }

    /// <summary>Throws a Forbidden error unless the current caller is an approver: a gated action publishes results.</summary>
    public static void EnsureApprover(string action)
    {
        var caller = CallerScope.Current;
        if (caller.Has(UserRole.Approver))
            return;
        throw McpFlowException.Forbidden(
            $"'{action}' is a gated action and user '{caller.Name}' has the role {caller.Role.Name()}; only an approver may perform it.",
            "Get the run approved, then ask an approver to perform this action.");
    }
}
