using System.Globalization;
using McpFlow.Core.Errors;

namespace McpFlow.Experiments.Optimization;

/// <summary>A search space and its unit-cube encoding: numeric params map to one feature in [0, 1] (log-scaled
/// when asked), categorical params to a one-hot group. Integers are rounded and one-hot groups snapped by
/// <see cref="Project"/>, so the surrogate is only ever asked about valid points.</summary>
public sealed class SearchSpace
{
    /// <summary>Creates the space.</summary>
    public SearchSpace(IReadOnlyList<ParameterSpec> parameters)
    {
        if (parameters.Count == 0)
            throw McpFlowException.Invalid("The search space is empty.", "Give at least one parameter, or log runs whose params vary or are numeric.");
        Parameters = parameters;
        Dimension = parameters.Sum(p => p.Width);
    }

    /// <summary>The parameters.</summary>
    public IReadOnlyList<ParameterSpec> Parameters { get; }

    /// <summary>Number of features of the encoding.</summary>
    public int Dimension { get; }

    /// <summary>Encodes params (strings) as features; returns null when a value is missing or outside the choices.</summary>
    public double[]? Encode(IReadOnlyDictionary<string, string> values)
    {
        var x = new double[Dimension];
        var offset = 0;
        foreach (var p in Parameters)
        {
            if (!values.TryGetValue(p.Name, out var text))
                return null;
            if (p.Kind == ParameterKind.Categorical)
            {
                var index = p.Choices.ToList().IndexOf(text);
                if (index < 0)
                    return null;
                x[offset + index] = 1;
            }
            else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
            {
                x[offset] = p.ToUnit(v);
            }
            else
            {
                return null;
            }

            offset += p.Width;
        }

        return x;
    }

    /// <summary>Decodes features to MLflow param strings.</summary>
    public Dictionary<string, string> Decode(double[] x)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var offset = 0;
        foreach (var p in Parameters)
        {
            result[p.Name] = p.Kind == ParameterKind.Categorical
                ? p.Choices[ArgMax(x, offset, p.Width)]
                : p.Format(p.FromUnit(x[offset]));
            offset += p.Width;
        }

        return result;
    }

    /// <summary>Snaps features to a valid point: clamp to [0, 1], round integers, one-hot categorical groups.</summary>
    public double[] Project(double[] x)
    {
        var y = new double[Dimension];
        var offset = 0;
        foreach (var p in Parameters)
        {
            if (p.Kind == ParameterKind.Categorical)
                y[offset + ArgMax(x, offset, p.Width)] = 1;
            else
                y[offset] = p.Kind == ParameterKind.Int ? p.ToUnit(p.FromUnit(x[offset])) : Math.Clamp(x[offset], 0, 1);
            offset += p.Width;
        }

        return y;
    }

    /// <summary>A uniformly random valid point.</summary>
    public double[] Random(Random rng)
    {
        var x = new double[Dimension];
        for (var i = 0; i < x.Length; i++)
            x[i] = rng.NextDouble();
        return Project(x);
    }

    /// <summary>The feature offset of each parameter.</summary>
    public int Offset(int parameterIndex) => Parameters.Take(parameterIndex).Sum(p => p.Width);

    private static int ArgMax(double[] x, int offset, int width)
    {
        var best = 0;
        for (var i = 1; i < width; i++)
        {
            if (x[offset + i] > x[offset + best])
                best = i;
        }

        return best;
    }
}
