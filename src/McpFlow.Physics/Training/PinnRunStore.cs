using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Ids;
using McpFlow.Core.Jobs;
using McpFlow.Core.Mcp;
using McpFlow.Core.Workspace;

namespace McpFlow.Physics.Training;

/// <summary>Physics runs: live ones in memory, all of them on disk under <c>physics/runs/&lt;id&gt;/</c> in the
/// workspace (<c>run.json</c>, <c>history.csv</c>, <c>model.pt</c>, <c>checkpoint-*.pt</c>, charts). In team mode the
/// workspace is shared: a run trained on a worker is read from its files, and stays "running" while its job does.</summary>
public sealed class PinnRunStore(McpFlowWorkspace workspace, TimeProvider time, JobManager? jobs = null)
{
    private readonly ConcurrentDictionary<string, PinnRun> _live = new(StringComparer.Ordinal);

    /// <summary>The runs folder.</summary>
    public string Root => workspace.Folder(Path.Combine("physics", "runs"));

    /// <summary>Creates a run and its folder.</summary>
    public PinnRun Create(Specs.PdeProblem problem, TrainingOptions options)
    {
        var id = $"pinn-{time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..4]}";
        var folder = Path.Combine(Root, id);
        Directory.CreateDirectory(folder);
        var run = new PinnRun { Id = id, Folder = folder, Spec = problem.Document, Problem = problem, Options = options, StartedAt = time.GetUtcNow() };
        _live[id] = run;
        Save(run);
        return run;
    }

    /// <summary>The run a worker trains (team mode): the live one when this process created it, else a fresh run object
    /// over the existing folder (a direct child of <see cref="Root"/>), with the problem and settings it was enqueued with.</summary>
    /// <remarks>With <paramref name="resumeAt"/> &gt; 0 (a worker resuming from a checkpoint) the run keeps its start time
    /// and the history of the steps before <paramref name="resumeAt"/> from its files.</remarks>
    public PinnRun Adopt(string? id, Specs.PdeProblem problem, TrainingOptions options, long resumeAt = 0)
    {
        var runId = WorkspaceIds.Require(IdKind.PinnRun, id, "run_id");
        if (resumeAt == 0 && _live.TryGetValue(runId, out var live) && live.Problem is not null)
            return live;
        var folder = FolderOf(runId);
        Directory.CreateDirectory(folder);
        var earlier = resumeAt > 0 && File.Exists(Path.Combine(folder, "run.json")) ? Load(folder) : null;
        var run = new PinnRun
        {
            Id = runId, Folder = folder, Spec = problem.Document, Problem = problem, Options = options, StartedAt = earlier?.StartedAt ?? time.GetUtcNow(),
        };
        if (earlier is not null)
            run.Load(earlier.History().Where(r => r.Step < resumeAt));
        _live[runId] = run;
        Save(run);
        return run;
    }

    /// <summary>The folder of run <paramref name="id"/> (a direct child of <see cref="Root"/>; the id is checked).</summary>
    public string FolderOf(string? id) =>
        WorkspaceIds.ChildFolder(Root, IdKind.PinnRun, WorkspaceIds.Require(IdKind.PinnRun, id, "run_id"), "run_id");

    /// <summary>Stops serving a run from memory (its training went to a worker): later reads come from its files.</summary>
    public void Release(string id) => _live.TryRemove(id, out _);

    /// <summary>A run by id, or by the id of the job that trained it. Ids are ids, never paths: anything that is not
    /// shaped like a PINN run id (<c>pinn-…</c>) or a job id (<c>job-…</c>) is refused with an error naming
    /// <paramref name="parameter"/>, and a run id becomes a folder only as a direct child of <see cref="Root"/>.</summary>
    public PinnRun Get(string? idOrJob, string parameter = "run_id")
    {
        if (idOrJob is not null && idOrJob.StartsWith("job-", StringComparison.Ordinal))
        {
            var job = WorkspaceIds.Require(IdKind.Job, idOrJob, parameter);
            return _live.Values.FirstOrDefault(r => r.JobId == job) ?? List().FirstOrDefault(r => r.JobId == job)
                ?? throw McpFlowException.NotFound($"No physics run was trained by job '{job}'.", "Call pinn_list_runs to see the runs and their job ids.");
        }

        var id = WorkspaceIds.Require(IdKind.PinnRun, idOrJob, parameter);
        if (_live.TryGetValue(id, out var live))
            return live;
        var folder = WorkspaceIds.ChildFolder(Root, IdKind.PinnRun, id, parameter);
        if (File.Exists(Path.Combine(folder, "run.json")))
            return Load(folder);
        throw McpFlowException.NotFound($"No physics run '{id}' in this workspace.", "Call pinn_list_runs to see the runs.");
    }

    /// <summary>All runs, newest first (folders whose name is not a run id are skipped).</summary>
    public IReadOnlyList<PinnRun> List(CancellationToken cancellationToken = default)
    {
        var runs = Directory.EnumerateDirectories(Root)
            .Where(d => WorkspaceIds.IsValid(IdKind.PinnRun, Path.GetFileName(d)) && File.Exists(Path.Combine(d, "run.json")))
            .Select(d =>
            {
                cancellationToken.ThrowIfCancellationRequested(); // one run folder read per run
                return _live.TryGetValue(Path.GetFileName(d), out var live) ? live : Load(d);
            })
            .OrderByDescending(r => r.StartedAt)
            .ToList();
        return runs;
    }

    /// <summary>Writes run.json and history.csv.</summary>
    public void Save(PinnRun run)
    {
        File.WriteAllText(Path.Combine(run.Folder, "run.json"), JsonSerializer.Serialize(run, McpFlowJson.Indented));
        var csv = new StringBuilder("step,phase,seconds,loss,learning_rate,grad_norm," + string.Join(',', HistoryComponents) + "\n");
        foreach (var r in run.History())
        {
            csv.Append(CultureInfo.InvariantCulture, $"{r.Step},{r.Phase},{r.Seconds:R},{r.Loss:R},{r.LearningRate:R},{r.GradNorm:R},");
            csv.Append(string.Join(',', HistoryComponents.Select(c => Get(r, c)))).Append('\n');
        }

        File.WriteAllText(Path.Combine(run.Folder, "history.csv"), csv.ToString());
    }

    // The loss components history.csv has a column for, in order (the memory term of BackwardCompatible last).
    private static readonly string[] HistoryComponents = ["residual", "boundary", "initial", BackwardCompatible.Component];

    private static string Get(StepRecord r, string key) =>
        r.Components.TryGetValue(key, out var v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    // The folder a run lives in is where it was found, never what its run.json says (a stale or edited run.json must
    // not send later reads of model files elsewhere).
    private PinnRun Load(string folder)
    {
        var saved = JsonSerializer.Deserialize<PinnRun>(File.ReadAllText(Path.Combine(folder, "run.json")), McpFlowJson.Options)
                    ?? throw McpFlowException.NotFound($"Run {Path.GetFileName(folder)} has an empty run.json.");
        var run = new PinnRun
        {
            Id = Path.GetFileName(folder), Folder = folder, JobId = saved.JobId, Spec = saved.Spec, Options = saved.Options, State = saved.State,
            Message = saved.Message, StartedAt = saved.StartedAt, Final = saved.Final, TrackingRunId = saved.TrackingRunId, WorkbenchRunId = saved.WorkbenchRunId,
        };
        var history = Path.Combine(folder, "history.csv");
        if (File.Exists(history))
            run.Load(File.ReadLines(history).Skip(1).Select(Parse));
        if (run.State == "running" && jobs?.IsRunningElsewhere(run.JobId) != true)
            run.State = "interrupted";
        return run;
    }

    private static StepRecord Parse(string line)
    {
        var f = line.Split(',');
        double D(string s) => s.Length == 0 ? double.NaN : double.Parse(s, CultureInfo.InvariantCulture);
        var components = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < HistoryComponents.Length && 6 + i < f.Length; i++) // files written before "memory" have 9 columns
            if (f[6 + i].Length > 0)
                components[HistoryComponents[i]] = D(f[6 + i]);
        return new StepRecord(long.Parse(f[0], CultureInfo.InvariantCulture), f[1], D(f[3]), components, new Dictionary<string, double>(), D(f[4]), D(f[5]), D(f[2]));
    }
}
