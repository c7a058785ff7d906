using System.Globalization;

namespace McpFlow.Experiments.Optimization;

/// <summary>Kind of a search-space parameter.</summary>
public enum ParameterKind
{
    /// <summary>Real number in [Low, High].</summary>
    Float,
    /// <summary>Integer in [Low, High].</summary>
    Int,
    /// <summary>One of <see cref="ParameterSpec.Choices"/>.</summary>
    Categorical,
}

/// <summary>One dimension of a search space.</summary>
/// <param name="Name">Param name.</param>
/// <param name="Kind">Float, Int or Categorical.</param>
/// <param name="Low">Lower bound (numeric kinds).</param>
/// <param name="High">Upper bound (numeric kinds).</param>
/// <param name="Log">Search on a log scale (numeric kinds, Low &gt; 0).</param>
/// <param name="Choices">Choices (categorical).</param>
/// <param name="Origin">How the range was obtained, e.g. "observed range" or "widened ×10 around the constant 0.01".</param>
public sealed record ParameterSpec(string Name, ParameterKind Kind, double Low, double High, bool Log, IReadOnlyList<string> Choices, string Origin)
{
    /// <summary>Features this parameter takes in the unit-cube encoding (one-hot for categorical).</summary>
    public int Width => Kind == ParameterKind.Categorical ? Choices.Count : 1;

    /// <summary>Maps a value to [0, 1] (numeric kinds).</summary>
    public double ToUnit(double value)
    {
        var v = Math.Clamp(value, Low, High);
        if (High == Low)
            return 0.5;
        return Log ? (Math.Log(v) - Math.Log(Low)) / (Math.Log(High) - Math.Log(Low)) : (v - Low) / (High - Low);
    }

    /// <summary>Maps [0, 1] back to a value (rounded for integers).</summary>
    public double FromUnit(double unit)
    {
        var u = Math.Clamp(unit, 0, 1);
        var v = Log ? Math.Exp(Math.Log(Low) + (u * (Math.Log(High) - Math.Log(Low)))) : Low + (u * (High - Low));
        return Kind == ParameterKind.Int ? Math.Clamp(Math.Round(v), Math.Ceiling(Low), Math.Floor(High)) : v;
    }

    /// <summary>Formats a value as an MLflow param string (integers without decimals, floats with 4 significant digits).</summary>
    public string Format(double value) => Kind == ParameterKind.Int
        ? ((long)Math.Round(value)).ToString(CultureInfo.InvariantCulture)
        : value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>A one-line description, e.g. <c>learning_rate: float in [0.001, 0.1], log scale (widened …)</c>.</summary>
    public string Describe() => Kind == ParameterKind.Categorical
        ? $"{Name}: one of {{{string.Join(", ", Choices)}}} ({Origin})"
        : string.Create(CultureInfo.InvariantCulture, $"{Name}: {Kind.ToString().ToLowerInvariant()} in [{Format(Low)}, {Format(High)}]{(Log ? ", log scale" : "")} ({Origin})");
}
