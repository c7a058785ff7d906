namespace McpFlow.Core.Runs;

/// <summary>
/// Gives every analysis step that produces artifacts (a profile, a transformation, a training, an evaluation, a
/// report) a workbench run: a folder for its outputs and manifest/review/approval records. Implemented by the
/// workbench group. Usage: <c>var run = recorder.Begin(...)</c>, write outputs into <c>run.Folder</c>, then
/// <c>await recorder.CompleteAsync(run, outcome, ct)</c>, which self-reviews the outputs. Without the workbench group,
/// Core's <see cref="AbsentRunRecorder"/> stands in.
/// </summary>
public interface IRunRecorder
{
    /// <summary>False for <see cref="AbsentRunRecorder"/>, which Core registers when no group records runs: callers
    /// (through <see cref="RunRecording.RecordAsync"/>) then record nothing. True for every real recorder.</summary>
    bool IsAvailable => true;

    /// <summary>Creates the run folder and its manifest (state: not yet executed).</summary>
    RunScope Begin(RunStart start);

    /// <summary>Records outputs, metrics and summary, runs the self-review checks and returns the run's state.</summary>
    Task<RecordedRun> CompleteAsync(RunScope run, RunOutcome outcome, CancellationToken cancellationToken);

    /// <summary>Records that the step failed (kept for the audit trail).</summary>
    Task FailAsync(RunScope run, string error, CancellationToken cancellationToken);
}
