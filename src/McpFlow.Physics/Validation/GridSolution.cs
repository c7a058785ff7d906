namespace McpFlow.Physics.Validation;

/// <summary>A reference solution on a tensor grid of the network's first inputs: 1 axis (steady 1D) or 2 axes
/// (steady 2D: x, y; 1D in time: x, t; steady 3D: x, y at z = mid; 2D/3D in time: x, y at t = max and z = mid; the
/// validator fixes the remaining inputs the same way). <see cref="Values"/> is [i0, i1] (i1 = 0 for one axis).</summary>
/// <param name="Axes">Axis names, in the network's input order.</param>
/// <param name="Nodes">Node coordinates per axis.</param>
/// <param name="Values">Solution values.</param>
/// <param name="ErrorEstimate">Estimated max error of this reference (difference to a refined solve ÷ 3, for a
/// second-order method; see <see cref="FdReferenceSolver"/>).</param>
/// <param name="Method">Scheme, grid and time step.</param>
public sealed record GridSolution(IReadOnlyList<char> Axes, IReadOnlyList<double[]> Nodes, double[,] Values, double ErrorEstimate, string Method)
{
    /// <summary>All grid points as input rows.</summary>
    public List<double[]> Points()
    {
        var list = new List<double[]>();
        var second = Nodes.Count > 1 ? Nodes[1] : [0.0];
        foreach (var a in Nodes[0])
            foreach (var b in second)
                list.Add(Nodes.Count > 1 ? [a, b] : [a]);
        return list;
    }
}
