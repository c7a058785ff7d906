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

    /// <summary>Classifies <paramref name="problem"/>.</summary>
    public static PdeClassification Classify(PdeProblem problem)
    {
        var uSymbols = problem.Residual.Symbols().Where(s => DerivativeSymbol.TryParse(s, out _)).ToList();
        var others = problem.Residual.Symbols().Except(uSymbols).ToList();
        var names = uSymbols.Concat(others).ToList();
        var slots = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        var f = DoubleCompiler.Compile(problem.Residual, slots);
        var random = new Random(12345);
        var point = others.Select(o => problem.Coefficients.TryGetValue(o, out var c) ? c : Mid(problem, o)).ToArray();

        double Eval(double[] u) => f([.. u, .. point]);
        double[] Random() => uSymbols.Select(_ => random.NextDouble() * 2 - 1).ToArray();

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

        var orders = uSymbols.Select(s => { DerivativeSymbol.TryParse(s, out var o); return o; }).ToList();
        var order = orders.Select(o => o.Length).DefaultIfEmpty(0).Max();
        var timeOrder = orders.Select(o => o.Count(c => c == 't')).DefaultIfEmpty(0).Max();
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

    private static double Mid(PdeProblem problem, string symbol)
    {
        var axis = problem.Inputs.FirstOrDefault(a => a.Name.ToString() == symbol);
        return axis is null ? 0.5 : (axis.Min + axis.Max) / 2 + 0.123 * axis.Length;
    }
}
