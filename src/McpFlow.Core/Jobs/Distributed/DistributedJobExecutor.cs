using System.Text.Json.Nodes;
using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;
using McpFlow.Core.Identity;
using McpFlow.Core.Ids;
using McpFlow.Core.Workspace;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace McpFlow.Core.Jobs.Distributed;

/// <summary>
/// Runs a distributed job on a worker: rebuilds it from its kind and parameters, records the worker and the attempt,
/// streams progress into the engine (at most once a second), enforces the time limit
/// (<see cref="JobOptions.TimeLimitSeconds"/>), and stores the result or the client-safe failure. A job cancelled
/// through the engine ends as cancelled; a worker that is shutting down rethrows, so the engine runs the job again
/// elsewhere (as it does when a worker dies mid-job). The job runs as the user who started it (<see cref="CallerScope"/>).
/// </summary>
public sealed class DistributedJobExecutor(
    IJobEngine engine, DistributedJobKinds kinds, IEnumerable<IDistributedJobHandler> handlers, McpFlowWorkspace workspace, McpFlowOptions options,
    TimeProvider time, ILogger<DistributedJobExecutor>? logger = null)
{
    private static readonly TimeSpan PersistInterval = TimeSpan.FromSeconds(1);
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>Executes job <paramref name="jobId"/>; <paramref name="stop"/> is the engine's token (job deleted or worker stopping).</summary>
    public async Task ExecuteAsync(string jobId, string kind, string parametersJson, CancellationToken stop)
    {
        WorkspaceIds.Require(IdKind.Job, jobId, "job_id");
        var record = engine.Find(jobId) ?? throw new InvalidOperationException($"Job {jobId} has no McpFlow record in the engine.");
        if (record.State.IsFinal())
            return; // Cancelled before a worker took it.
        // The job runs as the user who started it: what it records (runs, audit entries) names them, not the worker.
        using var caller = record.StartedBy is null ? null : CallerScope.Enter(record.StartedBy == Caller.LocalName
            ? Caller.Local
            : new Caller(record.StartedBy, record.StartedByRole ?? UserRole.Viewer, MaySelfApprove: false));
        var registered = kinds.Find(kind);
        var handler = registered is null ? null : handlers.FirstOrDefault(h => h.GetType() == registered.Handler);
        if (registered is null || handler is null)
        {
            engine.Save(record with
            {
                State = JobState.Failed,
                FinishedAt = time.GetUtcNow(),
                Error = $"This worker cannot run jobs of kind '{ArgumentEcho.Show(kind)}'; start the worker from the same McpFlow version as the server.",
            });
            return;
        }

        var latest = record with
        {
            State = JobState.Running,
            StartedAt = time.GetUtcNow(),
            Attempt = (record.Attempt ?? 0) + 1,
            ProcessId = Environment.ProcessId,
            RunsOn = $"worker {Environment.MachineName} (pid {Environment.ProcessId}), queue '{registered.Queue}'",
            Progress = null,
            Error = null,
            Note = null,
        };
        engine.Save(latest);
        var gate = new Lock();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(options.Jobs.TimeLimitSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, limit.Token);
        void OnProgress(JobProgress progress)
        {
            JobRecord? persist = null;
            lock (gate)
            {
                var due = latest.Progress is null || progress.At - latest.Progress.At >= PersistInterval || progress.Fraction is 1.0;
                latest = latest with { Progress = progress };
                if (due)
                    persist = latest;
            }

            if (persist is not null)
                TrySave(persist);
        }

        var folder = Path.Combine(workspace.Root, "jobs", jobId);
        Directory.CreateDirectory(folder);
        void OnNote(string text)
        {
            JobRecord noted;
            lock (gate)
                noted = latest = latest with { Note = text };
            TrySave(noted);
        }

        var context = new JobContext(jobId, folder, linked.Token, OnProgress, time, latest.Attempt ?? 1, OnNote);
        // Per-job resources on a worker: the time limit above, and the threads ML.NET and LightGBM may use (JobThreads).
        using var threads = JobThreads.Enter(JobThreads.Budget(options.Jobs));
        try
        {
            var parameters = JsonNode.Parse(parametersJson) ?? throw new InvalidOperationException("The job's parameters are empty.");
            var result = await handler.RunAsync(parameters, context).ConfigureAwait(false);
            linked.Token.ThrowIfCancellationRequested();
            engine.SaveResult(jobId, result);
            lock (gate)
                latest = latest with { State = JobState.Succeeded, FinishedAt = time.GetUtcNow(), ResultSummary = result.Summary, Artifacts = result.Artifacts };
            engine.Save(latest);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            if (limit.IsCancellationRequested && !stop.IsCancellationRequested)
            {
                Finish(JobState.Failed, $"Stopped after the time limit of {options.Jobs.TimeLimitSeconds:0} s (--job-time-limit on the worker).");
                return;
            }

            if (engine.Find(jobId)?.State != JobState.Cancelled)
                throw; // The worker is stopping: the engine gives the job to another worker.
            Finish(JobState.Cancelled, "Cancelled on request; the worker stopped it.");
        }
#pragma warning disable CA1031 // Boundary: a job's failure of any type is contained in its record and the log.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var message = ArgumentEcho.Shorten(ErrorReport.ForClient(ex, kind), ArgumentEcho.Texts(record.Parameters));
            _logger.LogError(ex, "Distributed job {JobId} ({Kind}) failed (log id {LogId})", jobId, kind, ErrorReport.LogId(ex));
            Finish(JobState.Failed, message);
        }

        void Finish(JobState state, string error)
        {
            lock (gate)
                latest = latest with { State = state, FinishedAt = time.GetUtcNow(), Error = error };
            engine.Save(latest);
        }
    }

    private void TrySave(JobRecord record)
    {
        try
        {
            engine.Save(record);
        }
#pragma warning disable CA1031 // Progress is best effort: a storage hiccup must not stop the training.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogWarning(ex, "Could not store the progress of job {JobId}", record.Id);
        }
    }
}
