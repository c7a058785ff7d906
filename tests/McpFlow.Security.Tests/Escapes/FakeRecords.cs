using McpFlow.Security.Tests.Sandbox;

namespace McpFlow.Security.Tests.Escapes;

/// <summary>
/// Copies of the seeded workspace's own records placed outside the roots, each with the canary planted where a tool would
/// show it (the record's id, an experiment or run name, a table name). An id that reaches one of these — an absolute
/// folder, a '..' climb — makes the tool read it, and the canary in the answer proves the leak.
/// </summary>
internal sealed class FakeRecords
{
    /// <summary>Builds the fakes of the seeded workspace in <paramref name="sandbox"/>.</summary>
    public FakeRecords(SandboxFolders sandbox, SeedIds ids)
    {
        var ws = sandbox.Workspace;
        var fakes = Path.Combine(sandbox.Outside, "fakes");
        PinnRun = Copy(Path.Combine(ws, "physics", "runs", ids.PinnRun), Path.Combine(fakes, "pinn"), ids.PinnRun, sandbox.Canary);
        WorkbenchRun = Copy(Path.Combine(ws, "runs", ids.WorkbenchRun), Path.Combine(fakes, "run"), ids.WorkbenchRun, sandbox.Canary);
        Job = Copy(Path.Combine(ws, "jobs", ids.PinnJob), Path.Combine(fakes, "job"), ids.PinnJob, sandbox.Canary);
        MlflowRun = Copy(Path.Combine(ws, "mlruns", ids.ExperimentId, ids.MlflowRunA), Path.Combine(fakes, "mlrun"), "r1", sandbox.Canary);
        Experiment = Copy(Path.Combine(ws, "mlruns", ids.ExperimentId), Path.Combine(fakes, "experiment"), ids.Experiment, sandbox.Canary);
        Model = Copy(Path.Combine(ws, "pipelines", "models", ids.Model), Path.Combine(fakes, "model"), "\"sales\"", $"\"{sandbox.Canary}\"");
        Report = Copy(Path.Combine(ws, "reports", ids.Report), Path.Combine(fakes, "report"), "sales", sandbox.Canary);
        RegisteredModel = Copy(Path.Combine(ws, "mlruns", "models", ids.RegisteredModel), Path.Combine(fakes, "registered"), ids.RegisteredModel, sandbox.Canary);
        SpecFile = Path.Combine(fakes, "pl-fake.json");
        File.WriteAllText(SpecFile, File.ReadAllText(Path.Combine(ws, "pipelines", "specs", ids.PipelineSpec + ".json")).Replace("\"sales\"", $"\"{sandbox.Canary}\"", StringComparison.Ordinal));
        SuggestionFile = Path.Combine(fakes, "sug-fake.json");
        File.WriteAllText(SuggestionFile, File.ReadAllText(Path.Combine(ws, "suggestions", ids.Suggestion + ".json")).Replace(ids.Experiment, sandbox.Canary, StringComparison.Ordinal));
        Comparison = Path.Combine(fakes, "comparison");
        Directory.CreateDirectory(Comparison);
        File.WriteAllText(Path.Combine(Comparison, "comparison.csv"), $"run,rmse\n{sandbox.Canary},1\n");
        File.WriteAllText(Path.Combine(Comparison + ".csv"), $"run,rmse\n{sandbox.Canary},1\n");
        File.WriteAllText(Path.Combine(Comparison + ".md"), sandbox.Canary + "\n");
    }

    /// <summary>A PINN run folder (run.json, history.csv, model.pt) with the run id replaced by the canary.</summary>
    public string PinnRun { get; }

    /// <summary>A workbench run folder (manifest.json, review.json, outputs/).</summary>
    public string WorkbenchRun { get; }

    /// <summary>A job folder (job.json, result.json).</summary>
    public string Job { get; }

    /// <summary>An MLflow run folder (meta.yaml, params/, metrics/, tags/) named with the canary.</summary>
    public string MlflowRun { get; }

    /// <summary>An MLflow experiment folder named with the canary.</summary>
    public string Experiment { get; }

    /// <summary>A trained model folder whose spec names the canary as its table.</summary>
    public string Model { get; }

    /// <summary>A registered model folder (meta.yaml, version-1/) named with the canary.</summary>
    public string RegisteredModel { get; }

    /// <summary>An EDA report folder mentioning the canary.</summary>
    public string Report { get; }

    /// <summary>A pipeline spec file whose table is the canary.</summary>
    public string SpecFile { get; }

    /// <summary>A hyperparameter suggestion file whose experiment is the canary.</summary>
    public string SuggestionFile { get; }

    /// <summary>A comparison table (folder and files) holding the canary.</summary>
    public string Comparison { get; }

    private static string Copy(string source, string target, string replace, string with)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            var name = Path.GetExtension(file);
            if (name is ".json" or ".yaml" or ".csv" or ".md" or ".txt" or "" && new FileInfo(file).Length < 4_000_000)
                File.WriteAllText(to, File.ReadAllText(file).Replace(replace, with, StringComparison.Ordinal));
            else
                File.Copy(file, to);
        }

        Directory.CreateDirectory(target);
        return target;
    }
}
