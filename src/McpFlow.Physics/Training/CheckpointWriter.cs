using System.Diagnostics;

namespace McpFlow.Physics.Training;

/// <summary>Writes a run's checkpoints (<c>checkpoint-&lt;step&gt;.pt</c>, with run.json and history.csv): every
/// <see cref="TrainingOptions.CheckpointEvery"/> steps, at least once a minute so a killed run keeps a recent model and its
/// history, and on demand (end of Adam, cancellation, failure).</summary>
internal sealed class CheckpointWriter(PinnRunStore store, PinnRun run, PinnModel model, Stopwatch clock)
{
    private const double EverySeconds = 60; // a process killed without warning loses at most a minute of training

    private double _lastSeconds;

    /// <summary>Writes a checkpoint when one is due after step <paramref name="step"/>.</summary>
    public void Periodic(long step)
    {
        if (step > 0 && (step % run.Options.CheckpointEvery == 0 || clock.Elapsed.TotalSeconds - _lastSeconds >= EverySeconds))
            Write(step);
    }

    /// <summary>Saves the network's current parameters as the checkpoint of step <paramref name="step"/>; returns its file name.</summary>
    public string Write(long step)
    {
        var name = $"checkpoint-{step:D7}.pt";
        model.Network.save(Path.Combine(run.Folder, name));
        store.Save(run);
        _lastSeconds = clock.Elapsed.TotalSeconds;
        return name;
    }

    /// <summary>Saves run.json and history.csv only.</summary>
    public void SaveRun() => store.Save(run);
}
