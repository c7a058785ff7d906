using McpFlow.Core.Errors;
using McpFlow.Core.Runs;
using McpFlow.Workbench.Records;
using McpFlow.Workbench.Runs;

namespace McpFlow.Workbench.Approval;

/// <summary>
/// The <see cref="IApprovalGate"/>: a gated action proceeds only for a run that is APPROVED now, which means its
/// records and outputs are intact (hand-edited records are refused) and its inputs are unchanged (a changed input
/// makes the run STALE). When the action publishes what one MLflow run produced (a model version), the approved run
/// must also be the step that logged that MLflow run (its manifest's tracking run id): approving one training does not
/// let another run's model be registered or made champion.
/// </summary>
public sealed class ApprovalGate(WorkbenchOptions options, RunStore store) : IApprovalGate
{
    /// <inheritdoc />
    public void EnsureAllowed(string action, string? runId, string? trackingRunId = null)
    {
        if (!options.IsGated(action))
            return;
        if (string.IsNullOrWhiteSpace(runId))
            throw McpFlowException.Forbidden($"'{action}' is gated: it publishes results, which must come from an APPROVED workbench run, and no run was named.",
                "Record the step as a run, present it (workbench_run_card), get it approved (workbench_request_approval or workbench_decide), then pass its run_id.");
        if (!RunIds.IsValid(runId) || !store.Exists(runId))
            throw McpFlowException.Forbidden($"'{action}' is gated and run '{runId}' does not exist.", "Call workbench_list_runs to see the runs and their states.");
        RunSnapshot run;
        try
        {
            run = store.Load(runId);
        }
        catch (McpFlowException ex) when (ex.Kind == ErrorKind.Conflict)
        {
            throw McpFlowException.Forbidden($"'{action}' refused: {ex.Message}", ex.Hint);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Fails closed, and says why in words the model can pass on (the exception's own text can name paths).
            throw McpFlowException.Forbidden(
                $"'{action}' refused: the records of run {runId} could not be read ({ex.GetType().Name}), so its approval cannot be confirmed.",
                $"Ask the operator to check that the workspace's runs/{runId} folder is readable and the disk is healthy, then retry; workbench_run_card run_id=\"{runId}\" shows whether the run reads again.");
        }

        if (run.State == RunState.Approved)
        {
            if (trackingRunId is not null && !string.Equals(run.Manifest.TrackingRunId, trackingRunId, StringComparison.Ordinal))
                throw McpFlowException.Forbidden(
                    $"'{action}' refused: run {runId} is APPROVED, but it " +
                    (run.Manifest.TrackingRunId is { } logged ? $"logged MLflow run {logged}" : "logged no MLflow run") +
                    $", not run {trackingRunId} whose model this publishes. An approval covers only the step that was reviewed.",
                    $"Pass the workbench run that trained MLflow run {trackingRunId} (pipeline_train and pinn_train record one: its workbenchRun.runId), approved, as approved_run_id.");
            return;
        }

        var hint = run.State switch
        {
            RunState.Reviewed => $"Present it (workbench_run_card) and ask for a decision (workbench_request_approval run_id=\"{runId}\").",
            RunState.Executed => $"Self-review it (workbench_review run_id=\"{runId}\"), then ask for a decision.",
            RunState.Rejected => $"It was rejected ({run.CurrentDecision?.Feedback}); re-execute it with the feedback (workbench_record_run rerun_of=\"{runId}\") and get the new attempt approved.",
            _ => $"Its inputs changed or it never completed; re-execute it (workbench_record_run rerun_of=\"{runId}\") and get it approved.",
        };
        throw McpFlowException.Forbidden($"'{action}' is gated and run {runId} is {run.State.Name()}, not APPROVED.", hint);
    }
}
