using System.Text.Json.Nodes;

namespace McpFlow.Core.Jobs.Distributed;

/// <summary>
/// Runs one distributable kind of job from data alone: the parameters JSON it was enqueued with and a
/// <see cref="JobContext"/>. A worker process rebuilds the job with it (team mode), so the handler may use nothing of
/// the process that started the job except the shared workspace folder. Register it with
/// <see cref="DistributedJobKind"/>.
/// </summary>
public interface IDistributedJobHandler
{
    /// <summary>Runs the job; honours <see cref="JobContext.CancellationToken"/> and reports progress through the context.</summary>
    Task<JobResult> RunAsync(JsonNode parameters, JobContext context);
}
