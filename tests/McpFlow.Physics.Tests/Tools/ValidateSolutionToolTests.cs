using McpFlow.Testing;

namespace McpFlow.Physics.Tests.Tools;

public sealed class ValidateSolutionToolTests : PhysicsServerTestBase
{
    [Fact]
    public async Task ValidateSolution_ReportsErrorsAgainstTheExactSolutionWithHeatmaps()
    {
        var train = await CallUntilFinishedAsync("pinn_train", new { spec = Spec(Poisson), settings = new { depth = 2, width = 16, interior_points = 256, adam_steps = 300, learning_rate = 0.01, lbfgs_steps = 50 }, wait_seconds = 40 });
        var runId = train.Structured().GetProperty("result").GetProperty("run_id").GetString();

        var result = await CallOkAsync("validate_solution", new { run_id = runId });
        var report = result.Structured().GetProperty("report");
        report.GetProperty("relativeL2").GetDouble().Should().BeLessThan(0.05);
        report.GetProperty("comparedWith").GetString().Should().Be("exact solution");
        report.GetProperty("conditions").EnumerateArray().Should().HaveCount(4)
            .And.OnlyContain(c => c.GetProperty("max").GetDouble() < 1e-5); // hard boundary conditions hold to rounding
        result.Images().Should().HaveCount(2);

        var physics = report.GetProperty("physicsChecks");
        var checks = physics.GetProperty("checks").EnumerateArray().ToList();
        checks.Select(c => c.GetProperty("name").GetString()).Should().Equal("even symmetry in x", "even symmetry in y");
        foreach (var check in checks)
        {
            var measured = check.GetProperty("measured").GetDouble();
            measured.Should().BeInRange(0, 0.1); // the model is within 5% (relative L2) of an even solution
            check.GetProperty("tolerance").GetDouble().Should().Be(0.01);
            check.GetProperty("passed").GetBoolean().Should().Be(measured <= 0.01);
            check.GetProperty("details").GetProperty("max_abs_u").GetDouble().Should().BeApproximately(1.0, 0.1); // max sin(πx)sin(πy) = 1
        }

        result.Text().Should().Contain("Physics-aware checks:").And.Contain("even symmetry in x: ");
    }

    [Fact]
    public async Task ValidateSolution_UsesTheFiniteDifferenceReferenceWithoutAnExactSolution()
    {
        var spec = Spec("""{"preset":"heat","coefficients":{"alpha":0.1},"domain":{"x":[0,1],"t":[0,1]},"initial_condition":"sin(pi*x)","boundary_conditions":[{"where":"all","value":"0"}]}""");
        var train = await CallUntilFinishedAsync("pinn_train", new { spec, settings = new { depth = 2, width = 16, interior_points = 256, initial_points = 64, adam_steps = 300, learning_rate = 0.01, lbfgs_steps = 0 }, wait_seconds = 40 });
        var runId = train.Structured().GetProperty("result").GetProperty("run_id").GetString();

        var result = await CallOkAsync("validate_solution", new { run_id = runId });
        var report = result.Structured().GetProperty("report");
        report.GetProperty("comparedWith").GetString().Should().StartWith("finite-difference reference (Crank-Nicolson");
        report.GetProperty("referenceErrorEstimate").GetDouble().Should().BeLessThan(1e-3);
        report.GetProperty("relativeL2").GetDouble().Should().BeLessThan(0.2);

        // sin(πx) initial data with zero Dirichlet ends: even about x = 0.5, bounded by max sin = 1, but mass leaves through the ends.
        var physics = report.GetProperty("physicsChecks");
        var checks = physics.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("kind").GetString()!);
        checks.Keys.Should().BeEquivalentTo("even_symmetry", "maximum_principle");
        checks["maximum_principle"].GetProperty("details").GetProperty("data_bound").GetDouble().Should().BeApproximately(1.0, 1e-9);
        checks["maximum_principle"].GetProperty("measured").GetDouble().Should().BeGreaterThanOrEqualTo(0);
        physics.GetProperty("notApplicable").EnumerateArray().Select(r => r.GetString()).Should()
            .Contain("mass conservation: face x=min is Dirichlet, so u flows in or out through it.");
        result.Text().Should().Contain("maximum principle: ").And.Contain("not applicable: mass conservation");
    }

    [Fact]
    public async Task ValidateSolution_ReportsAnUnknownRun()
    {
        var result = await CallAsync("validate_solution", new { run_id = "pinn-20260101-120000-0bad" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("No physics run 'pinn-20260101-120000-0bad' in this workspace");
    }
}
