using McpFlow.Physics.Specs;
using McpFlow.Physics.Training;
using McpFlow.Physics.Training.Optimisation;
using static TorchSharp.torch;

namespace McpFlow.Physics.Tests.Training;

/// <summary>
/// Residual-based resampling during L-BFGS (<see cref="TrainingOptions.LbfgsResampleEvery"/>): the points change at the
/// block boundaries and only there, each redraw starts a fresh optimiser, and a training resumed at a boundary repeats
/// the uninterrupted one (one thread, float64: both runs do the same arithmetic).
/// </summary>
public sealed class LbfgsRestartsTests() : TrainerTestBase("pinn-lbfgs-resample")
{
    // Heat with a Neumann face and an initial slice: three loss terms.
    private const string Heat = CheckpointResumeTests.Heat;

    // 10 Adam steps (steps 0-9, no resampling), then 12 L-BFGS iterations i = 0-11 at steps 10-21 in blocks of 4: the
    // points are redrawn before i = 4 (step 14) and i = 8 (step 18).
    private static readonly TrainingOptions Options = new()
    {
        Depth = 1, Width = 8, InteriorPoints = 64, BoundaryPoints = 16, InitialPoints = 16, AdamSteps = 10, LbfgsSteps = 12,
        LearningRate = 1e-2, ResampleEvery = 0, LbfgsResampleEvery = 4, CheckpointEvery = 1, LogEvery = 1, Dtype = "float64",
    };

    [Theory]
    // Period 4: due before iterations 4, 8, 12, never before the first; period 0: never.
    [InlineData(0, 4, false)]
    [InlineData(3, 4, false)]
    [InlineData(4, 4, true)]
    [InlineData(5, 4, false)]
    [InlineData(8, 4, true)]
    [InlineData(12, 4, true)]
    [InlineData(4, 0, false)]
    [InlineData(100, 0, false)]
    public void IsDue_AtPositiveMultiplesOfThePeriod(int iteration, int every, bool due) =>
        LbfgsRestarts.IsDue(iteration, every).Should().Be(due);

    [Fact]
    public void Settings_ReadLbfgsResampleEvery_AndLimitsRefuseANegativePeriod()
    {
        var options = TrainingSettings.Apply(new TrainingOptions(), System.Text.Json.JsonDocument.Parse("""{"lbfgs_resample_every": 500}""").RootElement.Clone());
        options.LbfgsResampleEvery.Should().Be(500);
        new TrainingOptions().LbfgsResampleEvery.Should().Be(0, "off unless set or planned");
        TrainingLimits.Validate(options);

        var negative = () => TrainingLimits.Validate(new TrainingOptions { LbfgsResampleEvery = -1 });
        negative.Should().Throw<McpFlow.Core.Errors.McpFlowException>().WithMessage("lbfgs_resample_every = -1 is out of range*between 0 and 1000000*");
    }

    [Fact]
    public void Before_RedrawsThePointsAndStartsAFreshOptimiser_OnlyAtTheBoundaries()
    {
        using var model = new PinnModel(PdeSpecCompiler.Compile(Heat), Options, CPU);
        using var loss = new PinnLoss(model);
        var created = 0;
        using var restarts = new LbfgsRestarts(loss, 4, () =>
        {
            created++;
            return new StrongWolfeLbfgs<StepRecord>([], () => throw new InvalidOperationException("not stepped"), r => r.Loss, 5);
        });

        var first = restarts.Optimiser;
        var points = Snapshot(loss);
        var redrawn = Enumerable.Range(0, 9).Where(i => restarts.Before(i, CancellationToken.None)).ToList();
        var last = Snapshot(loss);

        redrawn.Should().Equal(4, 8);
        created.Should().Be(3, "one optimiser at the start and a fresh one (no curvature pairs) at each redraw");
        restarts.Optimiser.Should().NotBeSameAs(first);
        last.Should().HaveSameCount(points).And.NotEqual(points, "the interior points were redrawn");
    }

    [Fact]
    public void Training_RedrawsThePointsAtEachBoundaryOfTheLbfgsPhase_AndKeepsThemWithinABlock()
    {
        var run = Store.Create(PdeSpecCompiler.Compile(Heat), Options);
        using (Trainer.Train(run, (_, _) => { }, CancellationToken.None))
        {
        }

        run.Final["steps"].Should().Be(22);
        // The checkpoint after step s holds the points step s used: L-BFGS iteration s - 10.
        var points = Enumerable.Range(10, 12).ToDictionary(s => s, s => PointsIn(run.Folder, s));
        foreach (var (a, b) in new[] { (10, 11), (12, 13), (14, 15), (16, 17), (18, 21) })
            points[b].Should().Equal(points[a], $"steps {a} and {b} lie in one block");
        foreach (var (a, b) in new[] { (13, 14), (17, 18) })
            points[b].Should().NotEqual(points[a], $"the points are redrawn between steps {a} and {b}");
    }

    [Fact]
    public void Training_KeepsThePointsThroughLbfgs_WhenOff()
    {
        var run = Store.Create(PdeSpecCompiler.Compile(Heat), Options with { LbfgsResampleEvery = 0, LbfgsSteps = 6 });
        using (Trainer.Train(run, (_, _) => { }, CancellationToken.None))
        {
        }

        var first = PointsIn(run.Folder, 10);
        foreach (var step in Enumerable.Range(11, 5))
            PointsIn(run.Folder, step).Should().Equal(first, $"step {step} uses the points L-BFGS started with");
    }

    [Fact]
    public void Resume_AtABlockBoundary_RepeatsTheUninterruptedTraining()
    {
        var problem = PdeSpecCompiler.Compile(Heat);
        var run = Store.Create(problem, Options);
        var uninterrupted = new Dictionary<long, double>();
        using (Trainer.Train(run, (r, _) => uninterrupted[r.Step] = r.Loss, CancellationToken.None))
        {
        }

        // Resume after step 13 (iteration 3, the end of the first block), as if the worker died after writing it: the
        // resumed training must redraw before its first iteration (4, not 4 iterations after the resumption) from the
        // checkpoint's points and sampler state, with a fresh optimiser, as the uninterrupted one did.
        foreach (var step in Enumerable.Range(14, 8))
            File.Delete(Path.Combine(run.Folder, $"checkpoint-{step:D7}.json"));
        var (latest, _) = CheckpointResume.Find(run.Folder, 22);
        latest!.NextStep.Should().Be(14);
        latest.Phase.Should().Be("lbfgs");

        var resumed = Store.Adopt(run.Id, problem, Options, latest.NextStep);
        var losses = new Dictionary<long, double>();
        using (Trainer.Train(resumed, (r, _) => losses[r.Step] = r.Loss, CancellationToken.None, latest))
        {
        }

        losses.Keys.Should().BeEquivalentTo(Enumerable.Range(14, 8).Select(s => (long)s));
        foreach (var (step, value) in losses)
            value.Should().BeApproximately(uninterrupted[step], 1e-9 * Math.Max(1, uninterrupted[step]), $"step {step} repeats the uninterrupted training");
        resumed.Final["loss"].Should().BeApproximately(run.Final["loss"], 1e-9 * Math.Max(1, run.Final["loss"]));
    }

    private static double[] Snapshot(PinnLoss loss) => [.. loss.Interior.detach().cpu().to_type(ScalarType.Float64).data<double>()];

    // The interior points of the checkpoint after step s (PinnLoss.SaveInterior's layout: rows, columns, the values).
    private static double[] PointsIn(string folder, int step)
    {
        using var reader = new BinaryReader(File.OpenRead(Path.Combine(folder, $"checkpoint-{step:D7}.points")));
        var count = reader.ReadInt64() * reader.ReadInt64();
        return [.. Enumerable.Range(0, (int)count).Select(_ => reader.ReadDouble())];
    }
}
