using McpFlow.Core.Errors;
using McpFlow.Physics.Specs;
using McpFlow.Physics.Training;

namespace McpFlow.Physics.Tests.Training;

// Time-marching of the L-BFGS phase (lbfgs_windows): each window of the time interval fitted by L-BFGS before the next.
public sealed class LbfgsMarchingTests() : TrainerTestBase("pinn-lbfgs-march")
{
    [Theory]
    // 3 windows over 10 steps: stages 0-3, 4-6, 7-9 (⌊3·step/10⌋ = 0, 1, 2), so the next stage starts at 4, 7, then 10.
    [InlineData(0, 10, 3, 4)]
    [InlineData(3, 10, 3, 4)]
    [InlineData(4, 10, 3, 7)]
    [InlineData(6, 10, 3, 7)]
    [InlineData(7, 10, 3, 10)]
    [InlineData(9, 10, 3, 10)]
    // 4 windows over 8 steps: stages of 2.
    [InlineData(1, 8, 4, 2)]
    [InlineData(2, 8, 4, 4)]
    // No marching, or past the end: the end.
    [InlineData(0, 10, 1, 10)]
    [InlineData(0, 10, 0, 10)]
    [InlineData(12, 10, 3, 10)]
    public void NextStageStart_IsTheFirstStepWhoseHorizonIsLarger(long step, int steps, int windows, long expected)
    {
        TimeMarching.NextStageStart(step, steps, windows).Should().Be(expected);
        if (expected < steps)
        {
            // Independently: the horizon is constant up to the stage's end and grows at its start.
            TimeMarching.Horizon(expected - 1, steps, windows).Should().Be(TimeMarching.Horizon(step, steps, windows));
            TimeMarching.Horizon(expected, steps, windows).Should().BeGreaterThan(TimeMarching.Horizon(step, steps, windows));
        }
    }

    [Theory]
    // Adam 100 steps in 4 windows, then L-BFGS 20 iterations in 5 windows (stages of 4 iterations: steps 100-103, 104-107, ...).
    [InlineData(0, 0.25)]
    [InlineData(99, 1.0)]
    [InlineData(100, 0.2)]
    [InlineData(103, 0.2)]
    [InlineData(104, 0.4)]
    [InlineData(115, 0.8)]
    [InlineData(116, 1.0)]
    [InlineData(119, 1.0)]
    public void Horizon_OfATraining_MarchesTheLbfgsPhaseByItsOwnWindows(long step, double expected)
    {
        var options = new TrainingOptions { AdamSteps = 100, TimeWindows = 4, LbfgsSteps = 20, LbfgsWindows = 5 };
        TimeMarching.Horizon(step, options).Should().BeApproximately(expected, 1e-15);
        TimeMarching.Horizon(step, options with { LbfgsWindows = 0 }).Should().Be(step < 100 ? TimeMarching.Horizon(step, 100, 4) : 1.0);
    }

    [Fact]
    public void Lbfgs_DrawsEachWindowsPointsInIt_AfterAnAdamPhaseOnTheWholeInterval()
    {
        // 9 Adam steps on the whole interval (no Adam windows), then 8 L-BFGS iterations in 4 windows: steps 9-10, 11-12,
        // 13-14, 15-16. Checkpoints after steps 10, 12, 14 and 16 hold the points that step was taken on.
        var problem = PdeSpecCompiler.Compile(ShiftedAllenCahn);
        var options = new TrainingOptions
        {
            Depth = 1, Width = 8, InteriorPoints = 64, BoundaryPoints = 16, AdamSteps = 9, LbfgsSteps = 8, LbfgsWindows = 4,
            ResampleEvery = 5, LogEvery = 1, Dtype = "float64", CheckpointEvery = 2,
        };
        var run = Store.Create(problem, options);
        var phases = new Dictionary<long, string>();
        using (Trainer.Train(run, (r, _) => phases[r.Step] = r.Phase, CancellationToken.None))
        {
        }

        run.Final["steps"].Should().Be(17);
        phases[10].Should().Be("lbfgs");
        var previous = 0.5;
        foreach (var (step, end) in new[] { (10, 1.0), (12, 1.5), (14, 2.0), (16, 2.5) })
        {
            var times = TimeMarchingTests.TimesIn(run.Folder, $"checkpoint-{step:D7}.points");
            times.Should().OnlyContain(t => t >= 0.5 && t <= end, $"step {step}'s points lie in [0.5, {end}]");
            times.Max().Should().BeGreaterThan(previous, $"step {step}'s window reaches past the one before");
            previous = end;
        }
    }

    [Fact]
    public void Resume_AtAWindowBoundaryOfTheLbfgsPhase_RepeatsTheUninterruptedLosses()
    {
        // 20 Adam steps in 2 windows, then 12 L-BFGS iterations in 3 windows (steps 20-23, 24-27, 28-31). The checkpoint
        // after step 23 (the 23 of checkpoint_every) holds window 1's points; resumed from it, the training must know those
        // points belong to window 1 and redraw them for window 2 at step 24, with the generator state they were saved with.
        // L-BFGS starts a fresh curvature history at each window, so from step 24 on the losses repeat exactly.
        var problem = PdeSpecCompiler.Compile(ShiftedAllenCahn);
        var options = new TrainingOptions
        {
            Depth = 1, Width = 8, InteriorPoints = 64, BoundaryPoints = 16, AdamSteps = 20, TimeWindows = 2, LbfgsSteps = 12,
            LbfgsWindows = 3, ResampleEvery = 5, CheckpointEvery = 23, LogEvery = 1, Dtype = "float64", LearningRate = 1e-2,
        };
        var (uninterrupted, losses) = TrainThenResume(problem, options, 23);

        losses.Keys.Min().Should().Be(24);
        losses.Keys.Max().Should().Be(31);
        foreach (var (step, loss) in losses)
            loss.Should().BeApproximately(uninterrupted[step], 1e-9 * Math.Max(1, uninterrupted[step]), $"step {step} repeats the uninterrupted training");
    }

    [Fact]
    public void Settings_ParseLbfgsWindows_AndLimitsRefuseTooManyOrMoreThanLbfgsSteps()
    {
        var options = TrainingSettings.Apply(new TrainingOptions(), System.Text.Json.JsonDocument.Parse("""{"lbfgs_windows": 10}""").RootElement.Clone());
        options.LbfgsWindows.Should().Be(10);
        TrainingLimits.Validate(options);

        var tooMany = () => TrainingLimits.Validate(new TrainingOptions { LbfgsWindows = TimeMarching.MaxWindows + 1, LbfgsSteps = 1000 });
        tooMany.Should().Throw<McpFlowException>().WithMessage("lbfgs_windows = 101 is out of range*between 0 and 100*");
        var shortLbfgs = () => TrainingLimits.Validate(new TrainingOptions { LbfgsWindows = 10, LbfgsSteps = 5 });
        shortLbfgs.Should().Throw<McpFlowException>().WithMessage("lbfgs_windows = 10 needs at least as many lbfgs_steps (it has 5)*");
    }
}
