namespace McpFlow.Physics.Expressions;

/// <summary>Splits a residual's additive terms into those that involve u (the differential operator) and those that do
/// not (sources, forcing): the operator alone decides the type of an equation, and a source that is undefined somewhere
/// must not stop the classification.</summary>
public static class SourceTerms
{
    /// <summary><paramref name="residual"/> with every additive term that mentions neither u nor a derivative of u
    /// replaced by 0 (through +, - and unary minus; products and functions are kept whole).</summary>
    public static Expr DropFrom(Expr residual) => residual switch
    {
        _ when !InvolvesU(residual) => new NumExpr(0),
        BinExpr { Op: '+' or '-' } b => new BinExpr(b.Op, DropFrom(b.Left), DropFrom(b.Right)),
        NegExpr n => new NegExpr(DropFrom(n.Operand)),
        _ => residual,
    };

    /// <summary>The additive terms of <paramref name="residual"/> that mention neither u nor a derivative of u (the
    /// complement of <see cref="DropFrom"/>: the two add up to the residual).</summary>
    public static Expr Of(Expr residual) => residual switch
    {
        _ when !InvolvesU(residual) => residual,
        BinExpr { Op: '+' or '-' } b => new BinExpr(b.Op, Of(b.Left), Of(b.Right)),
        NegExpr n => new NegExpr(Of(n.Operand)),
        _ => new NumExpr(0),
    };

    /// <summary>True when <paramref name="e"/> mentions u or one of its derivatives.</summary>
    public static bool InvolvesU(Expr e) => e.Symbols().Any(s => DerivativeSymbol.TryParse(s, out _));
}
