namespace McpFlow.Pipelines.Series;

/// <summary>
/// Segment cost for changes in mean of a normal series with known σ: twice the negative log-likelihood up to a
/// constant, C(x_s..x_(t-1)) = Σ (x_i - x̄)² / σ² = (Σx² - (Σx)² / (t - s)) / σ², in O(1) from prefix sums.
/// </summary>
public sealed class NormalMeanCost
{
    private readonly double[] _sum;
    private readonly double[] _squares;
    private readonly double _variance;

    /// <summary>Prefix sums of <paramref name="values"/> (finite) scaled by <paramref name="sigma"/>.</summary>
    public NormalMeanCost(IReadOnlyList<double> values, double sigma)
    {
        _sum = new double[values.Count + 1];
        _squares = new double[values.Count + 1];
        for (var i = 0; i < values.Count; i++)
        {
            _sum[i + 1] = _sum[i] + values[i];
            _squares[i + 1] = _squares[i] + (values[i] * values[i]);
        }

        _variance = sigma * sigma;
    }

    /// <summary>Cost of the segment of indices <paramref name="start"/> (inclusive) to <paramref name="end"/> (exclusive).</summary>
    public double Cost(int start, int end)
    {
        var length = end - start;
        var sum = _sum[end] - _sum[start];
        return Math.Max(0, _squares[end] - _squares[start] - (sum * sum / length)) / _variance;
    }

    /// <summary>Mean of the segment [start, end).</summary>
    public double Mean(int start, int end) => (_sum[end] - _sum[start]) / (end - start);
}
