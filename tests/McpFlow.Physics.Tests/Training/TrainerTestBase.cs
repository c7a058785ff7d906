using McpFlow.Core.Configuration;
using McpFlow.Core.Workspace;
using McpFlow.Physics.Engine;
using McpFlow.Physics.Specs;
using McpFlow.Physics.Training;
using McpFlow.Testing;

namespace McpFlow.Physics.Tests.Training;

/// <summary>A trainer on one libtorch thread (so two runs of the same training do the same arithmetic) over a run store
/// in a temporary workspace that is deleted after each test.</summary>
public abstract class TrainerTestBase : IDisposable
{
    /// <summary>Creates the workspace under a temporary folder named after <paramref name="folder"/>.</summary>
    protected TrainerTestBase(string folder)
    {
        Root = TempFolder.Create(folder);
        Store = new PinnRunStore(new McpFlowWorkspace(Root), TimeProvider.System);
        Trainer = new PinnTrainer(new TorchRuntime(new McpFlowOptions { Physics = { Threads = 1 } }), Store);
    }

    /// <summary>Allen-Cahn on t ∈ [0.5, 2.5]: the time interval does not start at 0, so a time-marching window is
    /// [0.5, 0.5 + 2h].</summary>
    protected const string ShiftedAllenCahn = """
        {"preset":"allen_cahn","domain":{"x":[-1,1],"t":[0.5,2.5]},"initial_condition":"x^2*cos(pi*x)",
         "boundary_conditions":[{"where":"x","type":"periodic"}]}
        """;

    /// <summary>The workspace folder.</summary>
    protected string Root { get; }

    /// <summary>The run store of the workspace.</summary>
    protected PinnRunStore Store { get; }

    /// <summary>The trainer.</summary>
    protected PinnTrainer Trainer { get; }

    /// <summary>Trains <paramref name="options"/> to the end, then resumes the same run from its checkpoint taken after
    /// <paramref name="checkpointStep"/> (the later ones deleted): the loss of every step of both trainings.</summary>
    protected (Dictionary<long, double> Uninterrupted, Dictionary<long, double> Resumed) TrainThenResume(PdeProblem problem, TrainingOptions options, long checkpointStep)
    {
        var run = Store.Create(problem, options);
        var uninterrupted = new Dictionary<long, double>();
        using (Trainer.Train(run, (r, _) => uninterrupted[r.Step] = r.Loss, CancellationToken.None))
        {
        }

        var kept = $"checkpoint-{checkpointStep:D7}.json";
        foreach (var later in Directory.GetFiles(run.Folder, "checkpoint-*.json").Where(f => string.CompareOrdinal(Path.GetFileName(f), kept) > 0))
            File.Delete(later);
        var (latest, _) = CheckpointResume.Find(run.Folder, options.AdamSteps + options.LbfgsSteps);
        latest!.NextStep.Should().Be(checkpointStep + 1);

        var resumed = Store.Adopt(run.Id, problem, options, latest.NextStep);
        var losses = new Dictionary<long, double>();
        using (Trainer.Train(resumed, (r, _) => losses[r.Step] = r.Loss, CancellationToken.None, latest))
        {
        }

        return (uninterrupted, losses);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        TempFolder.TryDelete(Root);
        GC.SuppressFinalize(this);
    }
}
