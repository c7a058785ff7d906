using System.Text.Json;
using McpFlow.Physics.Tests.Validation;
using McpFlow.Testing;

namespace McpFlow.Physics.Tests.Tools;

/// <summary>validate_solution on problems without an exact solution that the finite-difference references now cover.</summary>
[Collection(FdReferenceCollection.Name)]
public sealed class ValidateSolutionReferenceToolTests : PhysicsServerTestBase
{
    [Fact]
    public async Task ValidateSolution_Compares2DHeatWithNeumannFacesToTheAdiReference_AsTheClosedFormWould()
    {
        // The spec has no exact_solution; its true solution is u = e^{-2t}·cos(x)·cos(y) (AdiFdSolverTests.Heat2DNeumann).
        var train = await CallUntilFinishedAsync("pinn_train", new { spec = Spec(AdiFdSolverTests.Heat2DNeumann), settings = new { depth = 2, width = 16, interior_points = 256, initial_points = 64, boundary_points = 64, adam_steps = 300, learning_rate = 0.01, lbfgs_steps = 0 }, wait_seconds = 45 });
        var runId = train.Structured().GetProperty("result").GetProperty("run_id").GetString();

        var result = await CallOkAsync("validate_solution", new { run_id = runId });
        var report = result.Structured().GetProperty("report");
        report.GetProperty("comparedWith").GetString().Should().StartWith("finite-difference reference (Hundsdorfer-Verwer ADI").And.Contain("64×64 cells").And.Contain("t = 1");
        var referenceError = report.GetProperty("referenceErrorEstimate").GetDouble();
        referenceError.Should().BeGreaterThan(0).And.BeLessThan(1e-3);
        report.GetProperty("conditions").EnumerateArray().Select(c => c.GetProperty("condition").GetString()).Should()
            .Contain(["dirichlet x=min", "neumann x=max", "neumann y=min", "neumann y=max", "initial condition u(x, t0)"]);

        // Independent check: the same model on the reference's 65×65 grid at t = 1 against the closed form.
        var nodes = Enumerable.Range(0, 65).Select(i => i / 64.0).ToArray();
        var points = nodes.SelectMany(x => nodes.Select(y => new[] { x, y, 1.0 })).ToArray();
        var u = new List<double>();
        foreach (var chunk in points.Chunk(800)) // pinn_evaluate answers at most 800 points per call
        {
            var evaluated = await CallOkAsync("pinn_evaluate", new { run_id = runId, points = chunk });
            u.AddRange(evaluated.Structured().GetProperty("u").EnumerateArray().Select(e => e.GetDouble()));
        }

        double num = 0, den = 0;
        for (var k = 0; k < points.Length; k++)
        {
            var exact = AdiFdSolverTests.Heat2DExact(points[k]);
            num += (u[k] - exact) * (u[k] - exact);
            den += exact * exact;
        }

        // |‖u - ref‖/‖ref‖ - ‖u - exact‖/‖exact‖| ≤ about 2·max|ref - exact|/min|exact| ≈ 2·5e-5/0.07: allow 2e-3.
        report.GetProperty("relativeL2").GetDouble().Should().BeApproximately(Math.Sqrt(num / den), 2e-3);
        report.GetProperty("relativeL2").GetDouble().Should().BeLessThan(0.5); // a 300-step PINN: the numbers are real, not tiny
    }

    [Fact]
    public async Task ValidateSolution_ExplainsWhyPureNeumannPoissonHasNoReference()
    {
        var spec = Spec("""
            {"preset":"poisson","domain":{"x":[0,1]},"source":"pi^2*cos(pi*x)","boundary_conditions":[{"where":"all","type":"neumann","value":"0"}]}
            """);
        var train = await CallUntilFinishedAsync("pinn_train", new { spec, settings = new { depth = 2, width = 8, interior_points = 64, adam_steps = 20, lbfgs_steps = 0 }, wait_seconds = 45 });
        var runId = train.Structured().GetProperty("result").GetProperty("run_id").GetString();

        var report = (await CallOkAsync("validate_solution", new { run_id = runId })).Structured().GetProperty("report");
        report.GetProperty("comparedWith").GetString().Should().StartWith("none").And.Contain("poisson with no dirichlet face");
        (report.TryGetProperty("relativeL2", out var l2) && l2.ValueKind != JsonValueKind.Null).Should().BeFalse("there is nothing to compare with");
    }
}
