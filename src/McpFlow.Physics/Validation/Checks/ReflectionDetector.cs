using McpFlow.Physics.Expressions;
using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Validation.Checks;

/// <summary>
/// Detects reflection symmetries numerically. For a space axis with range [a, b] and the reflection x' = a + b - x,
/// v(x) = s·u(x') (s = +1 even, -1 odd) solves the same problem as u when: the residual with u and its derivatives
/// replaced by s·(-1)^k times random values (k = how often the derivative is along the axis) equals ± the residual
/// at x' with the original values; the conditions on the two faces of the axis are mirror images (same kind, and
/// g_min(p) = s·g_max(p')); the conditions on the other faces and the initial data satisfy g(p) = s·g(p'). With a
/// unique solution, u is then even (odd) about the mid-plane. Everything is decided by evaluating the compiled
/// expressions at random points, never by reading their text.
/// </summary>
public static class ReflectionDetector
{
    private const int Seed = 4711;

    /// <summary>The symmetry checks that apply, and why the others do not.</summary>
    public static CheckDetection Detect(PdeProblem problem)
    {
        var applicable = new List<ApplicableCheck>();
        var notApplicable = new List<string>();
        foreach (var axis in problem.Space)
        {
            var probe = new ExpressionProbe(problem, Seed + axis.Name);
            var even = Breaker(probe, axis, +1);
            var odd = Breaker(probe, axis, -1);
            var map = axis.Min + axis.Max == 0 ? $"{axis.Name} → -{axis.Name}" : $"{axis.Name} → {axis.Min + axis.Max:G6} - {axis.Name}";
            if (even is null && odd is null)
                notApplicable.Add($"symmetry in {axis.Name}: the equation and data are both even and odd under {map}, so the solution is identically zero; nothing to compare.");
            else if (even is null)
                applicable.Add(new(PhysicsCheckKind.EvenSymmetry, axis.Name,
                    $"the equation, coefficients, source and every boundary and initial condition are unchanged by {map} (checked numerically at random points), so the solution is even about {axis.Name} = {(axis.Min + axis.Max) / 2:G6}."));
            else if (odd is null)
                applicable.Add(new(PhysicsCheckKind.OddSymmetry, axis.Name,
                    $"under {map} with u → -u the equation is unchanged and the source, boundary and initial data change sign (checked numerically at random points), so the solution is odd about {axis.Name} = {(axis.Min + axis.Max) / 2:G6}."));
            else
                notApplicable.Add($"symmetry in {axis.Name}: not even because {even}; not odd because {odd}.");
        }

        return new CheckDetection(applicable, notApplicable);
    }

    // The first ingredient that breaks the symmetry of parity s, in plain words, or null when none does.
    private static string? Breaker(ExpressionProbe probe, Axis axis, int s)
    {
        var p = probe.Problem;
        var parity = s > 0 ? "even" : "odd";
        if (!ResidualInvariant(probe, axis, s))
            return s > 0 ? "the equation (with its source and coefficients) changes under the reflection"
                         : "the equation (with its source and coefficients) does not map u to -u under the reflection";
        var faces = p.Boundaries.GroupBy(b => b.Face).ToDictionary(g => g.Key, g => g.First());
        var low = new Face(axis.Name, false);
        var high = new Face(axis.Name, true);
        var a = faces.GetValueOrDefault(low);
        var b = faces.GetValueOrDefault(high);
        if ((a is null) != (b is null) || (a is not null && a.Kind != b!.Kind))
            return $"the conditions on {low} and {high} are of different kinds";
        if (a is { Kind: not BoundaryKind.Periodic } && !probe.HasParity(a.Value!, b!.Value!, axis, s, () => probe.Point(low)))
            return $"the values on {low} and {high} are not {(s > 0 ? "mirror images" : "mirror images with opposite sign")}";
        foreach (var (face, bc) in faces.Where(f => f.Key.Axis != axis.Name && f.Value.Kind != BoundaryKind.Periodic))
            if (!probe.HasParity(bc.Value!, bc.Value!, axis, s, () => probe.Point(face)))
                return $"the condition on {face} is not {parity} in {axis.Name}";
        if (p.Time is not null && p.Initial is not null && !probe.HasParity(p.Initial, p.Initial, axis, s, probe.InitialPoint))
            return $"the initial condition is not {parity} in {axis.Name}";
        if (p.Time is not null && p.InitialVelocity is not null && !probe.HasParity(p.InitialVelocity, p.InitialVelocity, axis, s, probe.InitialPoint))
            return $"the initial velocity is not {parity} in {axis.Name}";
        return null;
    }

    private static bool ResidualInvariant(ExpressionProbe probe, Axis axis, int s)
    {
        var p = probe.Problem;
        var slots = new Dictionary<string, int>(probe.Sampler.Slots, StringComparer.Ordinal);
        var unknowns = p.Residual.Symbols().Where(n => DerivativeSymbol.TryParse(n, out _)).ToList();
        var flips = new double[unknowns.Count];
        for (var j = 0; j < unknowns.Count; j++)
        {
            slots[unknowns[j]] = slots.Count;
            DerivativeSymbol.TryParse(unknowns[j], out var order);
            flips[j] = s * (order.Count(c => c == axis.Name) % 2 == 0 ? 1 : -1); // chain rule: d/dx u(x') = -u_x(x')
        }

        var residual = DoubleCompiler.Compile(p.Residual, slots);
        var random = new Random(unchecked(17 * axis.Name + s));
        var pairs = new List<(double, double)>();
        for (var i = 0; i < CheckTolerances.DetectionSamples; i++)
        {
            var q = probe.Point();
            var values = unknowns.Select(_ => random.NextDouble() * 4 - 2).ToArray();
            var original = new double[slots.Count];
            var mirrored = new double[slots.Count];
            probe.Reflect(q, axis).CopyTo(original, 0);  // u and its derivatives at x'
            q.CopyTo(mirrored, 0);                      // v = s·u(x') and its derivatives at x
            for (var j = 0; j < unknowns.Count; j++)
            {
                original[q.Length + j] = values[j];
                mirrored[q.Length + j] = flips[j] * values[j];
            }

            pairs.Add((residual(mirrored), residual(original)));
        }

        return ExpressionProbe.Matches(pairs, +1) || ExpressionProbe.Matches(pairs, -1);
    }
}
