using McpFlow.Physics.Analysis;
using McpFlow.Physics.Specs;
using McpFlow.Physics.Training;

namespace McpFlow.Physics.Validation;

/// <summary>
/// Validates a trained model: PDE residual on fresh random points, boundary and initial condition errors, and
/// relative L2 / max error against the exact solution (when given) or the finite-difference reference (when one
/// applies), on a grid that is also drawn as solution and error heatmaps.
/// </summary>
public static class SolutionValidator
{
    private const int ResidualPoints = 2000;
    private const int FacePoints = 400;
    private const int HeatmapNodes = 65;

    /// <summary>Runs every check; <paramref name="cancellationToken"/> stops the work between batches, solver
    /// iterations and time steps (a client that goes away stops the computation).</summary>
    public static ValidationReport Validate(PinnModel model, int seed = 2024, CancellationToken cancellationToken = default)
    {
        var p = model.Problem;
        var random = new Random(seed);
        var sampler = new PointSampler(p);
        var dims = p.Inputs.Count;
        var interior = Enumerable.Range(0, ResidualPoints).Select(_ => sampler.Interior(random)[..dims]).ToList();
        var residual = PinnPredictor.Residual(model, interior, cancellationToken);
        var conditions = new List<ConditionError>();
        foreach (var bc in p.Boundaries)
            conditions.Add(BoundaryError(model, sampler, bc, random, cancellationToken));
        if (p.Time is { } t && p.Initial is not null)
        {
            var points = Enumerable.Range(0, FacePoints).Select(_ => { var q = sampler.Interior(random)[..dims]; q[dims - 1] = t.Min; return q; }).ToList();
            var u = PinnPredictor.Predict(model, points, cancellationToken);
            var u0 = sampler.Compile(p.Initial);
            conditions.Add(Summarise("initial condition u(x, t0)", points.Select((q, i) => u[i] - u0(sampler.At(q))).ToList()));
        }

        GridSolution? reference = null;
        string comparedWith;
        var comparedKind = "none";
        if (p.Exact is not null)
        {
            reference = ExactGrid(p, sampler);
            comparedWith = "exact solution";
            comparedKind = "exact";
        }
        else if (FdReferenceSolver.Supports(p))
        {
            reference = FdReferenceSolver.Solve(p, cancellationToken);
            comparedWith = $"finite-difference reference ({reference.Method}; its own estimated max error {reference.ErrorEstimate:G2})";
            comparedKind = "reference";
        }
        else
        {
            comparedWith = "none: no exact solution and no built-in reference for this problem. " + FdReferenceSolver.Coverage;
        }

        double? relL2 = null, maxErr = null;
        double[,]? predicted = null;
        double scale;
        if (reference is not null)
        {
            var rest = p.Inputs.Skip(reference.Axes.Count).Select(a => a.Name == 't' ? a.Max : (a.Min + a.Max) / 2).ToArray();
            var points = reference.Points().Select(q => q.Concat(rest).ToArray()).ToList();
            var u = PinnPredictor.Predict(model, points, cancellationToken);
            predicted = new double[reference.Values.GetLength(0), reference.Values.GetLength(1)];
            double num = 0, den = 0, max = 0;
            for (var k = 0; k < points.Count; k++)
            {
                int i = k / reference.Values.GetLength(1), j = k % reference.Values.GetLength(1);
                predicted[i, j] = u[k];
                var e = u[k] - reference.Values[i, j];
                num += e * e;
                den += reference.Values[i, j] * reference.Values[i, j];
                max = Math.Max(max, Math.Abs(e));
            }

            relL2 = Math.Sqrt(num / Math.Max(den, 1e-300));
            maxErr = max;
            scale = reference.Values.Cast<double>().Max(Math.Abs);
        }
        else
        {
            scale = PinnPredictor.Predict(model, interior, cancellationToken).Max(Math.Abs);
        }

        conditions = conditions.Select(c => c with { Relative = c.Rms / ConditionScale(p, c, scale) }).ToList();
        var physics = Checks.PhysicsCheckSuite.Run(p, points => PinnPredictor.Predict(model, points, cancellationToken), cancellationToken);
        var referenceError = reference?.ErrorEstimate is { } est && double.IsFinite(est) ? est : (double?)null;
        var verdict = VerdictRules.Decide(comparedKind, relL2, comparedKind == "reference" ? (referenceError ?? double.PositiveInfinity) / Math.Max(scale, 1e-300) : 0,
            conditions, physics);
        return new ValidationReport(
            ResidualRms: Math.Sqrt(residual.Average(r => r * r)), ResidualMax: residual.Max(Math.Abs), ResidualPoints: ResidualPoints,
            Conditions: conditions, ComparedWith: comparedWith, RelativeL2: relL2, MaxError: maxErr,
            ReferenceErrorEstimate: referenceError, Grid: reference, Predicted: predicted, PhysicsChecks: physics, Verdict: verdict);
    }

    // The scale a condition's error is measured against: max|u| for values, max|u| / (axis length) for a Neumann
    // condition (a derivative); 1 when the solution is zero (then the error is absolute).
    private static double ConditionScale(PdeProblem p, ConditionError c, double scale)
    {
        var s = scale > 0 ? scale : 1;
        if (!c.Condition.StartsWith("neumann", StringComparison.Ordinal))
            return s;
        var axis = p.Space.First(a => c.Condition.StartsWith($"neumann {a.Name}", StringComparison.Ordinal));
        return s / axis.Length;
    }

    private static ConditionError BoundaryError(PinnModel model, PointSampler sampler, BoundaryCondition bc, Random random, CancellationToken ct)
    {
        var p = model.Problem;
        var dims = p.Inputs.Count;
        var axis = p.Space.First(a => a.Name == bc.Face.Axis);
        var column = model.Column(bc.Face.Axis);
        List<double[]> Face(bool max) => Enumerable.Range(0, FacePoints).Select(_ =>
        {
            var q = sampler.Interior(random)[..dims];
            q[column] = max ? axis.Max : axis.Min;
            return q;
        }).ToList();
        var points = Face(bc.Face.IsMax);
        if (bc.Kind == BoundaryKind.Periodic)
        {
            var other = points.Select(q => { var o = (double[])q.Clone(); o[column] = bc.Face.IsMax ? axis.Min : axis.Max; return o; }).ToList();
            var a = PinnPredictor.Predict(model, points, ct);
            var b = PinnPredictor.Predict(model, other, ct);
            return Summarise($"periodic {bc.Face.Axis}: u(min) - u(max)", a.Zip(b, (x, y) => x - y).ToList());
        }

        var g = sampler.Compile(bc.Value!);
        if (bc.Kind == BoundaryKind.Dirichlet)
        {
            var u = PinnPredictor.Predict(model, points, ct);
            return Summarise($"dirichlet {bc.Face}", points.Select((q, i) => u[i] - g(sampler.At(q))).ToList());
        }

        // Neumann: outward normal derivative by a one-sided second-order difference inside the face.
        var h = 1e-3 * axis.Length;
        var sign = bc.Face.IsMax ? -1 : 1;
        var inner1 = points.Select(q => { var o = (double[])q.Clone(); o[column] += sign * h; return o; }).ToList();
        var inner2 = points.Select(q => { var o = (double[])q.Clone(); o[column] += sign * 2 * h; return o; }).ToList();
        var u0 = PinnPredictor.Predict(model, points, ct);
        var u1 = PinnPredictor.Predict(model, inner1, ct);
        var u2 = PinnPredictor.Predict(model, inner2, ct);
        return Summarise($"neumann {bc.Face}", points.Select((q, i) =>
        {
            var inward = (-3 * u0[i] + 4 * u1[i] - u2[i]) / (2 * h); // derivative along the inward direction
            return -inward - g(sampler.At(q));
        }).ToList());
    }

    private static ConditionError Summarise(string name, List<double> errors) =>
        new(name, Math.Sqrt(errors.Average(e => e * e)), errors.Max(Math.Abs));

    private static GridSolution ExactGrid(PdeProblem p, PointSampler sampler)
    {
        var exact = sampler.Compile(p.Exact!);
        var inputs = p.Inputs;
        var shown = inputs.Count switch { 1 => inputs.Take(1).ToList(), _ => inputs.Take(2).ToList() };
        var nodes = shown.Select(a => Enumerable.Range(0, HeatmapNodes).Select(i => a.Min + a.Length * i / (HeatmapNodes - 1)).ToArray()).ToList();
        var ny = shown.Count > 1 ? HeatmapNodes : 1;
        var values = new double[HeatmapNodes, ny];
        var fixedRest = inputs.Skip(shown.Count).Select(a => a.Name == 't' ? a.Max : (a.Min + a.Max) / 2).ToArray();
        for (var i = 0; i < HeatmapNodes; i++)
            for (var j = 0; j < ny; j++)
                values[i, j] = exact(sampler.At([.. shown.Count > 1 ? new[] { nodes[0][i], nodes[1][j] } : [nodes[0][i]], .. fixedRest]));
        var slice = fixedRest.Length == 0 ? "" : " (slice at " + string.Join(", ", inputs.Skip(shown.Count).Zip(fixedRest, (a, v) => $"{a.Name} = {v:G3}")) + ")";
        return new GridSolution(shown.Select(a => a.Name).ToList(), nodes, values, 0, $"exact solution on a {HeatmapNodes}-node grid per axis{slice}");
    }
}
