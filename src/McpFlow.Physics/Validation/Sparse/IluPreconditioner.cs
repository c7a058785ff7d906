namespace McpFlow.Physics.Validation.Sparse;

/// <summary>
/// Incomplete LU factorisation with zero fill-in, ILU(0) (Saad, Iterative Methods for Sparse Linear Systems, 2003,
/// algorithm 10.4): L and U keep the sparsity pattern of A, so building costs O(nonzeros) and applying M⁻¹ = (LU)⁻¹ is
/// two triangular sweeps. On a tridiagonal matrix (1D stencils) it is the exact LU factorisation.
/// </summary>
public sealed class IluPreconditioner
{
    private const double TinyPivot = 1e-300; // a pivot this small means the factorisation broke down
    private readonly CsrMatrix _a;
    private readonly double[] _lu;
    private readonly int[] _diagonal;

    private IluPreconditioner(CsrMatrix a, double[] lu, int[] diagonal)
    {
        _a = a;
        _lu = lu;
        _diagonal = diagonal;
    }

    /// <summary>Factorises <paramref name="a"/>; null when a pivot vanishes or a diagonal entry is missing (the
    /// caller then solves without a preconditioner).</summary>
    public static IluPreconditioner? TryCreate(CsrMatrix a)
    {
        var n = a.Size;
        var lu = (double[])a.Values.Clone();
        var diagonal = new int[n];
        var position = new int[n];
        Array.Fill(position, -1);
        for (var i = 0; i < n; i++)
        {
            diagonal[i] = Array.BinarySearch(a.Columns, a.RowStart[i], a.RowStart[i + 1] - a.RowStart[i], i);
            if (diagonal[i] < 0)
                return null;
        }

        for (var i = 0; i < n; i++)
        {
            for (var k = a.RowStart[i]; k < a.RowStart[i + 1]; k++)
                position[a.Columns[k]] = k;
            for (var k = a.RowStart[i]; k < diagonal[i]; k++)
            {
                var row = a.Columns[k];
                var factor = lu[k] /= lu[diagonal[row]];
                for (var j = diagonal[row] + 1; j < a.RowStart[row + 1]; j++)
                {
                    var target = position[a.Columns[j]];
                    if (target >= 0)
                        lu[target] -= factor * lu[j];
                }
            }

            for (var k = a.RowStart[i]; k < a.RowStart[i + 1]; k++)
                position[a.Columns[k]] = -1;
            if (!(Math.Abs(lu[diagonal[i]]) > TinyPivot) || !double.IsFinite(lu[diagonal[i]]))
                return null;
        }

        return new IluPreconditioner(a, lu, diagonal);
    }

    /// <summary>z = (LU)⁻¹·r.</summary>
    public void Apply(ReadOnlySpan<double> r, Span<double> z)
    {
        var a = _a;
        for (var i = 0; i < a.Size; i++)
        {
            var sum = r[i];
            for (var k = a.RowStart[i]; k < _diagonal[i]; k++)
                sum -= _lu[k] * z[a.Columns[k]];
            z[i] = sum;
        }

        for (var i = a.Size - 1; i >= 0; i--)
        {
            var sum = z[i];
            for (var k = _diagonal[i] + 1; k < a.RowStart[i + 1]; k++)
                sum -= _lu[k] * z[a.Columns[k]];
            z[i] = sum / _lu[_diagonal[i]];
        }
    }
}
