using McpFlow.Physics.Expressions;

namespace McpFlow.Physics.Validation;

/// <summary>
/// The explicit part N(u, ∇u, x, t) of a preset evolution equation, read off its residual: with u_t, u_tt and every
/// second derivative set to 0, R = -N (e.g. heat: N = f; Allen-Cahn: N = k(u - u³) + f; advection-diffusion:
/// N = f - a·∇u; Burgers: N = f - u·u_x; wave: N = f). First derivatives come from <see cref="FdGrid.FirstDifference"/>.
/// </summary>
public sealed class ExplicitTerms
{
    private readonly FdGrid _grid;
    private readonly Func<double[], double> _residual;
    private readonly double[] _args;
    private readonly int _uSlot = -1;
    private readonly int _coordinates;
    private readonly (int Slot, int Axis)[] _gradient;

    /// <summary>Compiles the residual against the grid's point layout plus one slot per derivative symbol.</summary>
    public ExplicitTerms(FdGrid grid)
    {
        _grid = grid;
        var slots = new Dictionary<string, int>(grid.Sampler.Slots, StringComparer.Ordinal);
        _coordinates = slots.Count;
        var gradient = new List<(int, int)>();
        foreach (var symbol in grid.Problem.Residual.Symbols().Distinct())
        {
            if (!DerivativeSymbol.TryParse(symbol, out var order) || slots.ContainsKey(symbol))
                continue;
            slots[symbol] = slots.Count;
            if (order.Length == 0)
                _uSlot = slots[symbol];
            else if (order.Length == 1 && order[0] != 't')
                gradient.Add((slots[symbol], grid.Problem.Space.ToList().FindIndex(a => a.Name == order[0])));
        }

        _gradient = [.. gradient];
        _residual = DoubleCompiler.Compile(grid.Problem.Residual, slots);
        _args = new double[slots.Count];
    }

    /// <summary>N at an active node for the field <paramref name="u"/> at time <paramref name="t"/>.</summary>
    public double At(double[] u, int node, double t)
    {
        Array.Copy(_grid.Point(node, t), _args, _coordinates);
        if (_uSlot >= 0)
            _args[_uSlot] = u[node];
        foreach (var (slot, axis) in _gradient)
            _args[slot] = _grid.FirstDifference(u, node, axis, t);
        return -_residual(_args);
    }
}
