using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;
using McpFlow.Core.Workspace;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace McpFlow.Core.Jobs;

/// <summary>
/// Runs long work in the background with a bounded number of concurrent jobs (<see cref="JobOptions.MaxConcurrent"/>),
/// started in the order they were submitted (a job waits as <see cref="JobState.Queued"/> until a slot frees; cancelling
/// it removes it from the queue at once), persists every record in the workspace, and reports jobs left queued or
/// running by an earlier process as <see cref="JobState.Interrupted"/>.
/// </summary>
public sealed class JobManager : IDisposable, IAsyncDisposable
{
    private const int MaxRecordsListed = 200;
    private readonly ConcurrentDictionary<string, JobRecord> _records = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JobHandle> _live = new(StringComparer.Ordinal);
    private readonly JobStore _store;
    private readonly JobQueue<QueuedJob> _queue;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly object _saveLock = new();
    private readonly ConcurrentDictionary<Task, byte> _runs = new();

    /// <summary>Creates the manager and recovers records from the workspace.</summary>
    public JobManager(McpFlowWorkspace workspace, McpFlowOptions options, TimeProvider? time = null, ILogger<JobManager>? logger = null)
    {
        _store = new JobStore(Path.Combine(workspace.Root, "jobs"));
        _queue = new JobQueue<QueuedJob>(options.Jobs.MaxConcurrent);
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Recover();
    }

    /// <summary>
    /// Submits <paramref name="work"/> as a job and returns at once. With a free slot the job is
    /// <see cref="JobState.Running"/> when this returns; otherwise it is <see cref="JobState.Queued"/> and starts after
    /// every job submitted before it has started.
    /// </summary>
    public JobHandle Start(string kind, string title, Func<JobContext, Task<JobResult>> work, JsonNode? parameters = null)
    {
        var id = $"job-{_time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var cts = new CancellationTokenSource();
        var handle = new JobHandle(id, cts);
        var job = new QueuedJob(handle, work);
        _live[id] = handle;
        Save(new JobRecord
        {
            Id = id, Kind = kind, Title = title, State = JobState.Queued, Parameters = parameters,
            CreatedAt = _time.GetUtcNow(), ProcessId = Environment.ProcessId,
        });

        // However cancellation is requested (Cancel, CancelAll, a client's cancelled call), a job still waiting leaves
        // the queue at once; a running job sees the token. The registration lives as long as the token source.
        cts.Token.Register(() => Dequeue(job));
        if (_queue.Submit(job))
            Launch(job);
        return handle;
    }

    /// <summary>The record of a job, or an actionable not-found error.</summary>
    public JobRecord Get(string id) =>
        _records.TryGetValue(id, out var record)
            ? record
            : throw McpFlowException.NotFound($"No job with id '{ArgumentEcho.Show(id)}'.", "Call job_list to see the jobs of this workspace.");

    /// <summary>The live handle of a job started by this process, if it is still known.</summary>
    public JobHandle? TryGetHandle(string id) => _live.GetValueOrDefault(id);

    /// <summary>The stored result of a succeeded job.</summary>
    public JobResult? GetResult(string id) => _store.LoadResult(Get(id).Id);

    /// <summary>Jobs, newest first.</summary>
    public IReadOnlyList<JobRecord> List(JobState? state = null, int limit = 50) =>
        _records.Values.Where(r => state is null || r.State == state)
            .OrderByDescending(r => r.CreatedAt)
            .Take(Math.Clamp(limit, 1, MaxRecordsListed))
            .ToList();

    /// <summary>Requests cancellation; returns the record as it stands.</summary>
    public JobRecord Cancel(string id)
    {
        var record = Get(id);
        if (record.State.IsFinal())
            throw McpFlowException.Conflict($"Job '{ArgumentEcho.Show(id)}' has already finished ({record.State}); there is nothing to cancel.");
        if (!_live.TryGetValue(id, out var handle))
            throw McpFlowException.Conflict($"Job '{ArgumentEcho.Show(id)}' belongs to another McpFlow process (pid {record.ProcessId}); cancel it there.");
        handle.RequestCancel();
        return Get(id);
    }

    /// <summary>Waits until the job finishes or the timeout passes; returns the record either way.</summary>
    public async Task<JobRecord> WaitAsync(string id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var record = Get(id);
        if (record.State.IsFinal() || !_live.TryGetValue(id, out var handle))
            return Get(id);
        try
        {
            await handle.Completion.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
#pragma warning disable CA1031 // The job's own failure, whatever its type, is already in its record.
        catch (Exception) when (handle.Completion.IsCompleted)
#pragma warning restore CA1031
        {
            // The job's own failure is in its record; waiting succeeded.
        }

        return Get(id);
    }

    /// <summary>Requests cancellation of every queued or running job of this process (at shutdown); returns how many.</summary>
    public int CancelAll()
    {
        // Queued jobs first, so that a running job that stops does not hand its slot to one of them.
        var handles = _live.Values
            .OrderBy(h => _records.TryGetValue(h.Id, out var r) && r.State == JobState.Queued ? 0 : 1)
            .ToList();
        foreach (var handle in handles)
            handle.RequestCancel();
        return handles.Count;
    }

    /// <summary>
    /// Cancels every job of this process and waits until their work has returned, at most <paramref name="grace"/>,
    /// so nothing a job uses (engines, files, the workspace) is disposed under it. Returns whether all stopped in time.
    /// </summary>
    public async Task<bool> StopAllAsync(TimeSpan grace)
    {
        CancelAll();
        var runs = _runs.Keys.ToArray();
        if (runs.Length == 0)
            return true;
        try
        {
            await Task.WhenAll(runs).WaitAsync(grace, _time).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("{Count} job(s) did not stop within {Grace} after cancellation", runs.Count(r => !r.IsCompleted), grace);
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose() => CancelAll();

    /// <summary>Cancels every job and waits for their work to return (at most <see cref="StopGrace"/>).</summary>
    public async ValueTask DisposeAsync() => await StopAllAsync(StopGrace).ConfigureAwait(false);

    /// <summary>How long disposal waits for cancelled jobs to return: one training step or one chunk of I/O.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(20);

    // The job holds a slot: it is Running from now on (recorded before its work is scheduled, so a job is never seen
    // Queued after its successor started), and its work runs on the thread pool.
    private void Launch(QueuedJob job)
    {
        Update(job.Handle.Id, r => r with { State = JobState.Running, StartedAt = _time.GetUtcNow() });
        var run = Task.Run(() => RunAsync(job.Handle, job.Work));
        _runs[run] = 0;
        _ = run.ContinueWith(r => _runs.TryRemove(r, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    // Cancellation callback: a job that is still waiting is removed and recorded as cancelled; its work never runs.
    private void Dequeue(QueuedJob job)
    {
        if (!_queue.TryRemove(job))
            return;
        var id = job.Handle.Id;
        Update(id, r => r with { State = JobState.Cancelled, FinishedAt = _time.GetUtcNow(), Error = "Cancelled on request before it started." });
        _live.TryRemove(id, out _);
        job.Handle.Cancelled();
    }

    private async Task RunAsync(JobHandle handle, Func<JobContext, Task<JobResult>> work)
    {
        var token = handle.Cancellation.Token;
        try
        {
            token.ThrowIfCancellationRequested();
            var context = new JobContext(handle.Id, _store.FolderOf(handle.Id), token, p => OnProgress(handle, p), _time);
            var result = await work(context).ConfigureAwait(false);
            token.ThrowIfCancellationRequested();
            _store.SaveResult(handle.Id, result);
            Update(handle.Id, r => r with
            {
                State = JobState.Succeeded,
                FinishedAt = _time.GetUtcNow(),
                ResultSummary = result.Summary,
                Artifacts = result.Artifacts,
            });
            handle.Complete(result);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            Update(handle.Id, r => r with { State = JobState.Cancelled, FinishedAt = _time.GetUtcNow(), Error = "Cancelled on request." });
            handle.Cancelled();
        }
#pragma warning disable CA1031 // Boundary: a job's failure of any type is contained in its record and the log.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // The record is read by clients (job_status, job_list, the job resources): only McpFlowException text goes
            // in, bounded in how much of the job's parameters it may repeat; anything else by type and log id.
            var record = _records[handle.Id];
            var message = ArgumentEcho.Shorten(ErrorReport.ForClient(ex, record.Kind), ArgumentEcho.Texts(record.Parameters));
            _logger.LogError(ex, "Job {JobId} ({Kind}) failed (log id {LogId})", handle.Id, record.Kind, ErrorReport.LogId(ex));
            Update(handle.Id, r => r with { State = JobState.Failed, FinishedAt = _time.GetUtcNow(), Error = message });
            handle.Fail(ex);
        }
        finally
        {
            _live.TryRemove(handle.Id, out _);
            handle.Cancellation.Dispose();
            if (_queue.Release() is { } next)
                Launch(next);
        }
    }

    private void OnProgress(JobHandle handle, JobProgress progress)
    {
        // Keep the latest progress in memory; persist at most every second so a tight loop is not slowed by I/O.
        var record = _records[handle.Id];
        var persist = record.Progress is null || (progress.At - record.Progress.At) > TimeSpan.FromSeconds(1);
        var updated = record with { Progress = progress };
        _records[handle.Id] = updated;
        if (persist)
            Save(updated);
        handle.RaiseProgress(progress);
    }

    private void Update(string id, Func<JobRecord, JobRecord> change)
    {
        // Read and write under the same lock, so that two changes of one record (e.g. started and cancelled) never lose one.
        lock (_saveLock)
            Save(change(_records[id]));
    }

    private void Save(JobRecord record)
    {
        lock (_saveLock)
        {
            _records[record.Id] = record;
            try
            {
                _store.Save(record);
            }
            catch (IOException ex)
            {
                _logger.LogWarning(ex, "Could not persist job {JobId}", record.Id);
            }
        }
    }

    private void Recover()
    {
        foreach (var record in _store.LoadAll())
        {
            var recovered = record;
            if (!record.State.IsFinal() && !IsAlive(record.ProcessId))
            {
                recovered = record with
                {
                    State = JobState.Interrupted,
                    FinishedAt = _time.GetUtcNow(),
                    Error = $"The McpFlow process that ran this job (pid {record.ProcessId}) ended before it finished. Start the job again.",
                };
                Save(recovered);
            }

            _records[recovered.Id] = recovered;
        }
    }

    private static bool IsAlive(int processId)
    {
        if (processId == Environment.ProcessId)
            return false; // Records of this process can only be live if they are in _live, which is empty at start.
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited
                && (process.ProcessName.Contains("mcpflow", StringComparison.OrdinalIgnoreCase) || process.ProcessName == "dotnet");
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
