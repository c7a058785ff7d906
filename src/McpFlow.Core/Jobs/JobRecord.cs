using System.Text.Json.Nodes;

namespace McpFlow.Core.Jobs;

/// <summary>The persisted state of a job (<c>jobs/&lt;id&gt;/job.json</c> in the workspace).</summary>
public sealed record JobRecord
{
    /// <summary>Job id, e.g. <c>job-20261123-101500-ab12cd</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Kind of work, e.g. <c>pinn_training</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Short title.</summary>
    public required string Title { get; init; }

    /// <summary>Current state.</summary>
    public JobState State { get; init; }

    /// <summary>Parameters the job was started with (secrets removed).</summary>
    public JsonNode? Parameters { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it started working.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it reached a final state.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Latest progress.</summary>
    public JobProgress? Progress { get; init; }

    /// <summary>Error text for failed or interrupted jobs.</summary>
    public string? Error { get; init; }

    /// <summary>Summary of the result when succeeded.</summary>
    public string? ResultSummary { get; init; }

    /// <summary>Artifacts of the result.</summary>
    public IReadOnlyList<string>? Artifacts { get; init; }

    /// <summary>Process that ran the job, to tell a live job from one interrupted by a restart.</summary>
    public int ProcessId { get; init; }

    /// <summary>Where the job runs when not in the process that started it (team mode), e.g. "worker gpu1 (pid 812),
    /// queue 'physics'", or "this server (pid 77): kind runs in-process" for a kind that is not distributable. Null
    /// in single-user mode.</summary>
    public string? RunsOn { get; init; }

    /// <summary>Which attempt a distributed job is in: 2 or more after a worker died and another took the job over.</summary>
    public int? Attempt { get; init; }

    /// <summary>The user who started a distributed job (team mode), e.g. "ana": the worker runs it as them, so the run
    /// records and audit entries it writes name them. Null for in-process jobs (they inherit their caller).</summary>
    public string? StartedBy { get; init; }

    /// <summary>The role <see cref="StartedBy"/> had when starting the job.</summary>
    public Identity.UserRole? StartedByRole { get; init; }

    /// <summary>What the job said about how it started, e.g. "Resumed from checkpoint-0000400 (step 401 of 2000)" when a
    /// worker took over a training; null when it has nothing to say.</summary>
    public string? Note { get; init; }
}
