namespace McpFlow.Physics.Expressions;

/// <summary>Symbolic differentiation with light simplification (constant folding, 0 and 1 identities).
/// Differentiating <c>u</c> or <c>u_x</c> by x gives <c>u_x</c> or <c>u_xx</c>; other symbols are constants.</summary>
public static class Differentiator
{
    /// <summary>d<paramref name="e"/>/d<paramref name="variable"/> (variable is one of x, y, z, t).</summary>
    public static Expr Differentiate(Expr e, char variable) => e switch
    {
        NumExpr => Zero,
        SymExpr s when s.Name.Length == 1 && s.Name[0] == variable => One,
        SymExpr s when DerivativeSymbol.TryParse(s.Name, out var order) => new SymExpr(DerivativeSymbol.Of(order + variable)),
        SymExpr => Zero,
        NegExpr n => Neg(Differentiate(n.Operand, variable)),
        BinExpr { Op: '+' } b => Add(Differentiate(b.Left, variable), Differentiate(b.Right, variable)),
        BinExpr { Op: '-' } b => Sub(Differentiate(b.Left, variable), Differentiate(b.Right, variable)),
        BinExpr { Op: '*' } b => Add(Mul(Differentiate(b.Left, variable), b.Right), Mul(b.Left, Differentiate(b.Right, variable))),
        BinExpr { Op: '/' } b => Div(Sub(Mul(Differentiate(b.Left, variable), b.Right), Mul(b.Left, Differentiate(b.Right, variable))), Pow(b.Right, new NumExpr(2))),
        BinExpr { Op: '^' } b => DiffPow(b, variable),
        CallExpr c => Mul(Outer(c), Differentiate(c.Argument, variable)),
        _ => throw new InvalidOperationException($"Cannot differentiate {e}."),
    };

    private static readonly NumExpr Zero = new(0);
    private static readonly NumExpr One = new(1);

    private static Expr DiffPow(BinExpr b, char v)
    {
        var du = Differentiate(b.Left, v);
        if (b.Right is NumExpr n)
            return Mul(Mul(n, Pow(b.Left, new NumExpr(n.Value - 1))), du);
        // d(f^g) = f^g (g' ln f + g f'/f)
        var dg = Differentiate(b.Right, v);
        return Mul(b, Add(Mul(dg, new CallExpr("log", b.Left)), Div(Mul(b.Right, du), b.Left)));
    }

    private static Expr Outer(CallExpr c)
    {
        var a = c.Argument;
        return c.Function switch
        {
            "sin" => new CallExpr("cos", a),
            "cos" => Neg(new CallExpr("sin", a)),
            "tan" => Div(One, Pow(new CallExpr("cos", a), new NumExpr(2))),
            "exp" => c,
            "log" => Div(One, a),
            "sqrt" => Div(new NumExpr(0.5), c),
            "tanh" => Sub(One, Pow(c, new NumExpr(2))),
            "sinh" => new CallExpr("cosh", a),
            "cosh" => new CallExpr("sinh", a),
            "abs" => new CallExpr("sign", a),
            "sign" => Zero,
            _ => throw new InvalidOperationException($"No derivative rule for {c.Function}."),
        };
    }

    /// <summary>a + b, simplified.</summary>
    public static Expr Add(Expr a, Expr b) => (a, b) switch
    {
        (NumExpr x, NumExpr y) => new NumExpr(x.Value + y.Value),
        (NumExpr { Value: 0 }, _) => b,
        (_, NumExpr { Value: 0 }) => a,
        _ => new BinExpr('+', a, b),
    };

    /// <summary>a - b, simplified.</summary>
    public static Expr Sub(Expr a, Expr b) => (a, b) switch
    {
        (NumExpr x, NumExpr y) => new NumExpr(x.Value - y.Value),
        (_, NumExpr { Value: 0 }) => a,
        (NumExpr { Value: 0 }, _) => Neg(b),
        _ => new BinExpr('-', a, b),
    };

    /// <summary>a * b, simplified.</summary>
    public static Expr Mul(Expr a, Expr b) => (a, b) switch
    {
        (NumExpr x, NumExpr y) => new NumExpr(x.Value * y.Value),
        (NumExpr { Value: 0 }, _) or (_, NumExpr { Value: 0 }) => Zero,
        (NumExpr { Value: 1 }, _) => b,
        (_, NumExpr { Value: 1 }) => a,
        _ => new BinExpr('*', a, b),
    };

    /// <summary>a / b, simplified.</summary>
    public static Expr Div(Expr a, Expr b) => (a, b) switch
    {
        (NumExpr { Value: 0 }, _) => Zero,
        (_, NumExpr { Value: 1 }) => a,
        (NumExpr x, NumExpr y) when y.Value != 0 => new NumExpr(x.Value / y.Value),
        _ => new BinExpr('/', a, b),
    };

    /// <summary>a ^ b, simplified.</summary>
    public static Expr Pow(Expr a, Expr b) => b switch
    {
        NumExpr { Value: 0 } => One,
        NumExpr { Value: 1 } => a,
        _ => new BinExpr('^', a, b),
    };

    /// <summary>-a, simplified.</summary>
    public static Expr Neg(Expr a) => a switch
    {
        NumExpr n => new NumExpr(-n.Value),
        NegExpr n => n.Operand,
        _ => new NegExpr(a),
    };
}
