using Hangfire;

namespace McpFlow.Server.Team;

/// <summary>Activates McpFlow's runner and nothing else: a job naming another type (written into the shared database by
/// anyone else) is refused instead of instantiated.</summary>
internal sealed class RunnerOnlyActivator(HangfireJobRunner runner) : JobActivator
{
    /// <inheritdoc />
    public override object ActivateJob(Type jobType) =>
        jobType == typeof(HangfireJobRunner) ? runner : throw new InvalidOperationException($"McpFlow workers run only {nameof(HangfireJobRunner)} jobs, not {jobType}.");
}
