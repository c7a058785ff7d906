using McpFlow.Physics.Specs;
using McpFlow.Physics.Training;

namespace McpFlow.Physics.Tests.Training;

/// <summary>
/// A training taken over by another worker resumes from the run's newest valid checkpoint: the expected losses are those
/// of the same training run without interruption (one thread, float64, so both runs do the same arithmetic), which only
/// holds when the parameters, Adam's moments, the adaptive weights, the resampled points and the sampler's state all come
/// back from the checkpoint.
/// </summary>
public sealed class CheckpointResumeTests() : TrainerTestBase("pinn-resume")
{
    // Heat with a Neumann face and an initial slice: three loss terms, so the adaptive weights are in play.
    internal const string Heat = """
        {"preset":"heat","coefficients":{"alpha":0.1},"domain":{"x":[0,1],"t":[0,1]},"initial_condition":"sin(pi*x)",
         "boundary_conditions":[{"where":"x=0","type":"dirichlet","value":"0"},{"where":"x=1","type":"neumann","value":"-pi*exp(-0.1*pi^2*t)"}]}
        """;

    // 230 Adam steps; a checkpoint after step 120 (CheckpointEvery) and one at the end of Adam (next step 230);
    // resampling at 50, 100, 150 and 200; weight updates at 0, 100 and 200. Resumed at 121, the rest crosses a
    // resampling (150) and a weight update (200).
    private static readonly TrainingOptions Options = new()
    {
        Depth = 1, Width = 8, InteriorPoints = 64, BoundaryPoints = 16, InitialPoints = 16, AdamSteps = 230, LbfgsSteps = 0,
        LearningRate = 1e-2, ResampleEvery = 50, CheckpointEvery = 120, LogEvery = 1, Dtype = "float64",
    };

    [Fact]
    public void Resume_ContinuesAtTheCheckpointsNextStep_WithTheLossesOfTheUninterruptedTraining()
    {
        var problem = PdeSpecCompiler.Compile(Heat);
        var run = Store.Create(problem, Options);
        var uninterrupted = new Dictionary<long, double>();
        using (Trainer.Train(run, (r, _) => uninterrupted[r.Step] = r.Loss, CancellationToken.None))
        {
        }

        // The end-of-Adam checkpoint lost its manifest, as when a worker dies while writing it: the one after step 120 is next.
        File.Delete(Path.Combine(run.Folder, "checkpoint-0000230.json"));
        var (latest, skipped) = CheckpointResume.Find(run.Folder, 230);
        latest!.Step.Should().Be(120);
        latest.NextStep.Should().Be(121);
        latest.Optimiser.Should().NotBeNull("taken during Adam");
        skipped.Should().Equal("checkpoint-0000230 (no manifest: cut short)");

        var resumed = Store.Adopt(run.Id, problem, Options, latest.NextStep);
        resumed.History().Should().NotBeEmpty().And.OnlyContain(r => r.Step < 121, "the history up to the checkpoint is kept");
        var losses = new Dictionary<long, double>();
        using (Trainer.Train(resumed, (r, _) => losses[r.Step] = r.Loss, CancellationToken.None, latest))
        {
        }

        losses.Keys.Min().Should().Be(121, "the training continues after the checkpoint's step");
        losses.Keys.Max().Should().Be(229);
        resumed.Final["steps"].Should().Be(230);
        // Step 121 alone would match with the parameters restored; steps 122 on need Adam's moments, 150 on the resampled
        // points and sampler state, 200 on the weights.
        foreach (var (step, loss) in losses)
            loss.Should().BeApproximately(uninterrupted[step], 1e-9 * Math.Max(1, uninterrupted[step]), $"step {step} repeats the uninterrupted training");
    }

    [Fact]
    public void Find_SkipsACorruptCheckpoint_AndFallsBackToThePreviousOne()
    {
        // Checkpoints after steps 60 and 120, and at the end of Adam (130).
        var run = Store.Create(PdeSpecCompiler.Compile(Heat), Options with { AdamSteps = 130, CheckpointEvery = 60 });
        using (Trainer.Train(run, (_, _) => { }, CancellationToken.None))
        {
        }

        // A truncated model file (a partial write) no longer has the SHA-256 its manifest records.
        var end = Path.Combine(run.Folder, "checkpoint-0000130.pt");
        File.WriteAllBytes(end, File.ReadAllBytes(end)[..100]);
        File.WriteAllText(Path.Combine(run.Folder, "checkpoint-0000120.json"), "{ not json");

        var (latest, skipped) = CheckpointResume.Find(run.Folder, 130);

        latest!.Step.Should().Be(60);
        skipped.Should().Equal("checkpoint-0000130 (checkpoint-0000130.pt does not match its manifest)", "checkpoint-0000120 (unreadable manifest)");
    }

    [Fact]
    public void Find_ReturnsNothing_WhenNoCheckpointIsValid_OrOneNamesAFileElsewhere()
    {
        var run = Store.Create(PdeSpecCompiler.Compile(Heat), Options with { AdamSteps = 70, CheckpointEvery = 60 });
        using (Trainer.Train(run, (_, _) => { }, CancellationToken.None))
        {
        }

        var manifest = Path.Combine(run.Folder, "checkpoint-0000070.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("checkpoint-0000070.pt", "../../model.pt", StringComparison.Ordinal));
        File.Delete(Path.Combine(run.Folder, "checkpoint-0000060.json"));

        var (latest, skipped) = CheckpointResume.Find(run.Folder, 70);

        latest.Should().BeNull();
        skipped.Should().Equal("checkpoint-0000070 (names a file outside the checkpoint)", "checkpoint-0000060 (no manifest: cut short)");
    }
}
