using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;
using McpFlow.Core.Ids;
using McpFlow.Core.Jobs.Distributed;
using McpFlow.Core.Workspace;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace McpFlow.Core.Jobs;

/// <summary>
/// Runs long work in the background with a bounded number of concurrent jobs (<see cref="JobOptions.MaxConcurrent"/>),
/// started in the order they were submitted (a job waits as <see cref="JobState.Queued"/> until a slot frees; cancelling
/// it removes it from the queue at once), persists every record in the workspace, and reports jobs left queued or
/// running by an earlier process as <see cref="JobState.Interrupted"/>. In team mode (an <see cref="IJobEngine"/> is
/// registered) jobs of a distributable kind (<see cref="StartDistributable"/>) go to the engine's workers instead, and
/// every look-up (get, list, wait, cancel) reads them from the engine, so any server sees and controls them.
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
    private readonly ConcurrentDictionary<string, JobHandle> _watched = new(StringComparer.Ordinal);
    private readonly IJobEngine? _engine;
    private readonly DistributedJobKinds? _kinds;

    /// <summary>Creates the manager and recovers records from the workspace; with <paramref name="engine"/> (team mode),
    /// kinds in <paramref name="kinds"/> are distributed through it.</summary>
    public JobManager(McpFlowWorkspace workspace, McpFlowOptions options, TimeProvider? time = null, ILogger<JobManager>? logger = null,
        IJobEngine? engine = null, DistributedJobKinds? kinds = null)
    {
        _engine = engine;
        _kinds = kinds;
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
        var id = NewId();
        var cts = new CancellationTokenSource();
        var handle = new JobHandle(id, cts);
        var job = new QueuedJob(handle, work);
        _live[id] = handle;
        Save(new JobRecord
        {
            Id = id, Kind = kind, Title = title, State = JobState.Queued, Parameters = parameters,
            CreatedAt = _time.GetUtcNow(), ProcessId = Environment.ProcessId,
            RunsOn = _engine is null ? null : $"this server (pid {Environment.ProcessId}): jobs of kind '{kind}' run where they are started",
        });

        // However cancellation is requested (Cancel, CancelAll, a client's cancelled call), a job still waiting leaves
        // the queue at once; a running job sees the token. The registration lives as long as the token source.
        cts.Token.Register(() => Dequeue(job));
        if (_queue.Submit(job))
            Launch(job);
        return handle;
    }

    /// <summary>
    /// Submits a job that can be described as data: <paramref name="parameters"/> are all a worker needs to rebuild it
    /// (<see cref="DistributedJobKind"/>). In team mode a registered kind is enqueued to the engine and runs on a
    /// worker; otherwise (single-user mode, or a kind that is not registered) <paramref name="localWork"/> runs here,
    /// exactly as <see cref="Start"/> does.
    /// </summary>
    public JobHandle StartDistributable(string kind, string title, JsonNode parameters, Func<JobContext, Task<JobResult>> localWork)
    {
        if (_engine is null || _kinds?.Find(kind) is not { } distributed)
            return Start(kind, title, localWork, parameters);
        var id = NewId();
        _engine.Enqueue(new JobRecord
        {
            Id = id, Kind = kind, Title = title, State = JobState.Queued, Parameters = parameters, CreatedAt = _time.GetUtcNow(),
            ProcessId = Environment.ProcessId, RunsOn = $"queue '{distributed.Queue}' (waiting for a worker)",
            StartedBy = Identity.CallerScope.Current.Name, StartedByRole = Identity.CallerScope.Current.Role,
        }, distributed, parameters.DeepClone());
        return _watched.GetOrAdd(id, RemoteHandle);
    }

    /// <summary>The record of a job, or an actionable not-found error.</summary>
    public JobRecord Get(string id) =>
        _records.TryGetValue(id, out var record) ? record
        : FindRemote(id) ?? throw McpFlowException.NotFound($"No job with id '{ArgumentEcho.Show(id)}'.", "Call job_list to see the jobs of this workspace.");

    /// <summary>The live handle of a job started by this process, if it is still known; in team mode also a handle
    /// following a distributed job that has not finished (its progress, and cancellation through it).</summary>
    public JobHandle? TryGetHandle(string id)
    {
        if (_live.TryGetValue(id, out var handle))
            return handle;
        if (_watched.TryGetValue(id, out handle))
            return handle;
        return _watched.Count < MaxWatched && FindRemote(id) is { } remote && !remote.State.IsFinal() ? _watched.GetOrAdd(id, RemoteHandle) : null;
    }

    /// <summary>True when job <paramref name="id"/> runs in this process (false for a distributed job).</summary>
    public bool RunsHere(string id) => _records.ContainsKey(id);

    /// <summary>True when <paramref name="id"/> is a distributed job that has not finished (team mode): a worker may be
    /// writing its files, so they are not stale.</summary>
    public bool IsRunningElsewhere(string? id) =>
        id is not null && !_records.ContainsKey(id) && FindRemote(id) is { } remote && !remote.State.IsFinal();

    /// <summary>The stored result of a succeeded job.</summary>
    public JobResult? GetResult(string id)
    {
        var record = Get(id);
        return _records.ContainsKey(record.Id) ? _store.LoadResult(record.Id) : _engine?.GetResult(record.Id);
    }

    /// <summary>Jobs, newest first (in team mode, the engine's too).</summary>
    public IReadOnlyList<JobRecord> List(JobState? state = null, int limit = 50)
    {
        var take = Math.Clamp(limit, 1, MaxRecordsListed);
        // Without a state filter the newest `take` of each side are enough; with one, the engine's newest 200 are searched.
        var remote = _engine?.List(state is null ? take : MaxRecordsListed) ?? [];
        return _records.Values.Concat(remote.Where(r => !_records.ContainsKey(r.Id)))
            .Where(r => state is null || r.State == state)
            .OrderByDescending(r => r.CreatedAt)
            .Take(take)
            .ToList();
    }

    /// <summary>Requests cancellation; returns the record as it stands.</summary>
    public JobRecord Cancel(string id)
    {
        var record = Get(id);
        if (!_records.ContainsKey(id) && _engine is not null)
        {
            if (record.State.IsFinal())
                throw McpFlowException.Conflict($"Job '{ArgumentEcho.Show(id)}' has already finished ({record.State}); there is nothing to cancel.");
            _engine.Cancel(id);
            return Get(id);
        }

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
        if (!_records.ContainsKey(id))
            return await WaitRemoteAsync(record, timeout, cancellationToken).ConfigureAwait(false);
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

    /// <summary>How often a wait on a distributed job reads its state from the engine.</summary>
    public static readonly TimeSpan RemotePollInterval = TimeSpan.FromMilliseconds(500);

    // Handles following distributed jobs, at most this many (a handle is dropped when its job is seen finished).
    private const int MaxWatched = 1000;

    private string NewId() => $"job-{_time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";

    // Ids are ids: only a well-formed job id reaches the engine.
    private JobRecord? FindRemote(string id) =>
        _engine is not null && WorkspaceIds.IsValid(IdKind.Job, id) ? _engine.Find(id) : null;

    // A handle for a distributed job: cancelling it cancels the job in the engine (as a client's cancelled call does).
    private JobHandle RemoteHandle(string id)
    {
        var cts = new CancellationTokenSource();
        cts.Token.Register(() =>
        {
            if (FindRemote(id) is { } r && !r.State.IsFinal())
                _engine!.Cancel(id);
        });
        return new JobHandle(id, cts);
    }

    // Reads the engine until the job finishes or the timeout passes, raising each new progress on its handle.
    private async Task<JobRecord> WaitRemoteAsync(JobRecord record, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + timeout;
        var handle = _watched.GetValueOrDefault(record.Id);
        var seen = record.Progress?.At;
        while (!record.State.IsFinal())
        {
            var left = deadline - _time.GetUtcNow();
            if (left <= TimeSpan.Zero)
                break;
            await Task.Delay(left < RemotePollInterval ? left : RemotePollInterval, _time, cancellationToken).ConfigureAwait(false);
            record = Get(record.Id);
            if (handle is not null && record.Progress is { } p && p.At != seen)
            {
                seen = p.At;
                handle.RaiseProgress(p);
            }
        }

        if (record.State.IsFinal())
            _watched.TryRemove(record.Id, out _);
        return record;
    }

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
            var context = new JobContext(handle.Id, _store.FolderOf(handle.Id), token, p => OnProgress(handle, p), _time,
                note: text => Update(handle.Id, r => r with { Note = text }));
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
