using McpFlow.Physics.Specs;
using McpFlow.Physics.Validation;

namespace McpFlow.Physics.Tests.Validation;

/// <summary>Max error of a reference grid against a closed form u(x, y, z, t) (missing inputs fixed as the validator
/// fixes them: t = max, other space axes at mid-domain).</summary>
internal static class GridErrors
{
    public static double Max(PdeProblem p, GridSolution g, Func<double[], double> exact)
    {
        var rest = p.Inputs.Skip(g.Axes.Count).Select(a => a.Name == 't' ? a.Max : (a.Min + a.Max) / 2).ToArray();
        double max = 0;
        for (var i = 0; i < g.Values.GetLength(0); i++)
            for (var j = 0; j < g.Values.GetLength(1); j++)
            {
                double[] at = g.Nodes.Count > 1 ? [g.Nodes[0][i], g.Nodes[1][j], .. rest] : [g.Nodes[0][i], .. rest];
                max = Math.Max(max, Math.Abs(g.Values[i, j] - exact(at)));
            }

        return max;
    }

    /// <summary>log2 of the error ratio between a solve and one with h ÷ 2 (2 for a second-order method).</summary>
    public static double Order(PdeProblem p, Func<int, GridSolution> solve, int n, Func<double[], double> exact) =>
        Math.Log2(Max(p, solve(n), exact) / Max(p, solve(2 * n), exact));
}
