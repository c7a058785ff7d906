using McpFlow.Core.Runs;

namespace McpFlow.Physics.Tests.Training;

/// <summary>A recorder whose storage is broken: every call throws.</summary>
internal sealed class ThrowingRunRecorder : IRunRecorder
{
    public RunScope Begin(RunStart start) => throw new IOException("disk full");

    public Task<RecordedRun> CompleteAsync(RunScope run, RunOutcome outcome, CancellationToken cancellationToken) => throw new IOException("disk full");

    public Task FailAsync(RunScope run, string error, CancellationToken cancellationToken) => throw new IOException("disk full");
}
