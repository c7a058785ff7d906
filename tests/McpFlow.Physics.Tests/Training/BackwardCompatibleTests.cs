using McpFlow.Core.Errors;
using McpFlow.Physics.Engine;
using McpFlow.Physics.Specs;
using McpFlow.Physics.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace McpFlow.Physics.Tests.Training;

// Backward-compatible marching of the L-BFGS phase (lbfgs_memory): from the second window on, the points lie above the
// times fitted before, and a memory term holds those times to the network's values when the window moved.
public sealed class BackwardCompatibleTests() : TrainerTestBase("pinn-bc-march")
{
    private static TrainingOptions Tiny => new()
    {
        Depth = 1, Width = 8, InteriorPoints = 64, BoundaryPoints = 16, AdamSteps = 9, LbfgsSteps = 8, LbfgsWindows = 4,
        LbfgsMemory = 1, ResampleEvery = 5, LogEvery = 1, Dtype = "float64", CheckpointEvery = 2, FourierFeatures = 2,
    };

    [Fact]
    public void Lbfgs_WithMemory_DrawsALaterWindowsPointsAboveTheTimesFittedBefore_AndAddsTheTermFromWindowTwo()
    {
        // 9 Adam steps, then 8 L-BFGS iterations in 4 windows of [0.5, 2.5]: steps 9-10 on [0.5, 1.0], 11-12 on [1.0, 1.5],
        // 13-14 on [1.5, 2.0], 15-16 on [2.0, 2.5] (without the memory, window k's points cover [0.5, 0.5 + 0.5k]).
        var problem = PdeSpecCompiler.Compile(ShiftedAllenCahn);
        var run = Store.Create(problem, Tiny);
        var records = new Dictionary<long, StepRecord>();
        using (Trainer.Train(run, (r, _) => records[r.Step] = r, CancellationToken.None))
        {
        }

        run.Final["steps"].Should().Be(17);
        foreach (var (step, floor, end) in new[] { (10, 0.5, 1.0), (12, 1.0, 1.5), (14, 1.5, 2.0), (16, 2.0, 2.5) })
        {
            var times = TimeMarchingTests.TimesIn(run.Folder, $"checkpoint-{step:D7}.points");
            times.Should().OnlyContain(t => t >= floor - 1e-12 && t <= end + 1e-12, $"step {step}'s points lie in [{floor}, {end}]");
        }

        records.Where(r => r.Key < 11).Should().OnlyContain(r => !r.Value.Components.ContainsKey(BackwardCompatible.Component), "window 1 has nothing to remember");
        records.Where(r => r.Key >= 11).Should().OnlyContain(r => r.Value.Components.ContainsKey(BackwardCompatible.Component));
        run.Final.Should().ContainKey($"loss_{BackwardCompatible.Component}");
        // history.csv keeps the term: the run read back from the store has it from step 11 on.
        Store.Get(run.Id).History().Where(r => r.Step >= 11).Should().OnlyContain(r => r.Components.ContainsKey(BackwardCompatible.Component));
    }

    [Fact]
    public void Remember_HoldsTheCurrentValues_OnPointsBelowTheFloor_AndTheTermGrowsWhenTheNetworkMoves()
    {
        var problem = PdeSpecCompiler.Compile(ShiftedAllenCahn);
        using var model = new PinnModel(problem, Tiny, new TorchRuntime(new Core.Configuration.McpFlowOptions { Physics = { Threads = 1 } }).Device);
        using var loss = new PinnLoss(model);
        loss.Compute().Should().NotContainKey(BackwardCompatible.Component);

        loss.Remember(0.25);
        loss.TimeFloor.Should().Be(0.25);
        using (var times = loss.Memory![.., model.Column('t')])
            times.data<double>().ToArray().Should().OnlyContain(t => t >= 0.5 && t <= 1.0, "the first quarter of [0.5, 2.5]");
        // At the remembered parameters the term is exactly 0; after a parameter moves it is positive.
        loss.Compute()[BackwardCompatible.Component].ToDouble().Should().Be(0);
        using (no_grad())
            model.Network.parameters().First().add_(0.1);
        loss.Compute()[BackwardCompatible.Component].ToDouble().Should().BeGreaterThan(1e-6);

        // The interior points drawn from now on lie above the floor.
        loss.MoveWindow(0.5, adaptive: true);
        using (var times = loss.Interior[.., model.Column('t')])
            times.data<double>().ToArray().Should().OnlyContain(t => t >= 1.0 && t <= 1.5);
    }

    [Fact]
    public void PointsFile_KeepsTheMemory_SoAResumedTrainingHasTheSameTerm()
    {
        var problem = PdeSpecCompiler.Compile(ShiftedAllenCahn);
        var device = new TorchRuntime(new Core.Configuration.McpFlowOptions { Physics = { Threads = 1 } }).Device;
        using var model = new PinnModel(problem, Tiny, device);
        using var loss = new PinnLoss(model);
        loss.Remember(0.5);
        using (no_grad())
            model.Network.parameters().First().add_(0.1);
        var expected = loss.Compute()[BackwardCompatible.Component].ToDouble();
        var file = Path.Combine(Root, "memory.points");
        loss.SaveInterior(file);

        using var restored = new PinnLoss(model);
        restored.LoadInterior(file);
        restored.TimeFloor.Should().Be(0.5);
        restored.Compute()[BackwardCompatible.Component].ToDouble().Should().BeApproximately(expected, 1e-15 * Math.Max(1, expected));
        expected.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Resume_AtAWindowBoundary_WithMemory_RepeatsTheUninterruptedLosses()
    {
        // The checkpoint after step 12 (window 2's last) holds window 2's points and the memory of window 1; resumed from it
        // the training remembers again (windows 1-2) and draws window 3's points exactly as the uninterrupted one did.
        var problem = PdeSpecCompiler.Compile(ShiftedAllenCahn);
        var options = Tiny with { CheckpointEvery = 12, LearningRate = 1e-2 };
        var (uninterrupted, losses) = TrainThenResume(problem, options, 12);

        losses.Keys.Min().Should().Be(13);
        foreach (var (step, loss) in losses)
            loss.Should().BeApproximately(uninterrupted[step], 1e-9 * Math.Max(1, uninterrupted[step]), $"step {step} repeats the uninterrupted training");
    }

    [Fact]
    public void Settings_ParseLbfgsMemory_AndLimitsRefuseItWithoutWindowsOrOutOfRange()
    {
        var options = TrainingSettings.Apply(new TrainingOptions { LbfgsSteps = 100 }, System.Text.Json.JsonDocument.Parse("""{"lbfgs_memory": 1, "lbfgs_windows": 10}""").RootElement.Clone());
        options.LbfgsMemory.Should().Be(1);
        TrainingLimits.Validate(options);

        var noWindows = () => TrainingLimits.Validate(new TrainingOptions { LbfgsMemory = 1 });
        noWindows.Should().Throw<McpFlowException>().WithMessage("lbfgs_memory = 1 holds the times fitted in earlier L-BFGS windows, so it needs lbfgs_windows ≥ 2*");
        var negative = () => TrainingLimits.Validate(options with { LbfgsMemory = -1 });
        negative.Should().Throw<McpFlowException>().WithMessage("lbfgs_memory must be between 0 (off) and 1E+06; got -1*");
    }
}
