using System.Text.Json.Nodes;
using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;
using McpFlow.Core.Jobs;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpFlow.Core.Mcp;

/// <summary>
/// Lets a tool start a job and wait a short while for it: the call returns the result when the job finishes
/// within the wait, otherwise the job id (the job goes on). Progress is forwarded as MCP progress
/// notifications while the call waits.
/// </summary>
public sealed class JobCalls(JobManager jobs, McpFlowOptions options)
{
    /// <summary>Longest wait a client may ask for (<c>wait_seconds</c>) and an operator may configure (<c>--job-wait</c>),
    /// in seconds: clients cut tool calls at about 60 s, and an answer needs some seconds after the wait. The
    /// <c>wait_seconds</c> descriptions say "0-45" (a test checks they match this constant).</summary>
    public const double MaxWaitSeconds = 45;

    private static readonly TimeSpan MinNotificationInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Waits for <paramref name="handle"/> up to <paramref name="waitSeconds"/> (default: configured)
    /// and returns the tool result. If the client cancels the call during the wait, the job is cancelled too
    /// (the client never learned its id). A wait outside 0-<see cref="MaxWaitSeconds"/> is refused (the job is
    /// cancelled): callers check it before starting the job (<see cref="CheckWait"/>) to refuse without starting.</summary>
    public async Task<CallToolResult> AwaitAsync(JobHandle handle, IProgress<ProgressNotificationValue>? progress,
        double? waitSeconds, CancellationToken cancellationToken)
    {
        try
        {
            CheckWait(waitSeconds);
        }
        catch (McpFlowException)
        {
            handle.RequestCancel();
            throw;
        }

        var wait = TimeSpan.FromSeconds(Math.Clamp(waitSeconds ?? options.Jobs.WaitSeconds, 0, MaxWaitSeconds));
        JobRecord record;
        using (Forward(handle, progress))
        {
            try
            {
                record = await jobs.WaitAsync(handle.Id, wait, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                handle.RequestCancel();
                throw;
            }
        }

        return Describe(record);
    }

    /// <summary>Waits on an existing job (used by job_status).</summary>
    public async Task<CallToolResult> WatchAsync(string jobId, IProgress<ProgressNotificationValue>? progress,
        double waitSeconds, CancellationToken cancellationToken)
    {
        CheckWait(waitSeconds);
        var handle = jobs.TryGetHandle(jobId);
        var wait = TimeSpan.FromSeconds(Math.Clamp(waitSeconds, 0, MaxWaitSeconds));
        using (handle is null ? null : Forward(handle, progress))
            return Describe(await jobs.WaitAsync(jobId, wait, cancellationToken));
    }

    /// <summary>Refuses a <c>wait_seconds</c> argument outside 0-<see cref="MaxWaitSeconds"/> (null means the configured wait).</summary>
    public static void CheckWait(double? waitSeconds)
    {
        if (waitSeconds is { } w && !(w >= 0 && w <= MaxWaitSeconds))
            throw McpFlowException.Invalid($"wait_seconds must be between 0 and {MaxWaitSeconds} (clients cut calls at about 60 s); got {w}.",
                "E.g. wait_seconds=30; the job goes on after the wait, follow it with job_status.");
    }

    /// <summary>The tool result describing a job's record (and its result when finished).</summary>
    public CallToolResult Describe(JobRecord record)
    {
        var result = record.State == JobState.Succeeded ? jobs.GetResult(record.Id) : null;
        var job = System.Text.Json.JsonSerializer.SerializeToNode(record, McpFlowJson.Options)!.AsObject();
        // A finished job's summary is this result's text: repeated here it would count twice against the result budget
        // (ResultBudget); the result's structured content carries the same essentials.
        if (result is not null)
            job.Remove("resultSummary");
        var structured = new JsonObject
        {
            ["job"] = job,
            ["result"] = result?.Data?.DeepClone(),
        };
        var text = record.State switch
        {
            JobState.Succeeded => $"Job {record.Id} ({record.Title}) finished.\n\n{result?.Summary ?? record.ResultSummary}",
            JobState.Failed => $"Job {record.Id} ({record.Title}) failed: {record.Error}",
            JobState.Cancelled => $"Job {record.Id} ({record.Title}) was cancelled.",
            JobState.Interrupted => $"Job {record.Id} ({record.Title}) was interrupted: {record.Error}",
            _ => $"Job {record.Id} ({record.Title}) is {record.State.ToString().ToLowerInvariant()}" +
                 (record.Progress is { } p ? $": {p.Message}" + (p.Fraction is { } f ? $" ({f:P0})" : "") : ".") +
                 "\nIt continues in the background.",
        };
        if (record.Note is { } note)
            text += $"\nNote: {note}";
        // One path for every job's hints: a running job's are how to follow it, a finished job's are its result's own
        // (JobResult.NextSteps), so a client reading only the structured content gets the same as the text's reader.
        IReadOnlyList<string> next = record.State switch
        {
            JobState.Queued or JobState.Running =>
                [$"Call job_status with job_id=\"{record.Id}\" (and wait_seconds up to {MaxWaitSeconds}) to follow it, or job_cancel to stop it."],
            JobState.Succeeded => result?.NextSteps ?? [],
            _ => [],
        };
        var images = (result?.Artifacts ?? [])
            .Where(a => a.EndsWith(".png", StringComparison.OrdinalIgnoreCase) && File.Exists(a))
            .Select(a => (ContentBlock)ToolResults.Png(File.ReadAllBytes(a)));
        var callResult = ToolResults.Create(text, structured, next, images);
        callResult.IsError = record.State is JobState.Failed or JobState.Interrupted ? true : null;
        return callResult;
    }

    private static Unsubscribe? Forward(JobHandle handle, IProgress<ProgressNotificationValue>? progress)
    {
        if (progress is null)
            return null;
        var last = DateTimeOffset.MinValue;
        var gate = new object();
        void OnProgress(JobProgress p)
        {
            lock (gate)
            {
                if (p.At - last < MinNotificationInterval && p.Fraction is not 1.0)
                    return;
                last = p.At;
            }

            progress.Report(new ProgressNotificationValue
            {
                Progress = (float)((p.Fraction ?? 0) * 100),
                Total = p.Fraction is null ? null : 100,
                Message = p.Message,
            });
        }

        handle.ProgressChanged += OnProgress;
        return new Unsubscribe(() => handle.ProgressChanged -= OnProgress);
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
