namespace McpFlow.Physics.Validation;

/// <summary>Turns a field on an <see cref="FdGrid"/> into a <see cref="GridSolution"/>: the whole field in 1D and
/// 2D, the (x, y) slice at the middle z node in 3D (the validator compares at z = mid-domain too).</summary>
public static class FdGridSlice
{
    /// <summary>The (x) or (x, y) field of <paramref name="u"/>, sliced at z = mid in 3D.</summary>
    public static GridSolution ToSolution(FdGrid grid, double[] u, string method)
    {
        var n = grid.Cells;
        var ny = grid.Dims >= 2 ? n + 1 : 1;
        var values = new double[n + 1, ny];
        Span<int> idx = stackalloc int[grid.Dims];
        if (grid.Dims == 3)
            idx[2] = n / 2;
        for (var i = 0; i <= n; i++)
            for (var j = 0; j < ny; j++)
            {
                idx[0] = i;
                if (grid.Dims >= 2)
                    idx[1] = j;
                values[i, j] = u[grid.Index(idx)];
            }

        var axes = grid.Problem.Space.Take(Math.Min(2, grid.Dims)).Select(a => a.Name).ToList();
        var nodes = grid.Nodes.Take(axes.Count).ToList();
        return new GridSolution(axes, nodes, values, double.NaN, method);
    }
}
