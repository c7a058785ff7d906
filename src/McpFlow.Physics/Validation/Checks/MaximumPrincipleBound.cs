using McpFlow.Physics.Analysis;
using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Validation.Checks;

/// <summary>Measures how far max|u| of the model exceeds the bound the data set: B = the largest |u₀| (initial
/// condition on the space grid and random points) and |g| on Dirichlet faces (random points and times);
/// reported as max(0, max|u| - B) / B.</summary>
internal static class MaximumPrincipleBound
{
    private const int DataPoints = 2000;
    private const int ModelPoints = 4000;
    private const int Seed = 1414;

    public static PhysicsCheck Measure(PdeProblem problem, SolutionFunction u, ApplicableCheck check)
    {
        var sampler = new PointSampler(problem);
        var random = new Random(Seed);
        var dims = problem.Inputs.Count;
        var t0 = problem.Time!.Min;
        var grid = SpaceGrid.For(problem.Space);
        var initial = sampler.Compile(problem.Initial!);
        var initialPoints = grid.At(t0).Concat(Enumerable.Range(0, DataPoints).Select(_ => { var q = sampler.Interior(random)[..dims]; q[dims - 1] = t0; return q; }));
        var bound = initialPoints.Max(q => Math.Abs(initial(sampler.At(q))));
        foreach (var bc in problem.Boundaries.Where(b => b.Kind == BoundaryKind.Dirichlet))
        {
            var g = sampler.Compile(bc.Value!);
            var axis = problem.Space.First(a => a.Name == bc.Face.Axis);
            var column = problem.Inputs.ToList().FindIndex(a => a.Name == axis.Name);
            for (var i = 0; i < DataPoints; i++)
            {
                var q = sampler.Interior(random)[..dims];
                q[column] = bc.Face.IsMax ? axis.Max : axis.Min;
                bound = Math.Max(bound, Math.Abs(g(sampler.At(q))));
            }
        }

        var modelPoints = CheckOutcome.TimeSlices(problem.Time).SelectMany(grid.At)
            .Concat(Enumerable.Range(0, ModelPoints).Select(_ => sampler.Interior(random)[..dims])).ToList();
        var maxU = u(modelPoints).Max(Math.Abs);
        var excess = Math.Max(0, maxU - bound);
        var measured = bound > 0 ? excess / bound : excess;
        return CheckOutcome.Of("maximum principle", check,
            $"how far max|u| over {modelPoints.Count} points (a grid at 11 times and random points) exceeds the largest |u| of the initial and Dirichlet data " +
            $"(B = {bound:G4}), relative to B{(bound > 0 ? "" : " (B = 0: absolute)")}",
            measured,
            $"u reaches {maxU:G4}, beyond the largest initial/boundary value {bound:G4}, which diffusion without a source cannot do: the network oscillates " +
            "spuriously (often near steep fronts or at early times); values beyond the bound are artefacts.",
            new Dictionary<string, double> { ["max_abs_u"] = maxU, ["data_bound"] = bound, ["excess"] = excess });
    }
}
