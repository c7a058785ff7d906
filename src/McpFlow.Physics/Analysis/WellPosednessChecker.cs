using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Analysis;

/// <summary>Checks that the conditions fit the equation: every face covered once, initial data for each order
/// in time, finite data (<see cref="DataFiniteness"/>), consistent corners and initial/boundary data, and an exact
/// solution that satisfies the equation and the boundary and initial data (<see cref="ExactSolutionConsistency"/>).</summary>
public static class WellPosednessChecker
{
    private const double CompatibilityTolerance = 1e-6; // relative mismatch reported as incompatible data
    private const double ExactResidualTolerance = 1e-6; // relative residual of a correct closed form (rounding only)

    /// <summary>All findings; severity "error" means training would be meaningless.</summary>
    public static IReadOnlyList<Issue> Check(PdeProblem problem, PdeClassification classification)
    {
        var issues = new List<Issue>();
        var spatialOrder = problem.ResidualDerivatives.Select(s => s.Count(c => c != 't') - 2).DefaultIfEmpty(0).Max();
        foreach (var axis in problem.Space)
        {
            foreach (var face in new[] { new Face(axis.Name, false), new Face(axis.Name, true) })
            {
                var conditions = problem.Boundaries.Where(b => b.Face == face).ToList();
                if (conditions.Count > 1)
                    issues.Add(new("error", $"Face {face} has {conditions.Count} conditions ({string.Join(", ", conditions.Select(c => c.Kind))}); keep exactly one per face."));
                if (conditions.Count == 0 && classification.Order >= 2 && spatialOrder >= 0)
                    issues.Add(new("error", $"Face {face} has no boundary condition; a second-order equation needs one on every face (dirichlet, neumann or periodic)."));
            }

            var kinds = problem.Boundaries.Where(b => b.Face.Axis == axis.Name).Select(b => b.Kind).Distinct().ToList();
            if (kinds.Contains(BoundaryKind.Periodic) && kinds.Count > 1)
                issues.Add(new("error", $"Axis {axis.Name} mixes periodic with other conditions; periodic applies to both {axis.Name} faces."));
        }

        if (problem.Boundaries.Count > 0 && problem.Boundaries.All(b => b.Kind != BoundaryKind.Dirichlet) && problem.Time is null && problem.Kind != "helmholtz")
            issues.Add(new("warning", "No Dirichlet condition anywhere: a steady problem with only Neumann/periodic conditions fixes u only up to a constant, and a solution exists only if the source and fluxes balance. Pin u somewhere (one Dirichlet face)."));

        if (problem.Time is not null)
        {
            if (classification.TimeOrder >= 1 && problem.Initial is null)
                issues.Add(new("error", "The equation evolves in time but \"initial_condition\" (u at the initial time) is missing."));
            if (classification.TimeOrder >= 2 && problem.InitialVelocity is null)
                issues.Add(new("error", "The equation is second order in time; it also needs \"initial_velocity\" (u_t at the initial time)."));
            if (classification.TimeOrder == 0)
                issues.Add(new("warning", "The domain has a time axis but the equation has no time derivative; t acts as a parameter."));
        }
        else if (problem.Initial is not null)
        {
            issues.Add(new("warning", "\"initial_condition\" is given but the domain has no time axis; it is ignored."));
        }

        DataFiniteness.Check(problem, issues);
        CheckCorners(problem, issues);
        CheckInitialVersusBoundary(problem, issues);
        if (problem.Exact is not null)
        {
            var residual = ExactSolutionCheck.MaxRelativeResidual(problem, problem.Exact);
            if (!double.IsFinite(residual))
                issues.Add(new("error", "The exact solution (or the source) is not finite at some random points, so it cannot be checked against the equation; see the finiteness findings."));
            else if (residual > ExactResidualTolerance)
                issues.Add(new("error", $"The exact solution does not satisfy the equation: max |residual| / max(|f|, 1) = {residual:G3} at random points. Check the sign convention (poisson is -∇²u = f) and the source; validation against it would be wrong."));
            else
                issues.Add(new("info", $"The exact solution satisfies the equation (relative residual {residual:G2})."));
            ExactSolutionConsistency.Check(problem, issues);
        }

        return issues;
    }

    private static void CheckCorners(PdeProblem problem, List<Issue> issues)
    {
        var sampler = new PointSampler(problem);
        var dirichlet = problem.Boundaries.Where(b => b.Kind == BoundaryKind.Dirichlet && b.Value is not null).ToList();
        for (var i = 0; i < dirichlet.Count; i++)
        {
            for (var j = i + 1; j < dirichlet.Count; j++)
            {
                var (a, b) = (dirichlet[i], dirichlet[j]);
                if (a.Face.Axis == b.Face.Axis)
                    continue;
                var coords = problem.Inputs.Select(axis =>
                    axis.Name == a.Face.Axis ? (a.Face.IsMax ? axis.Max : axis.Min)
                    : axis.Name == b.Face.Axis ? (b.Face.IsMax ? axis.Max : axis.Min)
                    : (axis.Min + axis.Max) / 2).ToArray();
                var p = sampler.At(coords);
                double ga = sampler.Compile(a.Value!)(p), gb = sampler.Compile(b.Value!)(p);
                if (Math.Abs(ga - gb) > CompatibilityTolerance * Math.Max(1, Math.Max(Math.Abs(ga), Math.Abs(gb))))
                    issues.Add(new("warning", $"Corner incompatibility where {a.Face} meets {b.Face}: the Dirichlet values differ ({ga:G4} vs {gb:G4}); the solution has a singularity there and errors concentrate at that corner."));
            }
        }
    }

    private static void CheckInitialVersusBoundary(PdeProblem problem, List<Issue> issues)
    {
        if (problem.Time is null || problem.Initial is null)
            return;
        var sampler = new PointSampler(problem);
        var initial = sampler.Compile(problem.Initial);
        foreach (var bc in problem.Boundaries.Where(b => b.Kind == BoundaryKind.Dirichlet && b.Value is not null))
        {
            var coords = problem.Inputs.Select(axis =>
                axis.Name == 't' ? axis.Min : axis.Name == bc.Face.Axis ? (bc.Face.IsMax ? axis.Max : axis.Min) : axis.Min + 0.37 * axis.Length).ToArray();
            var p = sampler.At(coords);
            double u0 = initial(p), g = sampler.Compile(bc.Value!)(p);
            if (Math.Abs(u0 - g) > CompatibilityTolerance * Math.Max(1, Math.Max(Math.Abs(u0), Math.Abs(g))))
                issues.Add(new("warning", $"The initial condition ({u0:G4}) and the boundary value ({g:G4}) disagree on face {bc.Face} at the initial time; expect a boundary layer in the first steps."));
        }
    }
}
