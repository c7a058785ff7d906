using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using McpFlow.Core.Files;
using McpFlow.Core.Mcp;

namespace McpFlow.Physics.Training;

/// <summary>Writes a run's checkpoints (<c>checkpoint-&lt;step&gt;.pt</c>, with run.json and history.csv): every
/// <see cref="TrainingOptions.CheckpointEvery"/> steps, at least once a minute so a killed run keeps a recent model and its
/// history, and on demand (end of Adam, cancellation, failure). Each checkpoint also saves Adam's state (during Adam) and
/// the interior points, and ends with its manifest (<see cref="CheckpointManifest"/>, written atomically last), which a
/// worker taking the training over resumes from (<see cref="CheckpointResume"/>).</summary>
internal sealed class CheckpointWriter(PinnRunStore store, PinnRun run, PinnModel model, PinnLoss loss, LossWeights weights, Stopwatch clock)
{
    private const double EverySeconds = 60; // a process killed without warning loses at most a minute of training

    private double _lastSeconds;

    /// <summary>Adam while it runs (its state goes into each checkpoint); null in L-BFGS.</summary>
    public TorchSharp.Modules.Adam? Adam { get; set; }

    /// <summary>Writes a checkpoint when one is due after step <paramref name="step"/> (completed).</summary>
    public void Periodic(long step)
    {
        if (step > 0 && (step % run.Options.CheckpointEvery == 0 || clock.Elapsed.TotalSeconds - _lastSeconds >= EverySeconds))
            Write(step, step + 1);
    }

    /// <summary>Saves the network's current parameters as the checkpoint named after step <paramref name="step"/>, from
    /// which a resumed training continues at <paramref name="nextStep"/> (the step after the last completed one: one more
    /// than <paramref name="step"/> after a step, equal to it between phases or when stopped); returns the model file's name.</summary>
    public string Write(long step, long nextStep)
    {
        var stem = $"checkpoint-{step:D7}";
        var name = stem + ".pt";
        var path = Path.Combine(run.Folder, name);
        model.Network.save(path);
        CheckpointFile? optimiser = null;
        if (Adam is { } adam)
        {
            var file = Path.Combine(run.Folder, stem + ".adam");
            adam.save_state_dict(file);
            optimiser = Describe(file);
        }

        var points = Path.Combine(run.Folder, stem + ".points");
        loss.SaveInterior(points);
        var manifest = new CheckpointManifest(nextStep - 1, nextStep, nextStep < run.Options.AdamSteps ? "adam" : "lbfgs", Describe(path), optimiser, Describe(points),
            new Dictionary<string, double>(weights.Values, StringComparer.Ordinal));
        store.Save(run);
        AtomicFile.WriteAllText(Path.Combine(run.Folder, stem + ".json"), JsonSerializer.Serialize(manifest, McpFlowJson.Indented));
        _lastSeconds = clock.Elapsed.TotalSeconds;
        return name;
    }

    /// <summary>Saves run.json and history.csv only.</summary>
    public void SaveRun() => store.Save(run);

    /// <summary>The file's name and SHA-256.</summary>
    public static CheckpointFile Describe(string path)
    {
        using var stream = File.OpenRead(path);
        return new CheckpointFile(Path.GetFileName(path), Convert.ToHexStringLower(SHA256.HashData(stream)));
    }
}
