using MathNet.Numerics.LinearAlgebra;
using McpFlow.Physics.Expressions;
using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Analysis;

/// <summary>
/// Classifies the residual numerically, which works for presets and custom equations alike: the residual is
/// evaluated with u and its derivatives as free values at random states, linearity is the affine test
/// R(a+b) - R(a) - R(b) + R(0) = 0, and the type follows the signs of the eigenvalues of the second-order
/// (principal) coefficient matrix A, with A_ii = ∂R/∂u_ii and A_ij = ½∂R/∂u_ij.
/// </summary>
public static class PdeClassifier
{
    private const int Trials = 5;
    private const double Tolerance = 1e-8; // relative; the residual is evaluated exactly up to rounding
    private const int PointAttempts = 20;  // random points tried when the operator is not finite at the reference point

    /// <summary>Classifies <paramref name="problem"/>. Terms without u (the source) are left out, and the operator is
    /// evaluated where it is finite, so a source such as sqrt(x - 2) that is undefined in the domain never breaks the
    /// classification; an operator that is nowhere finite gives the type "unknown".</summary>
    public static PdeClassification Classify(PdeProblem problem)
    {
        var residual = SourceTerms.DropFrom(problem.Residual);
        var uSymbols = residual.Symbols().Where(s => DerivativeSymbol.TryParse(s, out _)).ToList();
        var others = residual.Symbols().Except(uSymbols).ToList();
        var names = uSymbols.Concat(others).ToList();
        var slots = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        var f = DoubleCompiler.Compile(residual, slots);
        var random = new Random(12345);
        var orders = uSymbols.Select(s => { DerivativeSymbol.TryParse(s, out var o); return o; }).ToList();
        var order = orders.Select(o => o.Length).DefaultIfEmpty(0).Max();
        var timeOrder = orders.Select(o => o.Count(c => c == 't')).DefaultIfEmpty(0).Max();
        double[] Random() => uSymbols.Select(_ => random.NextDouble() * 2 - 1).ToArray();

        var point = FinitePoint(problem, others, uSymbols.Count, f, random);
        if (point is null)
            return new PdeClassification(Unknown, false, order, timeOrder, []);
        double Eval(double[] u) => f([.. u, .. point]);

        var linear = true;
        var zero = new double[uSymbols.Count];
        for (var trial = 0; trial < Trials && linear; trial++)
        {
            var a = Random();
            var b = Random();
            var sum = a.Zip(b, (p, q) => p + q).ToArray();
            var defect = Eval(sum) - Eval(a) - Eval(b) + Eval(zero);
            var scale = Math.Abs(Eval(sum)) + Math.Abs(Eval(a)) + Math.Abs(Eval(b)) + Math.Abs(Eval(zero)) + 1e-300;
            linear = Math.Abs(defect) <= Tolerance * scale;
        }

        var axes = problem.Inputs.Select(a => a.Name).ToList();

        // Principal coefficients at a random state (for nonlinear equations they may depend on it).
        var state = Random();
        var matrix = Matrix<double>.Build.Dense(axes.Count, axes.Count);
        for (var k = 0; k < uSymbols.Count; k++)
        {
            if (orders[k].Length != 2)
                continue;
            var plus = (double[])state.Clone();
            var minus = (double[])state.Clone();
            plus[k] += 0.5;
            minus[k] -= 0.5;
            var slope = Eval(plus) - Eval(minus);
            int i = axes.IndexOf(orders[k][0]), j = axes.IndexOf(orders[k][1]);
            if (i == j)
                matrix[i, i] += slope;
            else
            {
                matrix[i, j] += slope / 2;
                matrix[j, i] += slope / 2;
            }
        }

        if (!matrix.Enumerate().All(double.IsFinite))
            return new PdeClassification(Unknown, linear, order, timeOrder, []);
        var eigen = matrix.Evd(Symmetricity.Symmetric).EigenValues.Select(v => v.Real).OrderBy(v => v).ToList();
        var scaleEig = eigen.Select(Math.Abs).DefaultIfEmpty(0).Max();
        int pos = eigen.Count(v => v > 1e-9 * scaleEig), neg = eigen.Count(v => v < -1e-9 * scaleEig), zeros = eigen.Count - pos - neg;
        var type = order switch
        {
            <= 1 => "first-order hyperbolic (transport)",
            _ when order > 2 => "higher-order",
            _ when pos + neg == 0 => "first-order hyperbolic (transport)",
            _ when zeros == 0 && (pos == 0 || neg == 0) => "elliptic",
            _ when zeros == 0 && (pos == 1 || neg == 1) => "hyperbolic",
            _ when zeros == 1 && timeOrder == 1 && (pos == 0 || neg == 0) => "parabolic",
            _ => "mixed or degenerate",
        };
        return new PdeClassification(type, linear, order, timeOrder, eigen);
    }

    /// <summary>The type reported when the operator cannot be evaluated anywhere in the domain.</summary>
    public const string Unknown = "unknown (the equation is not finite where it was evaluated)";

    // Values of the non-u symbols (coefficients, coordinates) at which the operator is finite for a zero and a random
    // state of u: the domain's reference point first, then random points of the domain; null when none is finite.
    private static double[]? FinitePoint(PdeProblem problem, List<string> others, int unknowns, Func<double[], double> f, Random random)
    {
        for (var attempt = 0; attempt <= PointAttempts; attempt++)
        {
            var point = others.Select(o => problem.Coefficients.TryGetValue(o, out var c) ? c : Coordinate(problem, o, attempt == 0 ? null : random)).ToArray();
            var state = Enumerable.Range(0, unknowns).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            if (double.IsFinite(f([.. new double[unknowns], .. point])) && double.IsFinite(f([.. state, .. point])))
                return point;
        }

        return null;
    }

    private static double Coordinate(PdeProblem problem, string symbol, Random? random)
    {
        var axis = problem.Inputs.FirstOrDefault(a => a.Name.ToString() == symbol);
        if (axis is null)
            return 0.5;
        return random is null ? (axis.Min + axis.Max) / 2 + 0.123 * axis.Length : axis.Min + random.NextDouble() * axis.Length;
    }
}
