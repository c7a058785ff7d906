using System.Text.Json.Serialization;
using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Training;

/// <summary>A PINN training run: its settings, live history and outcome. The history is appended by the
/// training thread and read by status calls, under a lock.</summary>
public sealed class PinnRun
{
    private readonly List<StepRecord> _history = [];
    private readonly object _gate = new();

    /// <summary>Run id, e.g. <c>pinn-20261123-103000-ab12</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The run folder (checkpoints, model.pt, history.csv, run.json, charts).</summary>
    public required string Folder { get; init; }

    /// <summary>The job that trains it.</summary>
    public string? JobId { get; set; }

    /// <summary>The spec.</summary>
    public required PdeSpecDocument Spec { get; init; }

    /// <summary>The compiled problem.</summary>
    [JsonIgnore]
    public PdeProblem? Problem { get; init; }

    /// <summary>The settings.</summary>
    public required TrainingOptions Options { get; init; }

    /// <summary>running, finished, failed or cancelled.</summary>
    public string State { get; set; } = "running";

    /// <summary>Why it failed or stopped, or a note on how it ended.</summary>
    public string? Message { get; set; }

    /// <summary>When it started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Total planned steps (Adam + L-BFGS).</summary>
    public long PlannedSteps => Options.AdamSteps + Options.LbfgsSteps;

    /// <summary>Final metrics (loss, components, relative L2 when an exact solution is known).</summary>
    public Dictionary<string, double> Final { get; set; } = new(StringComparer.Ordinal);

    /// <summary>MLflow run id when logged to the tracking store.</summary>
    public string? TrackingRunId { get; set; }

    /// <summary>Workbench run id when the finished training was recorded as a workbench run.</summary>
    public string? WorkbenchRunId { get; set; }

    /// <summary>Appends a record.</summary>
    public void Add(StepRecord record)
    {
        lock (_gate)
            _history.Add(record);
    }

    /// <summary>A snapshot of the history.</summary>
    public IReadOnlyList<StepRecord> History()
    {
        lock (_gate)
            return _history.ToList();
    }

    /// <summary>Replaces the history (when loaded from disk).</summary>
    public void Load(IEnumerable<StepRecord> records)
    {
        lock (_gate)
        {
            _history.Clear();
            _history.AddRange(records);
        }
    }
}
