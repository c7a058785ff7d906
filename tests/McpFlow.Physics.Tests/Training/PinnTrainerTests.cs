using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;
using McpFlow.Core.Workspace;
using McpFlow.Physics.Engine;
using McpFlow.Physics.Specs;
using McpFlow.Physics.Tests.Specs;
using McpFlow.Physics.Training;
using TorchSharp;

namespace McpFlow.Physics.Tests.Training;

public sealed class PinnTrainerTests() : TrainerTestBase("pinn-train")
{
    internal static double RelativeL2(PinnModel model, Func<double, double, double> exact)
    {
        var points = new List<double[]>();
        for (var i = 0; i <= 20; i++)
            for (var j = 0; j <= 20; j++)
                points.Add([i / 20.0, j / 20.0]);
        var u = PinnPredictor.Predict(model, points);
        double num = 0, den = 0;
        for (var k = 0; k < points.Count; k++)
        {
            var e = exact(points[k][0], points[k][1]);
            num += (u[k] - e) * (u[k] - e);
            den += e * e;
        }

        return Math.Sqrt(num / den);
    }

    [Fact]
    public void Train_SolvesPoissonWithHardBoundariesAndTheLossFalls()
    {
        var problem = PdeSpecCompiler.Compile(PdeSpecCompilerTests.Poisson);
        var options = new TrainingOptions { Depth = 2, Width = 16, InteriorPoints = 256, AdamSteps = 300, LearningRate = 1e-2, LbfgsSteps = 60, ResampleEvery = 100, LogEvery = 10 };
        var run = Store.Create(problem, options);
        var observed = 0;
        using var model = Trainer.Train(run, (_, _) => observed++, CancellationToken.None);

        var history = run.History();
        observed.Should().Be(360);
        history.Last().Loss.Should().BeLessThan(history.First().Loss / 100);
        // sin(πx)sin(πy) is the exact solution; a tiny network gets within a few percent.
        RelativeL2(model, (x, y) => Math.Sin(Math.PI * x) * Math.Sin(Math.PI * y)).Should().BeLessThan(0.05);
        File.Exists(Path.Combine(run.Folder, "model.pt")).Should().BeTrue();
    }

    [Fact]
    public void Train_EnforcesSoftBoundaryAndInitialConditionsForHeat()
    {
        var problem = PdeSpecCompiler.Compile("""
            {"preset":"heat","coefficients":{"alpha":0.1},"domain":{"x":[0,1],"t":[0,1]},"initial_condition":"sin(pi*x)",
             "boundary_conditions":[{"where":"x=0","type":"dirichlet","value":"0"},{"where":"x=1","type":"neumann","value":"-pi*exp(-0.1*pi^2*t)"}]}
            """);
        var options = new TrainingOptions { Depth = 2, Width = 16, InteriorPoints = 256, BoundaryPoints = 64, InitialPoints = 64, AdamSteps = 400, LearningRate = 1e-2, LbfgsSteps = 0, LogEvery = 10 };
        var run = Store.Create(problem, options);
        using var model = Trainer.Train(run, (_, _) => { }, CancellationToken.None);

        var last = run.History().Last();
        last.Components.Keys.Should().BeEquivalentTo("residual", "boundary", "initial");
        last.Components["initial"].Should().BeLessThan(1e-2);
        // u(0, t) = 0 must hold approximately at the Dirichlet face.
        PinnPredictor.Predict(model, [[0.0, 0.5]])[0].Should().BeApproximately(0, 0.1);
    }

    [Fact]
    public void Train_StopsWithAnExplanationWhenTheLossBecomesNaN()
    {
        var problem = PdeSpecCompiler.Compile("""{"equation":"u_xx - log(x - 2) = 0","domain":{"x":[0,1]},"boundary_conditions":[{"where":"all","value":"0"}]}""");
        var run = Store.Create(problem, new TrainingOptions { Depth = 1, Width = 4, InteriorPoints = 16, AdamSteps = 5, LbfgsSteps = 0 });
        var act = () => Trainer.Train(run, (_, _) => { }, CancellationToken.None);
        act.Should().Throw<McpFlowException>().Where(e => e.Message.Contains("The loss became NaN at step 0") && e.ToClientMessage().Contains("log or sqrt"));
    }

    [Fact]
    public void Train_StopsWithinAStepWhenCancelled_AndKeepsTheBestModelAndTheHistory()
    {
        var problem = PdeSpecCompiler.Compile(PdeSpecCompilerTests.Poisson);
        var run = Store.Create(problem, new TrainingOptions { Depth = 1, Width = 8, InteriorPoints = 64, AdamSteps = 100_000, LbfgsSteps = 0, LogEvery = 10 });
        using var cts = new CancellationTokenSource();
        var steps = 0;
        var act = () => Trainer.Train(run, (_, _) => { if (++steps == 20) cts.Cancel(); }, cts.Token);
        act.Should().Throw<OperationCanceledException>();
        steps.Should().Be(20);

        // Issue 18: a run cancelled before its first periodic checkpoint (every 1000 steps) kept no model.
        run.Message.Should().StartWith("The best model so far (loss").And.Contain("was saved as checkpoint-0000020.pt");
        var reloaded = new PinnRunStore(new McpFlowWorkspace(Root), TimeProvider.System).Get(run.Id);
        reloaded.History().Select(r => r.Step).Should().Equal(0, 10);
        var (model, file) = new PinnModelLoader(new TorchRuntime(new McpFlowOptions { Physics = { Threads = 1 } })).Load(reloaded);
        model.Dispose();
        Path.GetFileName(file).Should().Be("checkpoint-0000020.pt");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    public void Train_ReportsTheLossOfTheModelItSaves(int lbfgsSteps)
    {
        // Issue 18: the L-BFGS guard saved parameters copied after the step it measured, and the reported final loss
        // matched neither. A learning rate of 0.05 makes Adam's last steps noisy. The saved model's loss is recomputed
        // independently on the same points (same seed, fixed points, weights 1).
        var problem = PdeSpecCompiler.Compile(PdeSpecCompilerTests.Poisson);
        var options = new TrainingOptions
        {
            Depth = 2, Width = 16, InteriorPoints = 256, AdamSteps = 200, LearningRate = 0.05, LbfgsSteps = lbfgsSteps, ResampleEvery = 0, AdaptiveWeights = false, LogEvery = 1,
        };
        var run = Store.Create(problem, options);
        using (Trainer.Train(run, (_, _) => { }, CancellationToken.None)) { }

        using var saved = new PinnModel(problem, options, new TorchRuntime(new McpFlowOptions { Physics = { Threads = 1 } }).Device);
        saved.Network.load(Path.Combine(run.Folder, "model.pt"));
        using var loss = new PinnLoss(saved);
        using var scope = torch.NewDisposeScope();
        var recomputed = loss.Compute().Values.Sum(t => t.ToDouble());

        run.Final["loss"].Should().BeApproximately(recomputed, 1e-6 * recomputed);
        run.Final["loss"].Should().BeLessThanOrEqualTo(run.History().Min(r => r.Loss)); // the best measured, not the last
        var lbfgs = run.History().Where(r => r.Phase == "lbfgs").Select(r => r.Loss).ToList();
        lbfgs.Should().BeInDescendingOrder(); // the strong-Wolfe line search only accepts decreasing steps
        run.Final["steps"].Should().Be(200 + lbfgs.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    public void Train_WeighsTheResidualCausallyInAdam_AndLbfgsMinimisesThePlainResidual(int lbfgsSteps)
    {
        // Heat with hard faces and hard initial data: the residual is the only term. The saved model's loss is recomputed
        // on the same points (same seed, fixed points, weights 1): causally weighted when training ended in Adam, plain
        // when L-BFGS ran (its line search needs a fixed objective).
        var problem = PdeSpecCompiler.Compile("""
            {"preset":"heat","coefficients":{"alpha":0.1},"domain":{"x":[0,1],"t":[0,1]},"initial_condition":"sin(pi*x)",
             "boundary_conditions":[{"where":"x","type":"dirichlet","value":"0"}]}
            """);
        var options = new TrainingOptions
        {
            Depth = 2, Width = 16, InteriorPoints = 256, AdamSteps = 100, LearningRate = 1e-2, LbfgsSteps = lbfgsSteps, ResampleEvery = 0, AdaptiveWeights = false,
            HardInitial = true, CausalChunks = 4, CausalEpsilon = 1, Dtype = "float64", LogEvery = 1,
        };
        var run = Store.Create(problem, options);
        using (Trainer.Train(run, (_, _) => { }, CancellationToken.None)) { }

        using var saved = new PinnModel(problem, options, new TorchRuntime(new McpFlowOptions { Physics = { Threads = 1 } }).Device);
        saved.Network.load(Path.Combine(run.Folder, "model.pt"));
        using var loss = new PinnLoss(saved) { CausalActive = lbfgsSteps == 0 };
        using var scope = torch.NewDisposeScope();
        var recomputed = loss.Compute()["residual"].ToDouble();

        run.Final["loss"].Should().BeApproximately(recomputed, 1e-9 * recomputed);
        run.Final["causal_weight_min"].Should().BeInRange(0, 1);
        loss.Causal.Should().NotBeNull();
    }
}
