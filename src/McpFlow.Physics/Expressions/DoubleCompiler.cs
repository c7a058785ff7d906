namespace McpFlow.Physics.Expressions;

/// <summary>Compiles an expression to a delegate over a slot array (one slot per symbol), so grids of millions
/// of points evaluate without dictionary look-ups.</summary>
public static class DoubleCompiler
{
    /// <summary>Compiles <paramref name="e"/>; <paramref name="slots"/> maps each symbol to its index in the
    /// argument array. Throws <see cref="KeyNotFoundException"/> for a symbol without a slot (validate first).</summary>
    public static Func<double[], double> Compile(Expr e, IReadOnlyDictionary<string, int> slots)
    {
        switch (e)
        {
            case NumExpr n:
                var value = n.Value;
                return _ => value;
            case SymExpr s:
                var slot = slots.TryGetValue(s.Name, out var index) ? index : throw new KeyNotFoundException($"No value for symbol '{s.Name}'.");
                return v => v[slot];
            case NegExpr n:
                var operand = Compile(n.Operand, slots);
                return v => -operand(v);
            case BinExpr b:
                var l = Compile(b.Left, slots);
                var r = Compile(b.Right, slots);
                return b.Op switch
                {
                    '+' => v => l(v) + r(v),
                    '-' => v => l(v) - r(v),
                    '*' => v => l(v) * r(v),
                    '/' => v => l(v) / r(v),
                    '^' when b.Right is NumExpr { Value: 2 } => v => { var x = l(v); return x * x; }
                    ,
                    '^' => v => Math.Pow(l(v), r(v)),
                    _ => throw new InvalidOperationException($"Unknown operator {b.Op}."),
                };
            case CallExpr c:
                var argument = Compile(c.Argument, slots);
                var name = c.Function;
                return v => Functions.Apply(name, argument(v));
            default:
                throw new InvalidOperationException($"Unknown node {e}.");
        }
    }

    /// <summary>Evaluates once with named values (convenience for tests and single points).</summary>
    public static double Evaluate(Expr e, IReadOnlyDictionary<string, double> values)
    {
        var names = values.Keys.ToList();
        var slots = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        return Compile(e, slots)(names.Select(n => values[n]).ToArray());
    }
}
