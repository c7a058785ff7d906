using McpFlow.Physics.Analysis;
using McpFlow.Physics.Expressions;
using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Validation.Checks;

/// <summary>Evaluates a problem's expressions at random points of its domain (or of one face) to decide properties
/// numerically: identically zero, or unchanged (up to a sign) under a reflection of one axis.</summary>
internal sealed class ExpressionProbe(PdeProblem problem, int seed)
{
    private readonly Random _random = new(seed);

    public PointSampler Sampler { get; } = new(problem);

    public PdeProblem Problem => problem;

    /// <summary>A random point (slot layout of <see cref="Sampler"/>), on the given face when one is named.</summary>
    public double[] Point(Face? face = null)
    {
        var q = Sampler.Interior(_random);
        if (face is not null)
        {
            var axis = problem.Space.First(a => a.Name == face.Axis);
            q[Column(face.Axis)] = face.IsMax ? axis.Max : axis.Min;
        }

        return q;
    }

    /// <summary>A random point at the initial time.</summary>
    public double[] InitialPoint()
    {
        var q = Sampler.Interior(_random);
        q[Column('t')] = problem.Time!.Min;
        return q;
    }

    /// <summary>Index of an axis in the slot layout.</summary>
    public int Column(char axis) => Sampler.Slots[axis.ToString()];

    /// <summary><paramref name="q"/> reflected along <paramref name="axis"/>: x → min + max - x.</summary>
    public double[] Reflect(double[] q, Axis axis)
    {
        var r = (double[])q.Clone();
        var k = Column(axis.Name);
        r[k] = axis.Min + axis.Max - q[k];
        return r;
    }

    /// <summary>True when |e| ≤ <see cref="CheckTolerances.Zero"/> at random points (of a face, when given); a null
    /// expression is zero.</summary>
    public bool IsZero(Expr? e, Face? face = null)
    {
        if (e is null)
            return true;
        var g = Sampler.Compile(e);
        return Enumerable.Range(0, CheckTolerances.DetectionSamples).All(_ => Math.Abs(g(Point(face))) <= CheckTolerances.Zero);
    }

    /// <summary>True when <c>a(p) = sign · b(q)</c> for every pair, within <see cref="CheckTolerances.Invariance"/>
    /// of the largest value seen (so values that are zero up to rounding compare equal).</summary>
    public static bool Matches(IReadOnlyList<(double A, double B)> pairs, int sign)
    {
        var finite = pairs.Where(v => double.IsFinite(v.A) && double.IsFinite(v.B)).ToList();
        if (finite.Count < pairs.Count / 2)
            return false; // mostly undefined (e.g. log of negative values): undecidable, so not claimed
        var scale = finite.Select(v => Math.Max(Math.Abs(v.A), Math.Abs(v.B))).DefaultIfEmpty(0).Max();
        return finite.All(v => Math.Abs(v.A - sign * v.B) <= CheckTolerances.Invariance * scale);
    }

    /// <summary>Compares <paramref name="e"/> at points from <paramref name="point"/> with <paramref name="other"/>
    /// at their reflections: e(p) = sign · other(R p).</summary>
    public bool HasParity(Expr e, Expr other, Axis axis, int sign, Func<double[]> point)
    {
        var f = Sampler.Compile(e);
        var g = Sampler.Compile(other);
        var pairs = Enumerable.Range(0, CheckTolerances.DetectionSamples).Select(_ =>
        {
            var p = point();
            return (f(p), g(Reflect(p, axis)));
        }).ToList();
        return Matches(pairs, sign);
    }
}
