using McpFlow.Physics.Engine;
using static TorchSharp.torch;

namespace McpFlow.Physics.Expressions;

/// <summary>
/// Builds a TorchSharp tensor graph from an expression (differentiable, so residuals back-propagate).
/// Constant sub-expressions stay doubles and are applied as scalars. Call inside a dispose scope.
/// </summary>
public static class TensorBuilder
{
    /// <summary>Builds <paramref name="e"/>; <paramref name="lookup"/> returns the tensor of each non-constant
    /// symbol (coordinates, u, derivatives) or null for a symbol that is a scalar in <paramref name="scalars"/>.
    /// <paramref name="like"/> gives shape, dtype and device when the whole expression is constant.</summary>
    public static Tensor Build(Expr e, Func<string, Tensor?> lookup, IReadOnlyDictionary<string, double> scalars, Tensor like)
    {
        var value = Visit(e, lookup, scalars);
        return value.Tensor ?? TorchScalars.FullLike(like, value.Constant);
    }

    private static Value Visit(Expr e, Func<string, Tensor?> lookup, IReadOnlyDictionary<string, double> scalars)
    {
        switch (e)
        {
            case NumExpr n:
                return new Value(n.Value, null);
            case SymExpr s:
                if (scalars.TryGetValue(s.Name, out var scalar))
                    return new Value(scalar, null);
                return new Value(0, lookup(s.Name) ?? throw new KeyNotFoundException($"No tensor for symbol '{s.Name}'."));
            case NegExpr n:
                var inner = Visit(n.Operand, lookup, scalars);
                return inner.Tensor is null ? new Value(-inner.Constant, null) : new Value(0, -inner.Tensor);
            case BinExpr b:
                return Binary(b.Op, Visit(b.Left, lookup, scalars), Visit(b.Right, lookup, scalars));
            case CallExpr c:
                var arg = Visit(c.Argument, lookup, scalars);
                return arg.Tensor is null ? new Value(Functions.Apply(c.Function, arg.Constant), null) : new Value(0, Call(c.Function, arg.Tensor));
            default:
                throw new InvalidOperationException($"Unknown node {e}.");
        }
    }

    private static Value Binary(char op, Value l, Value r)
    {
        if (l.Tensor is null && r.Tensor is null)
        {
            return new Value(op switch
            {
                '+' => l.Constant + r.Constant,
                '-' => l.Constant - r.Constant,
                '*' => l.Constant * r.Constant,
                '/' => l.Constant / r.Constant,
                _ => Math.Pow(l.Constant, r.Constant),
            }, null);
        }

        Tensor result;
        // Constants go to libtorch as native Scalars. They are held (and disposed) here explicitly: an implicit
        // double→Scalar temporary is only referenced by its handle during the native call, so the GC could
        // finalize it mid-call (seen as an intermittent libtorch assertion inside pow under test parallelism).
        if (r.Tensor is null)
        {
            using TorchSharp.Scalar c = r.Constant;
            result = op switch
            {
                '+' => l.Tensor! + c,
                '-' => l.Tensor! - c,
                '*' => l.Tensor! * c,
                '/' => l.Tensor! / c,
                _ => r.Constant == 2 ? l.Tensor!.square() : l.Tensor!.pow(c),
            };
        }
        else if (l.Tensor is null)
        {
            using TorchSharp.Scalar c = l.Constant;
            result = op switch
            {
                '+' => r.Tensor + c,
                '-' => c - r.Tensor,
                '*' => r.Tensor * c,
                '/' => c / r.Tensor,
                _ => pow(c, r.Tensor),
            };
        }
        else
        {
            result = op switch
            {
                '+' => l.Tensor + r.Tensor,
                '-' => l.Tensor - r.Tensor,
                '*' => l.Tensor * r.Tensor,
                '/' => l.Tensor / r.Tensor,
                _ => l.Tensor.pow(r.Tensor),
            };
        }

        return new Value(0, result);
    }

    private static Tensor Call(string name, Tensor x) => name switch
    {
        "sin" => x.sin(),
        "cos" => x.cos(),
        "tan" => x.tan(),
        "exp" => x.exp(),
        "log" => x.log(),
        "sqrt" => x.sqrt(),
        "tanh" => x.tanh(),
        "sinh" => x.sinh(),
        "cosh" => x.cosh(),
        "abs" => x.abs(),
        "sign" => x.sign(),
        _ => throw new InvalidOperationException($"Unknown function {name}."),
    };

    private readonly record struct Value(double Constant, Tensor? Tensor);
}
