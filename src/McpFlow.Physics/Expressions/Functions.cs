namespace McpFlow.Physics.Expressions;

/// <summary>The functions and constants expressions may use.</summary>
public static class Functions
{
    /// <summary>One-argument functions.</summary>
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "sin", "cos", "tan", "exp", "log", "sqrt", "tanh", "sinh", "cosh", "abs", "sign",
    };

    /// <summary>Named constants.</summary>
    public static readonly IReadOnlyDictionary<string, double> Constants = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["pi"] = Math.PI,
        ["e"] = Math.E,
    };

    /// <summary>Evaluates a function on a double.</summary>
    public static double Apply(string name, double x) => name switch
    {
        "sin" => Math.Sin(x),
        "cos" => Math.Cos(x),
        "tan" => Math.Tan(x),
        "exp" => Math.Exp(x),
        "log" => Math.Log(x),
        "sqrt" => Math.Sqrt(x),
        "tanh" => Math.Tanh(x),
        "sinh" => Math.Sinh(x),
        "cosh" => Math.Cosh(x),
        "abs" => Math.Abs(x),
        "sign" => Math.Sign(x),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown function."),
    };
}
