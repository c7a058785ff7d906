using McpFlow.Core.Errors;
using McpFlow.Physics.Specs;
using McpFlow.Physics.Training;
using static TorchSharp.torch;

namespace McpFlow.Physics.Tests.Training;

public sealed class TimeMarchingTests() : TrainerTestBase("pinn-march")
{
    [Theory]
    // 4 windows over 1000 Adam steps: stage k = 1 + ⌊4·step/1000⌋, horizon k/4, the 4th stage the full interval.
    [InlineData(0, 1000, 4, 0.25)]
    [InlineData(249, 1000, 4, 0.25)]
    [InlineData(250, 1000, 4, 0.5)]
    [InlineData(499, 1000, 4, 0.5)]
    [InlineData(500, 1000, 4, 0.75)]
    [InlineData(749, 1000, 4, 0.75)]
    [InlineData(750, 1000, 4, 1.0)]
    [InlineData(999, 1000, 4, 1.0)]
    // L-BFGS steps (≥ adam_steps) and marching switched off (0 or 1 window) use the full interval.
    [InlineData(1000, 1000, 4, 1.0)]
    [InlineData(5000, 1000, 4, 1.0)]
    [InlineData(0, 1000, 0, 1.0)]
    [InlineData(0, 1000, 1, 1.0)]
    // 3 windows over 10 steps: ⌊3·step/10⌋ is 0 for steps 0-3, 1 for 4-6, 2 for 7-9.
    [InlineData(3, 10, 3, 1.0 / 3)]
    [InlineData(4, 10, 3, 2.0 / 3)]
    [InlineData(6, 10, 3, 2.0 / 3)]
    [InlineData(7, 10, 3, 1.0)]
    // No Adam phase: nothing to march over.
    [InlineData(0, 0, 4, 1.0)]
    public void Horizon_GrowsByOneWindowPerStageOfTheAdamPhase(long step, int adamSteps, int windows, double expected)
    {
        TimeMarching.Horizon(step, adamSteps, windows).Should().BeApproximately(expected, 1e-15);
    }

    [Fact]
    public void Points_LieInsideTheCurrentWindow_AndCoverIt_AndSpaceIsUntouched()
    {
        var problem = PdeSpecCompiler.Compile(ShiftedAllenCahn);
        using var model = new PinnModel(problem, new TrainingOptions { Depth = 1, Width = 8, InteriorPoints = 2000, AdamSteps = 100, TimeWindows = 4, Dtype = "float64" }, CPU);
        using var loss = new PinnLoss(model);

        loss.TimeHorizon.Should().Be(0.25);
        Fills(loss.Interior, 1, 0.5, 1.0); // the first window: [0.5, 0.5 + 0.25·2]
        Fills(loss.Interior, 0, -1, 1);    // space keeps its full extent

        loss.MoveWindow(0.75, adaptive: false);
        Fills(loss.Interior, 1, 0.5, 2.0);

        // Residual-based redrawing keeps to the window too (its candidates are drawn there).
        loss.MoveWindow(0.5, adaptive: true);
        Fills(loss.Interior, 1, 0.5, 1.5);
        loss.Interior.shape[0].Should().Be(2000);

        loss.MoveWindow(1, adaptive: false);
        Fills(loss.Interior, 1, 0.5, 2.5);
    }

    [Fact]
    public void Training_DrawsEachStagesPointsInItsWindow_AndLbfgsUsesTheWholeInterval()
    {
        // 40 Adam steps in 4 windows (steps 0-9, 10-19, 20-29, 30-39), residual-based resampling every 5 steps, checkpoints
        // after steps 10, 20 and 30 (each holding that step's points), then 2 L-BFGS iterations.
        var problem = PdeSpecCompiler.Compile(ShiftedAllenCahn);
        var options = new TrainingOptions
        {
            Depth = 1, Width = 8, InteriorPoints = 64, BoundaryPoints = 16, AdamSteps = 40, LbfgsSteps = 2, TimeWindows = 4,
            ResampleEvery = 5, LogEvery = 1, Dtype = "float64", CheckpointEvery = 10,
        };
        var run = Store.Create(problem, options);
        using (Trainer.Train(run, (_, _) => { }, CancellationToken.None))
        {
        }

        run.Final["steps"].Should().Be(42);
        // Step 10 is in window 2 ([0.5, 1.5]), 20 in window 3 ([0.5, 2.0]), 30 in the last, the whole interval.
        var previous = 1.0;
        foreach (var (step, end) in new[] { (10, 1.5), (20, 2.0), (30, 2.5) })
        {
            var times = TimesIn(run.Folder, $"checkpoint-{step:D7}.points");
            times.Should().OnlyContain(t => t >= 0.5 && t <= end, $"step {step}'s points lie in [0.5, {end}]");
            times.Max().Should().BeGreaterThan(previous, $"step {step}'s window reaches past the one before");
            previous = end;
        }
    }

    [Fact]
    public void Resume_ContinuesTheWindowSchedule_WithTheLossesOfTheUninterruptedTraining()
    {
        // 120 Adam steps in 4 windows (moves at 30, 60, 90), resampling every 20, checkpoints after steps 45 and 90 and at
        // the end. Resumed from the one after step 45 (window 2, after the move at 30 and a resampling at 40), the rest
        // crosses the moves at 60 and 90: only if the resumed training knows its restored points lie in window 2 does it
        // skip a move at step 46 and repeat the uninterrupted losses.
        var problem = PdeSpecCompiler.Compile(ShiftedAllenCahn);
        var options = new TrainingOptions
        {
            Depth = 1, Width = 8, InteriorPoints = 64, BoundaryPoints = 16, AdamSteps = 120, LbfgsSteps = 0, TimeWindows = 4,
            ResampleEvery = 20, CheckpointEvery = 45, LogEvery = 1, Dtype = "float64", LearningRate = 1e-2,
        };
        var (uninterrupted, losses) = TrainThenResume(problem, options, 45);

        losses.Keys.Min().Should().Be(46);
        losses.Keys.Max().Should().Be(119);
        foreach (var (step, loss) in losses)
            loss.Should().BeApproximately(uninterrupted[step], 1e-9 * Math.Max(1, uninterrupted[step]), $"step {step} repeats the uninterrupted training");
    }

    [Fact]
    public void Settings_ParseTimeWindows_AndLimitsRefuseTooManyOrMoreThanAdamSteps()
    {
        var options = TrainingSettings.Apply(new TrainingOptions(), System.Text.Json.JsonDocument.Parse("""{"time_windows": 10}""").RootElement.Clone());
        options.TimeWindows.Should().Be(10);
        TrainingLimits.Validate(options);

        var tooMany = () => TrainingLimits.Validate(new TrainingOptions { TimeWindows = TimeMarching.MaxWindows + 1 });
        tooMany.Should().Throw<McpFlowException>().WithMessage("time_windows = 101 is out of range*between 0 and 100*");
        var negative = () => TrainingLimits.Validate(new TrainingOptions { TimeWindows = -1 });
        negative.Should().Throw<McpFlowException>().WithMessage("time_windows = -1 is out of range*");
        var shortAdam = () => TrainingLimits.Validate(new TrainingOptions { TimeWindows = 10, AdamSteps = 5 });
        shortAdam.Should().Throw<McpFlowException>().WithMessage("time_windows = 10 needs at least as many adam_steps (it has 5)*");
    }

    // Every point's coordinate in the column lies in [low, high], and the points reach within 0.02 of both ends: 2000
    // uniform draws on an interval of length ≤ 2 miss a 0.02-wide end with probability (1 - 0.01)^2000 < 1e-8.
    private static void Fills(Tensor points, int column, double low, double high)
    {
        using var values = points[.., column];
        var min = values.min().item<double>();
        var max = values.max().item<double>();
        min.Should().BeInRange(low, low + 0.02);
        max.Should().BeInRange(high - 0.02, high);
    }

    // The time column of a checkpoint's .points file (PinnLoss.SaveInterior: rows, columns, float64 values row by row).
    internal static double[] TimesIn(string folder, string name)
    {
        using var reader = new BinaryReader(File.OpenRead(Path.Combine(folder, name)));
        var rows = reader.ReadInt64();
        var columns = reader.ReadInt64();
        var times = new double[rows];
        for (var i = 0; i < rows * columns; i++)
        {
            var value = reader.ReadDouble();
            if (i % columns == columns - 1)
                times[i / columns] = value;
        }

        return times;
    }
}
