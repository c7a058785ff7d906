using System.Globalization;
using McpFlow.Physics.Expressions;
using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Analysis;

/// <summary>Checks an exact solution against the problem's data, not only against the equation: its value on each
/// Dirichlet face, its outward normal derivative on each Neumann face (symbolic derivative), equal values and slopes on
/// the two faces of a periodic axis, and u and u_t at the initial time. An exact solution that violates them solves a
/// different problem, so validation against it would be wrong: each mismatch is an error.</summary>
internal static class ExactSolutionConsistency
{
    private const int Samples = 64;           // random points per face or slice
    private const double Tolerance = 1e-6;    // relative mismatch beyond rounding (as the corner and initial/boundary checks)
    private const int Seed = 97;

    public static void Check(PdeProblem problem, List<Issue> issues)
    {
        if (problem.Exact is not { } exact)
            return;
        var sampler = new PointSampler(problem);
        var random = new Random(Seed);
        var u = sampler.Compile(exact);
        foreach (var bc in problem.Boundaries)
        {
            var axis = problem.Space.First(a => a.Name == bc.Face.Axis);
            var column = sampler.Slots[axis.Name.ToString()];
            double[] OnFace(bool max)
            {
                var p = sampler.Interior(random);
                p[column] = max ? axis.Max : axis.Min;
                return p;
            }

            string? mismatch = null;
            switch (bc.Kind)
            {
                case BoundaryKind.Dirichlet:
                    mismatch = Compare(sampler.Compile(bc.Value!), u, () => OnFace(bc.Face.IsMax), problem, "u");
                    break;
                case BoundaryKind.Neumann:
                    var derivative = sampler.Compile(Differentiator.Differentiate(exact, axis.Name));
                    var sign = bc.Face.IsMax ? 1.0 : -1.0;
                    mismatch = Compare(sampler.Compile(bc.Value!), p => sign * derivative(p), () => OnFace(bc.Face.IsMax), problem, "the outward derivative of u");
                    break;
                case BoundaryKind.Periodic when !bc.Face.IsMax:
                    var slope = sampler.Compile(Differentiator.Differentiate(exact, axis.Name));
                    mismatch = Compare(p => u(Mirror(p)), u, () => OnFace(false), problem, $"u at {axis.Name} = max")
                               ?? Compare(p => slope(Mirror(p)), slope, () => OnFace(false), problem, $"u_{axis.Name} at {axis.Name} = max");
                    double[] Mirror(double[] p)
                    {
                        var q = (double[])p.Clone();
                        q[column] = axis.Max;
                        return q;
                    }

                    break;
            }

            if (mismatch is not null)
                issues.Add(new("error", $"The exact solution violates the {bc.Kind.ToString().ToLowerInvariant()} condition on face {bc.Face}: {mismatch}. " +
                                        "Fix exact_solution or the condition; validation would otherwise compare the model with the solution of a different problem."));
        }

        if (problem.Time is not { } time)
            return;
        var t = sampler.Slots["t"];
        double[] Initial()
        {
            var p = sampler.Interior(random);
            p[t] = time.Min;
            return p;
        }

        if (problem.Initial is not null && Compare(sampler.Compile(problem.Initial), u, Initial, problem, "u") is { } initialMismatch)
            issues.Add(new("error", $"The exact solution violates the initial condition: {initialMismatch}. Fix exact_solution or initial_condition."));
        if (problem.InitialVelocity is not null
            && Compare(sampler.Compile(problem.InitialVelocity), sampler.Compile(Differentiator.Differentiate(exact, 't')), Initial, problem, "u_t") is { } velocityMismatch)
            issues.Add(new("error", $"The exact solution violates the initial velocity: {velocityMismatch}. Fix exact_solution or initial_velocity."));
    }

    // The first point where the datum and the exact solution's value differ beyond rounding, described; null if none.
    private static string? Compare(Func<double[], double> datum, Func<double[], double> exact, Func<double[]> point, PdeProblem problem, string what)
    {
        for (var i = 0; i < Samples; i++)
        {
            var p = point();
            double d = datum(p), e = exact(p);
            if (!double.IsFinite(d) || !double.IsFinite(e))
                continue; // reported by DataFiniteness
            if (Math.Abs(d - e) <= Tolerance * Math.Max(1, Math.Max(Math.Abs(d), Math.Abs(e))))
                continue;
            var at = string.Join(", ", problem.Inputs.Select((a, k) => $"{a.Name} = {p[k].ToString("G3", CultureInfo.InvariantCulture)}"));
            return $"{what} of the exact solution is {e.ToString("G4", CultureInfo.InvariantCulture)} but the data give {d.ToString("G4", CultureInfo.InvariantCulture)} at {at}";
        }

        return null;
    }
}
