using McpFlow.Physics.Expressions;
using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Analysis;

/// <summary>Draws points of a problem's domain as slot arrays (inputs in x, y, z, t order, then coefficients)
/// and compiles expressions against that layout.</summary>
public sealed class PointSampler
{
    private readonly PdeProblem _problem;
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);

    /// <summary>Creates the sampler.</summary>
    public PointSampler(PdeProblem problem)
    {
        _problem = problem;
        foreach (var axis in problem.Inputs)
            _slots[axis.Name.ToString()] = _slots.Count;
        foreach (var name in problem.Coefficients.Keys)
            _slots[name] = _slots.Count;
    }

    /// <summary>Slot layout.</summary>
    public IReadOnlyDictionary<string, int> Slots => _slots;

    /// <summary>Compiles an expression over the coordinates and coefficients.</summary>
    public Func<double[], double> Compile(Expr e) => DoubleCompiler.Compile(e, _slots);

    /// <summary>A point with the given coordinates (inputs order).</summary>
    public double[] At(params double[] coordinates)
    {
        var p = new double[_slots.Count];
        coordinates.CopyTo(p, 0);
        var k = _problem.Inputs.Count;
        foreach (var value in _problem.Coefficients.Values)
            p[k++] = value;
        return p;
    }

    /// <summary>A uniformly random interior point.</summary>
    public double[] Interior(Random random) =>
        At(_problem.Inputs.Select(a => a.Min + random.NextDouble() * a.Length).ToArray());
}
