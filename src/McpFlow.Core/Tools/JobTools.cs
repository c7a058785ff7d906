using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text;
using McpFlow.Core.Errors;
using McpFlow.Core.Jobs;
using McpFlow.Core.Mcp;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Tools;

/// <summary>The job tools: <c>job_status</c>, <c>job_list</c>, <c>job_cancel</c>.</summary>
[McpServerToolType]
public sealed class JobTools(JobManager jobs, JobCalls calls)
{
    /// <summary>Status of one job, optionally waiting for it.</summary>
    [McpServerTool(Name = "job_status", Title = "Background job status", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Shows a background job's state, progress and result; can wait for it.")]
    public Task<CallToolResult> Status(
        [Description("Job id, e.g. \"job-20261123-101500-ab12cd\".")] string job_id,
        [Description("Seconds to wait, 0-45; e.g. 30.")][Range(0.0, JobCalls.MaxWaitSeconds)] double wait_seconds = 0,
        IProgress<ProgressNotificationValue>? progress = null,
        CancellationToken cancellationToken = default) =>
        calls.WatchAsync(job_id, progress, wait_seconds, cancellationToken);

    /// <summary>Lists jobs.</summary>
    [McpServerTool(Name = "job_list", Title = "List jobs", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Lists background jobs, newest first, with state and progress.")]
    public CallToolResult List(
        [Description("Only this state, e.g. \"running\".")] string? state = null,
        [Description("Max jobs, 1-200; e.g. 50.")] int limit = 20)
    {
        JobState? filter = null;
        if (!string.IsNullOrWhiteSpace(state))
        {
            filter = Enum.TryParse<JobState>(state, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw McpFlowException.Invalid($"Unknown job state '{ArgumentEcho.Show(state)}'.", "Use one of: queued, running, succeeded, failed, cancelled, interrupted.");
        }

        if (limit is < 1 or > 200)
            throw McpFlowException.Invalid($"limit must be between 1 and 200; got {limit}.");
        var records = jobs.List(filter, limit);
        var text = new StringBuilder(records.Count == 0 ? "No jobs." : $"{records.Count} job(s):\n");
        foreach (var r in records)
            text.AppendLine($"- {r.Id} [{r.State.ToString().ToLowerInvariant()}] {r.Title}" + (r.Progress is { } p ? $" — {p.Message}" : ""));
        return ToolResults.Create(text.ToString().TrimEnd(), new { jobs = records });
    }

    /// <summary>Cancels a job.</summary>
    [McpServerTool(Name = "job_cancel", Title = "Cancel a job", ReadOnly = false, Idempotent = true, Destructive = true, OpenWorld = false)]
    [Description("Cancels a queued or running job; it keeps its checkpoints.")]
    public async Task<CallToolResult> Cancel(
        [Description("Job id, e.g. \"job-20261123-101500-ab12cd\".")] string job_id,
        CancellationToken cancellationToken)
    {
        jobs.Cancel(job_id);
        var record = await jobs.WaitAsync(job_id, TimeSpan.FromSeconds(5), cancellationToken);
        var text = record.State == JobState.Cancelled
            ? $"Job {job_id} was cancelled."
            : $"Cancellation of job {job_id} was requested; it is {record.State.ToString().ToLowerInvariant()} and will stop at its next step.";
        return ToolResults.Create(text, new { job = record });
    }
}
