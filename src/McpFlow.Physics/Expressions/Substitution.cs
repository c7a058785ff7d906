namespace McpFlow.Physics.Expressions;

/// <summary>Replaces symbols by expressions.</summary>
public static class Substitution
{
    /// <summary>Returns <paramref name="e"/> with every symbol in <paramref name="map"/> replaced.</summary>
    public static Expr Apply(Expr e, IReadOnlyDictionary<string, Expr> map) => e switch
    {
        SymExpr s when map.TryGetValue(s.Name, out var replacement) => replacement,
        NegExpr n => new NegExpr(Apply(n.Operand, map)),
        BinExpr b => new BinExpr(b.Op, Apply(b.Left, map), Apply(b.Right, map)),
        CallExpr c => new CallExpr(c.Function, Apply(c.Argument, map)),
        _ => e,
    };
}
