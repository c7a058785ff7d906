using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Validation.Checks;

/// <summary>Measures how far the solution is from even (odd) about an axis' mid-plane: |u(x) ∓ u(x')| over random
/// points, relative to max|u| there.</summary>
internal static class SymmetryMeasurement
{
    private const int Points = 2000; // same count as the residual check of the validator
    private const int Seed = 1618;

    public static PhysicsCheck Measure(PdeProblem problem, SolutionFunction u, ApplicableCheck check)
    {
        var axis = problem.Space.First(a => a.Name == check.Axis);
        var column = problem.Inputs.ToList().FindIndex(a => a.Name == axis.Name);
        var random = new Random(Seed);
        var points = Enumerable.Range(0, Points).Select(_ => problem.Inputs.Select(a => a.Min + random.NextDouble() * a.Length).ToArray()).ToList();
        var mirrored = points.Select(p => { var q = (double[])p.Clone(); q[column] = axis.Min + axis.Max - p[column]; return q; }).ToList();
        var values = u([.. points, .. mirrored]);
        var sign = check.Kind == PhysicsCheckKind.EvenSymmetry ? -1 : 1; // even: u(x) - u(x'), odd: u(x) + u(x')
        var gaps = Enumerable.Range(0, Points).Select(i => Math.Abs(values[i] + sign * values[Points + i])).ToList();
        var scale = values.Max(Math.Abs);
        var max = scale > 0 ? gaps.Max() / scale : 0;
        var rms = scale > 0 ? Math.Sqrt(gaps.Average(g => g * g)) / scale : 0;
        var even = check.Kind == PhysicsCheckKind.EvenSymmetry;
        var name = $"{(even ? "even" : "odd")} symmetry in {axis.Name}";
        var what = $"max |u(x) {(even ? "-" : "+")} u(x')| / max|u| over {Points} random points, x' = x mirrored about {axis.Name} = {(axis.Min + axis.Max) / 2:G6}";
        return CheckOutcome.Of(name, check, what, max,
            $"the problem is {(even ? "symmetric" : "antisymmetric")} in {axis.Name} but the network is not, by {max:P2} of max|u|: it has not learned the solution " +
            "to that accuracy somewhere (its error there is at least half this gap), typically where collocation points are sparse or training stopped early. Train longer or with more points.",
            new Dictionary<string, double> { ["max_relative"] = max, ["rms_relative"] = rms, ["max_abs_u"] = scale });
    }
}
