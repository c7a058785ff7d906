using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Validation.Checks;

/// <summary>Measures the mass M(t) = ∫u dx of the model (Simpson on a space grid) at 11 time slices against the mass of
/// the initial condition, M_data = ∫u₀ dx (<see cref="InitialData"/>): max_t |M(t) - M_data| / ∫|u₀| dx.</summary>
internal static class MassDrift
{
    public static PhysicsCheck Measure(PdeProblem problem, SolutionFunction u, ApplicableCheck check)
    {
        var grid = SpaceGrid.For(problem.Space);
        var times = CheckOutcome.TimeSlices(problem.Time!);
        var n = grid.Points.Count;
        var values = u(times.SelectMany(grid.At).ToList());
        var mass = times.Select((_, k) => grid.Integrate(values.AsSpan(k * n, n))).ToArray();
        var (data, l1) = InitialData.Mass(problem, grid);
        var deviation = mass.Max(m => Math.Abs(m - data));
        var measured = l1 > 0 ? deviation / l1 : deviation;
        return CheckOutcome.Of("mass conservation", check,
            $"max over t of |∫u(x,t) dx - M_data| / ∫|u₀| dx, where M_data = {data:G4} is the mass of the initial condition u₀, which the true solution keeps; " +
            $"model at {times.Length} times from t = {times[0]:G4} to {times[^1]:G4}, Simpson quadrature on {n} nodes" + (l1 > 0 ? "" : " (u₀ = 0: absolute)"),
            measured,
            $"the model's mass is {mass[0]:G4} at t₀ and {mass[^1]:G4} at the end, against {data:G4} in the initial condition ({measured:P2} of ∫|u₀| off at worst): " +
            "the network creates or destroys u, or has not learnt the initial state, typically where the residual is under-resolved (steep fronts) or the " +
            "zero-flux/periodic conditions are not yet satisfied. Values are biased by about this much.",
            new Dictionary<string, double> { ["mass_data"] = data, ["mass_t0"] = mass[0], ["mass_tmax"] = mass[^1], ["max_deviation"] = deviation, ["l1_data"] = l1 });
    }
}
