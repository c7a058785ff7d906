using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using McpFlow.Core.Mcp;
using McpFlow.Core.Runs;

namespace McpFlow.Physics.Training;

/// <summary>
/// What a finished PINN training records as a workbench run (kind "training"): parameters (problem summary, network,
/// optimiser schedule, point counts), the spec as input (by content hash), key metrics (final loss and its
/// components, relative L2 vs the exact solution when known, steps and seconds trained) and the artifacts copied
/// into the workbench run's folder (model.pt, loss.png, history.csv, and training.json with the run's record), so
/// the approved record cannot change when the PINN run folder's charts are refreshed later.
/// </summary>
public static class PinnRunRecording
{
    /// <summary>Workbench experiment that groups PINN trainings (the same name as in the tracking store).</summary>
    public const string Experiment = "mcpflow-physics";

    private static readonly string[] Artifacts = ["model.pt", "loss.png", "history.csv"];

    /// <summary>The run's start record.</summary>
    public static RunStart Start(PinnRun run, bool hardBoundary)
    {
        var p = run.Problem!;
        var o = run.Options;
        var parameters = JsonSerializer.SerializeToNode(new
        {
            physics_run_id = run.Id,
            problem = p.Kind,
            equation = p.Display,
            domain = p.Inputs.ToDictionary(a => a.Name.ToString(), a => new[] { a.Min, a.Max }),
            boundaries = p.Boundaries.Select(b => $"{b.Kind.ToString().ToLowerInvariant()} {b.Face}").ToList(),
            network = new { depth = o.Depth, width = o.Width, activation = o.Activation, dtype = o.Dtype, hard_boundary = hardBoundary },
            optimiser = new { adam_steps = o.AdamSteps, learning_rate = o.LearningRate, lbfgs_steps = o.LbfgsSteps, adaptive_weights = o.AdaptiveWeights, resample_every = o.ResampleEvery, lbfgs_resample_every = o.LbfgsResampleEvery, time_windows = o.TimeWindows, lbfgs_windows = o.LbfgsWindows, lbfgs_memory = o.LbfgsMemory },
            points = new { interior = o.InteriorPoints, boundary = o.BoundaryPoints, initial = o.InitialPoints },
            seed = o.Seed,
        }, McpFlowJson.Options);
        var spec = JsonSerializer.Serialize(run.Spec, McpFlowJson.Options);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(spec)));
        return new RunStart("pinn_train", "training", $"PINN {p.Kind} ({run.Id})", parameters, [new RunInput("problem spec", null, hash)], Experiment);
    }

    /// <summary>Copies the artifacts into <paramref name="folder"/> and describes the outcome.</summary>
    public static RunOutcome Write(PinnRun run, string folder)
    {
        var files = new List<string>();
        foreach (var name in Artifacts)
        {
            var source = Path.Combine(run.Folder, name);
            if (!File.Exists(source))
                continue;
            var copy = Path.Combine(folder, name);
            File.Copy(source, copy, overwrite: true);
            files.Add(copy);
        }

        var record = Path.Combine(folder, "training.json");
        File.WriteAllText(record, JsonSerializer.Serialize(new { run_id = run.Id, physics_folder = run.Folder, spec = run.Spec, options = run.Options, final = run.Final, message = run.Message }, McpFlowJson.Indented));
        files.Add(record);
        return new RunOutcome(files, Metrics(run), Summary(run),
            $"Check the solution with validate_solution run_id=\"{run.Id}\" (residual, conditions, reference error, physics-aware checks) before approving it.",
            run.TrackingRunId);
    }

    /// <summary>Key metrics: loss and loss_* components, relative_l2_vs_exact when known, training_steps, training_seconds.</summary>
    public static Dictionary<string, double> Metrics(PinnRun run)
    {
        var metrics = run.Final.Where(f => f.Key.StartsWith("loss", StringComparison.Ordinal) || f.Key == "relative_l2_vs_exact")
            .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        metrics["training_steps"] = run.Final.GetValueOrDefault("steps");
        metrics["training_seconds"] = run.Final.GetValueOrDefault("seconds");
        return metrics;
    }

    // The self-review compares every number quoted after a metric's name with the metric, so each quoted number
    // follows its own metric's name ("final loss 0.00123") and no other number follows one.
    private static string Summary(PinnRun run)
    {
        var f = run.Final;
        var optimiser = run.Options.LbfgsSteps > 0 ? "Adam then L-BFGS" : "Adam";
        var text = new StringBuilder($"PINN for {run.Problem!.Kind} trained with {optimiser}; final loss {Format(f["loss"])}");
        foreach (var (name, value) in f.Where(k => k.Key.StartsWith("loss_", StringComparison.Ordinal)))
            text.Append($", {name} {Format(value)}");
        if (f.TryGetValue("relative_l2_vs_exact", out var l2))
            text.Append($"; relative_l2_vs_exact {Format(l2)}");
        return text.Append('.').ToString();
    }

    private static string Format(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
