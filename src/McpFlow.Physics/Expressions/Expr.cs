namespace McpFlow.Physics.Expressions;

/// <summary>
/// A parsed expression: numbers, symbols (coordinates x y z t, the unknown u and its derivatives u_x, u_xx, u_t…,
/// coefficients, pi, e), + - * / ^ and the functions of <see cref="Functions"/>. Parsed once by
/// <see cref="ExprParser"/>; evaluated on doubles (<see cref="DoubleCompiler"/>) and on TorchSharp tensors
/// (<see cref="TensorBuilder"/>); differentiated symbolically (<see cref="Differentiator"/>).
/// </summary>
public abstract record Expr
{
    /// <summary>Every symbol the expression mentions.</summary>
    public IReadOnlySet<string> Symbols()
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        Collect(this, set);
        return set;
    }

    private static void Collect(Expr e, ISet<string> set)
    {
        switch (e)
        {
            case SymExpr s: set.Add(s.Name); break;
            case NegExpr n: Collect(n.Operand, set); break;
            case BinExpr b: Collect(b.Left, set); Collect(b.Right, set); break;
            case CallExpr c: Collect(c.Argument, set); break;
        }
    }
}

/// <summary>A number.</summary>
public sealed record NumExpr(double Value) : Expr
{
    /// <inheritdoc />
    public override string ToString() => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A symbol; <paramref name="Position"/> is its 0-based offset in the source text (for errors).</summary>
public sealed record SymExpr(string Name, int Position = -1) : Expr
{
    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>Unary minus.</summary>
public sealed record NegExpr(Expr Operand) : Expr
{
    /// <inheritdoc />
    public override string ToString() => $"(-{Operand})";
}

/// <summary>A binary operation: one of + - * / ^.</summary>
public sealed record BinExpr(char Op, Expr Left, Expr Right) : Expr
{
    /// <inheritdoc />
    public override string ToString() => $"({Left} {Op} {Right})";
}

/// <summary>A call of a one-argument function (sin, cos, exp, …).</summary>
public sealed record CallExpr(string Function, Expr Argument) : Expr
{
    /// <inheritdoc />
    public override string ToString() => $"{Function}({Argument})";
}
