namespace McpFlow.Core.Configuration;

/// <summary>Background-job behaviour.</summary>
public sealed class JobOptions
{
    /// <summary>How long a tool that starts a job waits for it before returning the job id, in seconds.
    /// Default: 20; clients cut calls at about 60 s, so values above 50 are refused.</summary>
    public double WaitSeconds { get; set; } = 20;

    /// <summary>Jobs running at once; further jobs queue. Default: 2 (one per core on the reference machine).</summary>
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>Longest a distributed job may run on a worker before it is stopped and marked failed, in seconds (team
    /// mode). Default: 3600.</summary>
    public double TimeLimitSeconds { get; set; } = 3600;

    /// <summary>How long a job fetched by a worker that stopped renewing it (the worker died) stays invisible before
    /// another worker runs it again, in seconds (team mode; Hangfire's invisibility timeout, renewed by a live worker
    /// every fifth of it). Default: 300.</summary>
    public double RetryAfterSeconds { get; set; } = 300;

    /// <summary>Run as a team-mode job worker instead of serving MCP (<c>--worker</c>). Default: false.</summary>
    public bool Worker { get; set; }

    /// <summary>CPU threads one job may use in ML.NET's tree trainers and LightGBM on a worker (<c>--job-threads</c>).
    /// Default: 0, meaning the cores divided among <see cref="MaxConcurrent"/> jobs (at least 1). Not used in single-user
    /// mode, where the engines keep their default (every core).</summary>
    public int ThreadsPerJob { get; set; }

    /// <summary>The queues a worker serves (<c>--queues</c>, e.g. <c>physics</c> on the GPU machine, <c>pipelines,reports</c>
    /// on a CPU box). Default: empty, meaning every distributable kind's queue.</summary>
    public List<string> WorkerQueues { get; set; } = [];
}
