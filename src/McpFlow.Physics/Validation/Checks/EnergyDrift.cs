using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Validation.Checks;

/// <summary>Measures the drift of the wave energy E(t) = ½∫(u_t² + c²|∇u|²) dx, with u_t and ∇u from second-order
/// finite differences of the model and Simpson quadrature in space, over 11 time slices: max_t |E(t) - E(t₀)| / E(t₀).</summary>
internal static class EnergyDrift
{
    public static PhysicsCheck Measure(PdeProblem problem, SolutionFunction u, ApplicableCheck check)
    {
        var grid = SpaceGrid.For(problem.Space);
        var c = problem.Coefficients.GetValueOrDefault("c", 1.0);
        var times = CheckOutcome.TimeSlices(problem.Time!);
        var timeColumn = problem.Inputs.Count - 1;
        var energy = times.Select(t =>
        {
            var points = grid.At(t);
            var ut = FiniteDifference.Derivative(u, points, timeColumn, problem.Time!);
            var density = ut.Select(v => v * v).ToArray();
            for (var a = 0; a < problem.Space.Count; a++)
            {
                var ux = FiniteDifference.Derivative(u, points, a, problem.Space[a]);
                for (var i = 0; i < density.Length; i++)
                    density[i] += c * c * ux[i] * ux[i];
            }

            return 0.5 * grid.Integrate(density);
        }).ToArray();
        var drift = energy.Max(e => Math.Abs(e - energy[0]));
        var measured = energy[0] > 0 ? drift / energy[0] : 0;
        return CheckOutcome.Of("energy conservation", check,
            $"max over t of |E(t) - E(t₀)| / E(t₀), E = ½∫(u_t² + c²|∇u|²) dx with c = {c:G4}, at {times.Length} times from t = {times[0]:G4} to {times[^1]:G4}; " +
            $"derivatives by second-order finite differences (step {FiniteDifference.RelativeStep:G2} of each axis), Simpson quadrature on {grid.Points.Count} nodes",
            measured,
            $"the wave's energy changes by {measured:P2} although nothing drives or damps it: the network adds artificial damping or amplification " +
            "(common when the time horizon spans many periods). Amplitudes at late times are unreliable.",
            new Dictionary<string, double> { ["energy_t0"] = energy[0], ["energy_tmax"] = energy[^1], ["max_drift"] = drift });
    }
}
