using McpFlow.Core.Errors;
using McpFlow.Core.Identity;
using McpFlow.Workbench.Records;

namespace McpFlow.Workbench.Runs;

/// <summary>Applies human decisions to REVIEWED runs and writes <c>approval.json</c>. In HTTP team mode the decision
/// is the current caller's (<see cref="CallerScope"/>): only an approver decides, the reviewer recorded is the user
/// (not a name the model passes), and an approver may not approve a run they recorded unless allowed
/// (<see cref="Caller.MaySelfApprove"/>; always for the single local user).</summary>
public sealed class RunDecisions(RunStore store)
{
    /// <summary>Longest interpretation or feedback text accepted (characters).</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>Records a decision; returns the run afterwards.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="decision">approve, approve_with_edits or reject.</param>
    /// <param name="interpretation">The edited interpretation (required for approve_with_edits; for approve the draft summary is used).</param>
    /// <param name="feedback">Why (required for reject, optional otherwise).</param>
    /// <param name="reviewer">Who decided.</param>
    /// <param name="channel"><c>elicitation</c> or <c>tool</c>.</param>
    public RunSnapshot Decide(string runId, Decision decision, string? interpretation, string? feedback, string reviewer, string channel)
    {
        if (interpretation?.Length > MaxTextLength || feedback?.Length > MaxTextLength)
            throw McpFlowException.Invalid($"interpretation and feedback are limited to {MaxTextLength} characters.");
        var caller = CallerScope.Current;
        if (!caller.Has(UserRole.Approver))
            throw McpFlowException.Forbidden($"User '{caller.Name}' has the role {caller.Role.Name()}; only an approver may decide on run {runId}.",
                "Ask an approver to decide; workbench_run_card shows the run.");
        if (!caller.IsLocal)
            reviewer = caller.Name;
        using var held = store.Exclusive(runId);
        lock (store.Sync)
        {
            var run = store.Load(runId);
            if (decision != Decision.Reject && !caller.MaySelfApprove && string.Equals(run.Manifest.RecordedBy, caller.Name, StringComparison.Ordinal))
                throw McpFlowException.Forbidden($"User '{caller.Name}' recorded run {runId}, so another approver must approve it.",
                    "Ask another approver to decide on it (you may still reject it with feedback); an operator can allow self-approval with http.allowSelfApproval (docs/deployment.md).");
            var target = decision.Outcome();
            RunStateMachine.Ensure(runId, run.State, target);
            var approved = decision switch
            {
                Decision.ApproveWithEdits when string.IsNullOrWhiteSpace(interpretation) =>
                    throw McpFlowException.Invalid("approve_with_edits needs the edited interpretation text.", "Pass interpretation=\"…\", or use decision=approve to keep the draft."),
                Decision.ApproveWithEdits => interpretation!.Trim(),
                Decision.Approve when !string.IsNullOrWhiteSpace(interpretation) && interpretation.Trim() != run.Manifest.Summary?.Trim() =>
                    throw McpFlowException.Invalid("decision=approve keeps the draft interpretation, but a different interpretation was given.",
                        "Use decision=approve_with_edits to approve with the edited text."),
                Decision.Approve => run.Manifest.Summary ?? "",
                _ => null,
            };
            if (decision == Decision.Reject && string.IsNullOrWhiteSpace(feedback))
                throw McpFlowException.Invalid("A rejection needs feedback: what should the re-execution change?",
                    "Pass feedback=\"…\", e.g. \"use a temporal split instead of a random one\".");
            var previous = run.Approval;
            var record = new ApprovalRecord
            {
                RunId = runId, Attempt = run.Manifest.Attempt, Decision = decision, Interpretation = approved,
                Feedback = string.IsNullOrWhiteSpace(feedback) ? null : feedback.Trim(),
                Reviewer = string.IsNullOrWhiteSpace(reviewer) ? "user" : reviewer.Trim(), DecidedAt = store.Time.GetUtcNow(), Channel = channel,
                FailedChecksAtDecision = run.Review?.Checks.Where(c => !c.Passed).Select(c => c.Check).ToList() ?? [],
                Earlier = previous is null ? [] : [.. previous.Earlier, previous with { Earlier = [] }],
            };
            store.Write(runId, RunStore.ApprovalFile, record, target.Name(), $"decision: {decision.Name()}", decision.Name());
            var manifest = store.Transition(run.Manifest, target, $"{decision.Name()} by {record.Reviewer} via {channel}");
            store.WriteManifest(manifest, decision.OutcomeWord());
            return run with { Manifest = manifest, Approval = record };
        }
    }
}
