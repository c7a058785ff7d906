namespace McpFlow.Core.Jobs.Distributed;

/// <summary>
/// A distributed job engine shared by several McpFlow processes (team mode: Hangfire on PostgreSQL). Servers enqueue
/// and read; workers execute (<see cref="DistributedJobExecutor"/>) and write records, progress and results back, so
/// every server reads the same state. Ids are McpFlow job ids (<c>job-…</c>), checked before any look-up.
/// </summary>
public interface IJobEngine
{
    /// <summary>Enqueues a job of <paramref name="kind"/> (its record already filled in) with the parameters the
    /// worker rebuilds it from.</summary>
    void Enqueue(JobRecord record, DistributedJobKind kind, System.Text.Json.Nodes.JsonNode parameters);

    /// <summary>The job's record as every server sees it (the engine's own state folded in), or null when unknown.</summary>
    JobRecord? Find(string id);

    /// <summary>The stored result of a succeeded job, or null.</summary>
    JobResult? GetResult(string id);

    /// <summary>The newest jobs, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<JobRecord> List(int limit);

    /// <summary>Requests cancellation: a queued job never starts, a running one sees its token at the worker.</summary>
    void Cancel(string id);

    /// <summary>Stores a worker's view of the record (state, progress, timings).</summary>
    void Save(JobRecord record);

    /// <summary>Stores the result of a succeeded job (before its record says succeeded).</summary>
    void SaveResult(string id, JobResult result);
}
