namespace McpFlow.Physics.Validation.Sparse;

/// <summary>A square sparse matrix in compressed sparse row form, columns sorted within each row, duplicate
/// (row, column) entries summed when built.</summary>
public sealed class CsrMatrix
{
    private CsrMatrix(int size, int[] rowStart, int[] columns, double[] values)
    {
        Size = size;
        RowStart = rowStart;
        Columns = columns;
        Values = values;
    }

    /// <summary>Rows (= columns).</summary>
    public int Size { get; }

    /// <summary>Where each row's entries start in <see cref="Columns"/> and <see cref="Values"/> (Size + 1 entries).</summary>
    public int[] RowStart { get; }

    /// <summary>Column of each entry.</summary>
    public int[] Columns { get; }

    /// <summary>Value of each entry.</summary>
    public double[] Values { get; }

    /// <summary>Builds the matrix from (row, column, value) triplets; repeated positions are added up.</summary>
    public static CsrMatrix FromTriplets(int size, IReadOnlyList<(int Row, int Column, double Value)> entries)
    {
        var counts = new int[size + 1];
        foreach (var (row, _, _) in entries)
            counts[row + 1]++;
        for (var i = 0; i < size; i++)
            counts[i + 1] += counts[i];
        var columns = new int[entries.Count];
        var values = new double[entries.Count];
        var next = (int[])counts.Clone();
        foreach (var (row, column, value) in entries)
        {
            columns[next[row]] = column;
            values[next[row]++] = value;
        }

        // Sort each row by column and merge duplicates in place.
        var rowStart = new int[size + 1];
        var write = 0;
        for (var row = 0; row < size; row++)
        {
            int from = counts[row], to = counts[row + 1];
            Array.Sort(columns, values, from, to - from);
            rowStart[row] = write;
            for (var k = from; k < to; k++)
            {
                if (write > rowStart[row] && columns[write - 1] == columns[k])
                {
                    values[write - 1] += values[k];
                    continue;
                }

                columns[write] = columns[k];
                values[write++] = values[k];
            }
        }

        rowStart[size] = write;
        return new CsrMatrix(size, rowStart, columns[..write], values[..write]);
    }

    /// <summary>y = A·x.</summary>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        for (var row = 0; row < Size; row++)
        {
            double sum = 0;
            for (var k = RowStart[row]; k < RowStart[row + 1]; k++)
                sum += Values[k] * x[Columns[k]];
            y[row] = sum;
        }
    }

    /// <summary>max over rows of Σ|a_ij| (the infinity norm).</summary>
    public double InfinityNorm()
    {
        double max = 0;
        for (var row = 0; row < Size; row++)
        {
            double sum = 0;
            for (var k = RowStart[row]; k < RowStart[row + 1]; k++)
                sum += Math.Abs(Values[k]);
            max = Math.Max(max, sum);
        }

        return max;
    }
}
