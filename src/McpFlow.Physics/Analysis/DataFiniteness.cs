using System.Globalization;
using McpFlow.Physics.Expressions;
using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Analysis;

/// <summary>Checks that the problem's data are finite where they are used: the source (the equation's terms without u)
/// inside the domain, each boundary value on its face, the initial condition and velocity on the initial slice, and the
/// exact solution. A NaN or infinite datum (sqrt or log of a negative value, 0/0) makes the problem meaningless and
/// training stop at its first step, so each is an error.</summary>
internal static class DataFiniteness
{
    private const int Samples = 200; // random points per datum; a datum undefined on a set of positive measure is hit
    private const int Seed = 31;

    public static void Check(PdeProblem problem, List<Issue> issues)
    {
        var sampler = new PointSampler(problem);
        var random = new Random(Seed);
        Probe(problem, sampler, SourceTerms.Of(problem.Residual), "The source (the equation's terms without u)", null, false, random, issues);
        foreach (var bc in problem.Boundaries.Where(b => b.Value is not null))
            Probe(problem, sampler, bc.Value!, $"The {bc.Kind.ToString().ToLowerInvariant()} value on face {bc.Face}", bc.Face, false, random, issues);
        if (problem.Time is not null)
        {
            if (problem.Initial is not null)
                Probe(problem, sampler, problem.Initial, "The initial condition", null, true, random, issues);
            if (problem.InitialVelocity is not null)
                Probe(problem, sampler, problem.InitialVelocity, "The initial velocity", null, true, random, issues);
        }

        if (problem.Exact is not null)
            Probe(problem, sampler, problem.Exact, "The exact solution", null, false, random, issues);
    }

    private static void Probe(PdeProblem problem, PointSampler sampler, Expr e, string what, Face? face, bool initial, Random random, List<Issue> issues)
    {
        var f = sampler.Compile(e);
        var bad = 0;
        double[]? example = null;
        for (var i = 0; i < Samples; i++)
        {
            var p = sampler.Interior(random);
            if (face is not null)
            {
                var axis = problem.Space.First(a => a.Name == face.Axis);
                p[sampler.Slots[face.Axis.ToString()]] = face.IsMax ? axis.Max : axis.Min;
            }

            if (initial)
                p[sampler.Slots["t"]] = problem.Time!.Min;
            if (double.IsFinite(f(p)))
                continue;
            bad++;
            example ??= p;
        }

        if (bad == 0)
            return;
        var at = string.Join(", ", problem.Inputs.Select((a, k) => $"{a.Name} = {example![k].ToString("G3", CultureInfo.InvariantCulture)}"));
        issues.Add(new("error", $"{what} is not finite at {bad} of {Samples} random points where it is used, e.g. at {at}: square roots and logarithms " +
                                "need non-negative (positive) arguments there and denominators must not vanish. Fix it; a NaN datum makes the loss NaN at the first step."));
    }
}
