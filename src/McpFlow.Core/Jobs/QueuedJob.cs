namespace McpFlow.Core.Jobs;

/// <summary>A submitted job in the <see cref="JobQueue{T}"/>: its handle and the work to run when it gets a slot.</summary>
internal sealed record QueuedJob(JobHandle Handle, Func<JobContext, Task<JobResult>> Work);
