namespace McpFlow.Core.Runs;

/// <summary>
/// The <see cref="IRunRecorder"/> Core registers when no group records runs (a host built without the workbench group):
/// <see cref="IsAvailable"/> is false, so <see cref="RunRecording.RecordAsync"/> records nothing and tools answer without
/// a workbench run. Calling it directly is a programming error.
/// </summary>
public sealed class AbsentRunRecorder : IRunRecorder
{
    private const string NotAvailable = "No run recorder is registered (the workbench group is absent); check IsAvailable or use RunRecording.RecordAsync.";

    /// <inheritdoc />
    public bool IsAvailable => false;

    /// <inheritdoc />
    public RunScope Begin(RunStart start) => throw new InvalidOperationException(NotAvailable);

    /// <inheritdoc />
    public Task<RecordedRun> CompleteAsync(RunScope run, RunOutcome outcome, CancellationToken cancellationToken) =>
        throw new InvalidOperationException(NotAvailable);

    /// <inheritdoc />
    public Task FailAsync(RunScope run, string error, CancellationToken cancellationToken) => throw new InvalidOperationException(NotAvailable);
}
