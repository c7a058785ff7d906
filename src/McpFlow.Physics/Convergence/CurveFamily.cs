namespace McpFlow.Physics.Convergence;

/// <summary>A learning-curve family for the log-loss y(s) at step s, with the step where it reaches a target.</summary>
public abstract class CurveFamily
{
    /// <summary>Name, e.g. <c>exponential</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Formula for people.</summary>
    public abstract string Formula { get; }

    /// <summary>Number of parameters.</summary>
    public abstract int ParameterCount { get; }

    /// <summary>Predicted log-loss.</summary>
    public abstract double LogLoss(double[] p, double step);

    /// <summary>Fitted loss floor (0 for families without one).</summary>
    public virtual double Floor(double[] p) => 0;

    /// <summary>Step at which the loss reaches <paramref name="target"/>; +∞ when never.</summary>
    public abstract double StepAt(double[] p, double target);

    /// <summary>Starting points for the fit.</summary>
    public abstract IEnumerable<double[]> Starts(double[] steps, double[] logLoss);

    /// <summary>The five families used: exponential, power law, each with a floor, and a stretched exponential.</summary>
    public static IReadOnlyList<CurveFamily> All { get; } =
        [new ExponentialFamily(), new PowerLawFamily(), new ExponentialFloorFamily(), new PowerLawFloorFamily(), new StretchedExponentialFamily()];

    /// <summary>Least-squares line y = a + b x.</summary>
    protected static (double A, double B) Line(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }

        var b = sxx > 0 ? sxy / sxx : 0;
        return (my - b * mx, b);
    }
}

/// <summary>L = A e^(-b s): y = a - b s.</summary>
public sealed class ExponentialFamily : CurveFamily
{
    /// <inheritdoc />
    public override string Name => "exponential";
    /// <inheritdoc />
    public override string Formula => "L = A·exp(-b·s)";
    /// <inheritdoc />
    public override int ParameterCount => 2;
    /// <inheritdoc />
    public override double LogLoss(double[] p, double s) => p[0] - p[1] * s;
    /// <inheritdoc />
    public override double StepAt(double[] p, double target) => p[1] > 0 ? (p[0] - Math.Log(target)) / p[1] : double.PositiveInfinity;
    /// <inheritdoc />
    public override IEnumerable<double[]> Starts(double[] s, double[] y) { var (a, b) = Line(s, y); yield return [a, -b]; }
}

/// <summary>L = A (s+1)^(-b): y = a - b ln(s+1).</summary>
public sealed class PowerLawFamily : CurveFamily
{
    /// <inheritdoc />
    public override string Name => "power_law";
    /// <inheritdoc />
    public override string Formula => "L = A·(s+1)^(-b)";
    /// <inheritdoc />
    public override int ParameterCount => 2;
    /// <inheritdoc />
    public override double LogLoss(double[] p, double s) => p[0] - p[1] * Math.Log(s + 1);
    /// <inheritdoc />
    public override double StepAt(double[] p, double target) => p[1] > 0 ? Math.Exp((p[0] - Math.Log(target)) / p[1]) - 1 : double.PositiveInfinity;
    /// <inheritdoc />
    public override IEnumerable<double[]> Starts(double[] s, double[] y) { var (a, b) = Line(s.Select(v => Math.Log(v + 1)).ToArray(), y); yield return [a, -b]; }
}

/// <summary>L = c + A e^(-b s), parameters (ln A, b, ln c).</summary>
public sealed class ExponentialFloorFamily : CurveFamily
{
    /// <inheritdoc />
    public override string Name => "exponential_floor";
    /// <inheritdoc />
    public override string Formula => "L = c + A·exp(-b·s)";
    /// <inheritdoc />
    public override int ParameterCount => 3;
    /// <inheritdoc />
    public override double LogLoss(double[] p, double s) => LogSum(p[2], p[0] - p[1] * s);
    /// <inheritdoc />
    public override double Floor(double[] p) => Math.Exp(p[2]);
    /// <inheritdoc />
    public override double StepAt(double[] p, double target)
    {
        var gap = target - Floor(p);
        return gap <= 0 || p[1] <= 0 ? double.PositiveInfinity : (p[0] - Math.Log(gap)) / p[1];
    }
    /// <inheritdoc />
    public override IEnumerable<double[]> Starts(double[] s, double[] y)
    {
        var (a, b) = Line(s, y);
        var min = y.Min();
        foreach (var f in new[] { 0.9, 0.5, 0.1, 0.01 })
            yield return [a, Math.Max(-b, 1e-9), min + Math.Log(f)];
    }

    internal static double LogSum(double a, double b) => Math.Max(a, b) + Math.Log(1 + Math.Exp(-Math.Abs(a - b)));
}

/// <summary>L = c + A (s+1)^(-b), parameters (ln A, b, ln c).</summary>
public sealed class PowerLawFloorFamily : CurveFamily
{
    /// <inheritdoc />
    public override string Name => "power_law_floor";
    /// <inheritdoc />
    public override string Formula => "L = c + A·(s+1)^(-b)";
    /// <inheritdoc />
    public override int ParameterCount => 3;
    /// <inheritdoc />
    public override double LogLoss(double[] p, double s) => ExponentialFloorFamily.LogSum(p[2], p[0] - p[1] * Math.Log(s + 1));
    /// <inheritdoc />
    public override double Floor(double[] p) => Math.Exp(p[2]);
    /// <inheritdoc />
    public override double StepAt(double[] p, double target)
    {
        var gap = target - Floor(p);
        return gap <= 0 || p[1] <= 0 ? double.PositiveInfinity : Math.Exp((p[0] - Math.Log(gap)) / p[1]) - 1;
    }
    /// <inheritdoc />
    public override IEnumerable<double[]> Starts(double[] s, double[] y)
    {
        var (a, b) = Line(s.Select(v => Math.Log(v + 1)).ToArray(), y);
        var min = y.Min();
        foreach (var f in new[] { 0.9, 0.5, 0.1, 0.01 })
            yield return [a, Math.Max(-b, 1e-6), min + Math.Log(f)];
    }
}

/// <summary>L = A e^(-(s/τ)^k), parameters (ln A, ln τ, ln k): between power law and exponential.</summary>
public sealed class StretchedExponentialFamily : CurveFamily
{
    /// <inheritdoc />
    public override string Name => "stretched_exponential";
    /// <inheritdoc />
    public override string Formula => "L = A·exp(-(s/τ)^k)";
    /// <inheritdoc />
    public override int ParameterCount => 3;
    /// <inheritdoc />
    public override double LogLoss(double[] p, double s) => p[0] - Math.Pow(s / Math.Exp(p[1]), Math.Exp(p[2]));
    /// <inheritdoc />
    public override double StepAt(double[] p, double target)
    {
        var drop = p[0] - Math.Log(target);
        return drop <= 0 ? 0 : Math.Exp(p[1]) * Math.Pow(drop, 1 / Math.Exp(p[2]));
    }
    /// <inheritdoc />
    public override IEnumerable<double[]> Starts(double[] s, double[] y)
    {
        var (a, b) = Line(s, y);
        var tau = -b > 0 ? 1 / -b : s.Max();
        foreach (var k in new[] { 1.0, 0.5, 0.3 })
            yield return [a, Math.Log(Math.Max(tau, 1)), Math.Log(k)];
    }
}
