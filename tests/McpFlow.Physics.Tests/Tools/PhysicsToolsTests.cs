using McpFlow.Core.Tracking;
using McpFlow.Testing;
using Xunit.Abstractions;

namespace McpFlow.Physics.Tests.Tools;

public sealed class PhysicsToolsTests(ITestOutputHelper output) : PhysicsServerTestBase(output)
{
    private static readonly object TinyPoisson = new
    {
        spec = Spec(Poisson), settings = new { depth = 2, width = 16, interior_points = 256, adam_steps = 300, learning_rate = 0.01, lbfgs_steps = 50 }, wait_seconds = 40,
    };

    [Fact]
    public async Task AnalyzePdeProblem_ClassifiesPoissonAndPlansHardBoundaries()
    {
        var result = await CallOkAsync("analyze_pde_problem", new { spec = Spec(Poisson) });
        result.Text().Should().Contain("elliptic").And.Contain("-∇²u = f").And.Contain("Hard boundary");
        var s = result.Structured();
        s.GetProperty("wellPosed").GetBoolean().Should().BeTrue();
        s.GetProperty("plan").GetProperty("hardBoundary").GetBoolean().Should().BeTrue();
        s.GetProperty("classification").GetProperty("order").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task AnalyzePdeProblem_PointsAtTheErrorInAMalformedSource()
    {
        var result = await CallAsync("analyze_pde_problem", new { spec = """{"preset":"poisson","domain":{"x":[0,1]},"source":"2*sin(pi*x"}""" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("position 11").And.Contain("missing ')'");
    }

    [Fact]
    public async Task PinnTrain_TrainsStatusEvaluatesListsAndPredicts()
    {
        var train = await CallUntilFinishedAsync("pinn_train", TinyPoisson);
        train.Text().Should().Contain("finished");
        var result = train.Structured().GetProperty("result");
        var runId = result.GetProperty("run_id").GetString()!;
        result.GetProperty("final").GetProperty("relative_l2_vs_exact").GetDouble().Should().BeLessThan(0.05);
        train.Images().Should().HaveCount(1);

        var status = await CallOkAsync("pinn_status", new { run_id = runId, target_loss = 1e-8 });
        status.Text().Should().Contain("Components: residual");
        status.Structured().GetProperty("health").GetProperty("state").GetString().Should().Be("finished");
        status.Images().Should().HaveCount(1);

        var evaluate = await CallOkAsync("pinn_evaluate", new { run_id = runId, points = new[] { new[] { 0.5, 0.5 }, new[] { 0.0, 0.3 } } });
        var u = evaluate.Structured().GetProperty("u").EnumerateArray().Select(e => e.GetDouble()).ToList();
        u[0].Should().BeApproximately(1.0, 0.05); // sin(π/2)² = 1
        u[1].Should().BeApproximately(0.0, 1e-6); // hard boundary: exactly 0 on x = 0 up to float32 rounding

        var list = await CallOkAsync("pinn_list_runs", new { });
        list.Text().Should().Contain(runId).And.Contain("poisson");
        var row = list.Structured().GetProperty("runs")[0];
        row.GetProperty("run_id").GetString().Should().Be(runId);
        row.GetProperty("problem").GetString().Should().Be("poisson");

        var eta = await CallOkAsync("predict_convergence", new { run_id = runId, target_loss = 1e9 });
        eta.Structured().GetProperty("alreadyReached").GetBoolean().Should().BeTrue();

        Tracking.Params["problem"].Should().Be("poisson");
        Tracking.Metrics.Should().Contain(m => m.Key == "loss" && m.Step == 0);
        Tracking.Ended.Values.Should().Contain(TrackedRunStatus.Finished);
    }

    [Fact]
    public async Task PinnTrain_RefusesAProblemThatIsNotWellPosed()
    {
        var result = await CallAsync("pinn_train", new { spec = Spec("""{"preset":"heat","domain":{"x":[0,1],"t":[0,1]},"boundary_conditions":[{"where":"all"}]}""") });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("not well-posed").And.Contain("initial_condition");
    }

    [Fact]
    public async Task PinnTrain_RefusesAbsurdSizesBeforeAllocating()
    {
        var result = await CallAsync("pinn_train", new { spec = Spec(Poisson), settings = new { width = 100_000 } });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("width = 100000 is out of range");
    }

    [Fact]
    public async Task PinnTrain_RefusesASettingGivenAsItsOwnParameter_NamingSettings()
    {
        // Settings live in one object; a key sent at the top level is named back with the parameters that exist.
        var result = await CallAsync("pinn_train", new { spec = Spec(Poisson), adam_steps = 5 });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("'adam_steps' is not a parameter of this tool").And.Contain("spec, settings, wait_seconds");
    }

    [Fact]
    public async Task PinnTrain_RefusesAnUnknownSetting_ListingTheValidKeys()
    {
        var result = await CallAsync("pinn_train", new { spec = Spec(Poisson), settings = new { epochs = 5 } });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("('epochs')").And.Contain("adam_steps").And.Contain("lbfgs_steps");
    }

    [Fact]
    public async Task PinnTrain_RefusesAPlanThatWouldNotFitInMemoryBeforeStarting()
    {
        var result = await CallAsync("pinn_train", new { spec = Spec(Poisson), settings = new { depth = 12, width = 512, interior_points = 200_000 } });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("This training would need about").And.Contain("is available on this machine").And.Contain("Use at most about");
        Directory.Exists(Path.Combine(WorkspaceRoot, "physics", "runs")).Should().BeFalse("no run folder is created for a refused plan");
    }

    [Fact]
    public async Task PinnTrain_CanBeCancelledThroughJobCancel()
    {
        var start = await CallOkAsync("pinn_train", new { spec = Spec(Poisson), settings = new { depth = 1, width = 8, interior_points = 64, adam_steps = 1_000_000, lbfgs_steps = 0 }, wait_seconds = 1 });
        var jobId = start.Structured().GetProperty("job").GetProperty("id").GetString()!;
        var cancel = await CallOkAsync("job_cancel", new { job_id = jobId });
        cancel.Text().Should().Contain("was cancelled");
        var status = await CallOkAsync("pinn_status", new { run_id = jobId });
        status.Structured().GetProperty("health").GetProperty("state").GetString().Should().Be("cancelled");
    }

    [Fact]
    public async Task PredictConvergence_AnswersFromAGivenHistory()
    {
        // L = 0.1 e^(-0.01 s) reaches 1e-3 at s = ln(100)/0.01 = 460.5 (closed form). The learned prior's held-out median
        // error is about 20% at this fraction seen (EtaBench): the estimate within 35%, the truth inside the 80% interval.
        var losses = Enumerable.Range(0, 150).Select(s => 0.1 * Math.Exp(-0.01 * s)).ToArray();
        var result = await CallOkAsync("predict_convergence", new { losses, target_loss = 1e-3, seconds_per_step = 0.1 });
        result.Structured().GetProperty("steps").GetDouble().Should().BeApproximately(460.5, 460.5 * 0.35);
        result.Structured().GetProperty("stepsLow").GetDouble().Should().BeLessThan(460.5);
        result.Structured().GetProperty("stepsHigh").GetDouble().Should().BeGreaterThan(460.5);
        result.Text().Should().Contain("Predicted to reach");
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    public async Task PredictConvergence_RefusesATargetThatIsNotPositive_NamingTheParameter(double target)
    {
        var result = await CallAsync("predict_convergence", new { losses = Enumerable.Range(0, 20).Select(i => 1.0 / (i + 1)).ToArray(), target_loss = target });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("target_loss must be a positive, finite loss");
    }

    [Fact]
    public async Task PredictConvergence_RejectsACallWithoutHistory()
    {
        var result = await CallAsync("predict_convergence", new { target_loss = 0.01 });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("Give run_id");
    }

    [Fact]
    public async Task PinnStatus_ReportsAnUnknownRun()
    {
        var result = await CallAsync("pinn_status", new { run_id = "pinn-20260101-120000-0bad" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("No physics run 'pinn-20260101-120000-0bad' in this workspace");
    }

    [Fact]
    public async Task PinnListRuns_RejectsABadLimit()
    {
        var result = await CallAsync("pinn_list_runs", new { limit = 0 });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("limit must be between 1 and 200");
    }

    [Fact]
    public async Task PinnEvaluate_RejectsPointsOfTheWrongDimension()
    {
        var train = await CallUntilFinishedAsync("pinn_train", new { spec = Spec(Poisson), settings = new { depth = 1, width = 4, interior_points = 32, adam_steps = 5, lbfgs_steps = 0 }, wait_seconds = 30 });
        var runId = train.Structured().GetProperty("result").GetProperty("run_id").GetString();
        var result = await CallAsync("pinn_evaluate", new { run_id = runId, points = new[] { new[] { 0.5 } } });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("Point 0 must have 2 finite coordinates (x, y)");
    }
}
