using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Validation.Checks;

/// <summary>Measures the wave energy E(t) = ½∫(u_t² + c²|∇u|²) dx of the model (u_t and ∇u by second-order finite
/// differences, Simpson in space) at 11 time slices against the energy the initial data fix, E_data = ½∫(v₀² +
/// c²|∇u₀|²) dx (<see cref="InitialData"/>): max_t |E(t) - E_data| / E_data. Comparing with the data, not with the
/// model's own E(t₀), catches a model that conserves the wrong energy (issue 18: 10.2 held steadily against 49.3).</summary>
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
        var data = InitialData.Energy(problem, grid, c);
        var deviation = energy.Max(e => Math.Abs(e - data));
        var drift = energy.Max(e => Math.Abs(e - energy[0]));
        var measured = data > 0 ? deviation / data : deviation;
        return CheckOutcome.Of("energy conservation", check,
            $"max over t of |E(t) - E_data| / E_data, where E(t) = ½∫(u_t² + c²|∇u|²) dx of the model with c = {c:G4} at {times.Length} times from t = {times[0]:G4} to {times[^1]:G4} " +
            $"and E_data = {data:G4} is the energy of the initial data (½∫(v₀² + c²|∇u₀|²) dx from initial_velocity and the derivative of initial_condition), which the true solution keeps; " +
            $"model derivatives by second-order finite differences (step {FiniteDifference.RelativeStep:G2} of each axis), Simpson quadrature on {grid.Points.Count} nodes" +
            (data > 0 ? "" : " (E_data = 0: absolute)"),
            measured,
            $"the model's energy is {energy[0]:G4} at t₀ and {energy[^1]:G4} at the end, against {data:G4} fixed by the initial data ({measured:P1} off at worst; it drifts by {drift:G3} over time). " +
            "An offset already at t₀ means the network has not learnt the initial state (amplitude or initial velocity); a drift means artificial damping or " +
            "amplification (common when the time horizon spans many periods). Amplitudes are unreliable by about this much.",
            new Dictionary<string, double> { ["energy_data"] = data, ["energy_t0"] = energy[0], ["energy_tmax"] = energy[^1], ["max_deviation"] = deviation, ["max_drift"] = drift });
    }
}
