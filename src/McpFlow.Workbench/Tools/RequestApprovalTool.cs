using System.ComponentModel;
using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using McpFlow.Workbench.Approval;
using McpFlow.Workbench.Records;
using McpFlow.Workbench.Runs;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Workbench.Tools;

/// <summary>The <c>workbench_request_approval</c> tool: asks the user through an MCP elicitation form.</summary>
[McpServerToolType]
public sealed class RequestApprovalTool(RunStore store, RunDecisions decisions, WorkbenchOptions options)
{
    /// <summary>Asks the user for a decision.</summary>
    [McpServerTool(Name = "workbench_request_approval", Title = "Request approval", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Asks the user via a form to approve or reject a reviewed run.")]
    public async Task<CallToolResult> Request(
        McpServer server,
        [Description("Run id, e.g. \"run-20261123-101500-ab12cd\".")] string run_id,
        CancellationToken cancellationToken)
    {
        var run = store.Load(RunIds.Require(run_id));
        RunStateMachine.Ensure(run.RunId, run.State, RunState.Approved);
        if (server.ClientCapabilities?.Elicitation is null)
            throw McpFlowException.Unavailable("This client does not support elicitation (forms), so the decision cannot be asked here.",
                $"Show the card (workbench_run_card), ask the user in chat, then record their answer with workbench_decide run_id=\"{run.RunId}\".");
        var result = await server.ElicitAsync(ApprovalForm.Create(run), cancellationToken);
        if (!result.IsAccepted)
        {
            var action = result.Action ?? "cancel";
            return ToolResults.Create($"The user {(action == "decline" ? "declined" : "cancelled")} the approval form; run {run.RunId} stays {run.State.Name()} and nothing was recorded.",
                new { runId = run.RunId, state = run.State.Name(), elicitation = action });
        }

        var content = result.Content ?? new Dictionary<string, JsonElement>();
        var decision = DecisionNames.Parse(Text(content, ApprovalForm.DecisionField));
        var interpretation = Text(content, ApprovalForm.InterpretationField);
        if (decision == Decision.Approve && interpretation is not null && interpretation.Trim() != run.Manifest.Summary?.Trim())
            decision = Decision.ApproveWithEdits; // the user edited the pre-filled text while choosing "approve"
        var decided = decisions.Decide(run.RunId, decision, decision == Decision.Approve ? null : interpretation, Text(content, ApprovalForm.FeedbackField),
            Text(content, ApprovalForm.ReviewerField) ?? options.DefaultReviewer, "elicitation");
        return DecisionResult.Create(decided, "elicitation");
    }

    private static string? Text(IDictionary<string, JsonElement> content, string field) =>
        content.TryGetValue(field, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}
