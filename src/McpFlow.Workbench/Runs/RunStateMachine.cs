using McpFlow.Core.Errors;
using McpFlow.Workbench.Records;

namespace McpFlow.Workbench.Runs;

/// <summary>
/// The legal transitions: STALE → EXECUTED (outputs recorded), EXECUTED → REVIEWED (self-review),
/// REVIEWED → REVIEWED (review again), REVIEWED → APPROVED | REJECTED (human decision), and any executed state →
/// STALE (an input changed, or a REJECTED run is re-executed). Everything else is refused with a message that
/// says what to do instead.
/// </summary>
public static class RunStateMachine
{
    /// <summary>True when <paramref name="from"/> → <paramref name="to"/> is legal.</summary>
    public static bool IsLegal(RunState from, RunState to) => (from, to) switch
    {
        (RunState.Stale, RunState.Executed) => true,
        (RunState.Executed, RunState.Reviewed) => true,
        (RunState.Reviewed, RunState.Reviewed) => true,
        (RunState.Reviewed, RunState.Approved) => true,
        (RunState.Reviewed, RunState.Rejected) => true,
        (RunState.Executed or RunState.Reviewed or RunState.Approved or RunState.Rejected, RunState.Stale) => true,
        _ => false,
    };

    /// <summary>Throws a Conflict error naming the run, both states and the way forward unless the transition is legal.</summary>
    public static void Ensure(string runId, RunState from, RunState to)
    {
        if (IsLegal(from, to))
            return;
        throw McpFlowException.Conflict($"Run {runId} is {from.Name()}; it cannot become {to.Name()}.", Hint(runId, from, to));
    }

    private static string Hint(string runId, RunState from, RunState to) => (from, to) switch
    {
        (RunState.Approved, _) => $"Run {runId} is approved and its records are final; record a new run (workbench_record_run) for new results.",
        (RunState.Rejected, RunState.Approved or RunState.Rejected) => $"Re-execute the rejected run first: workbench_record_run with rerun_of=\"{runId}\" and the new outputs.",
        (RunState.Stale, _) => $"Run {runId} must be (re-)executed first: workbench_record_run with rerun_of=\"{runId}\".",
        (RunState.Executed, _) => $"Self-review it first: workbench_review with run_id=\"{runId}\".",
        (_, RunState.Executed) => $"Only STALE or REJECTED runs are re-executed; run {runId} is waiting for a decision (workbench_request_approval or workbench_decide).",
        _ => "Legal transitions: STALE→EXECUTED→REVIEWED→APPROVED|REJECTED; REJECTED or changed inputs→STALE.",
    };
}
