namespace McpFlow.Data.Profiling;

/// <summary>Statistics of a numeric column over its finite values.</summary>
/// <param name="Min">Smallest finite value.</param>
/// <param name="Max">Largest finite value.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="Std">Sample standard deviation (n − 1).</param>
/// <param name="Variance">Sample variance (n − 1).</param>
/// <param name="Skewness">Adjusted Fisher–Pearson sample skewness G1 = g1·√(n(n−1))/(n−2) (DuckDB <c>skewness</c>; pandas <c>skew</c>).</param>
/// <param name="Kurtosis">Bias-corrected excess kurtosis G2 (DuckDB <c>kurtosis</c>; pandas <c>kurt</c>); 0 for a normal distribution.</param>
/// <param name="Quantiles">5th, 25th, 50th, 75th and 95th percentiles (linear interpolation, as pandas; T-Digest estimates when approximate).</param>
/// <param name="Iqr">Interquartile range Q3 − Q1.</param>
/// <param name="Mad">Median absolute deviation from the median (unscaled).</param>
/// <param name="Zeros">Count of zeros.</param>
/// <param name="Negatives">Count of negative values.</param>
/// <param name="Infinities">Count of +/- infinity (floating columns).</param>
/// <param name="NaNs">Count of NaN (floating columns; not counted as missing).</param>
/// <param name="OutliersIqr">Values outside the Tukey fences Q1 − 1.5·IQR, Q3 + 1.5·IQR.</param>
/// <param name="OutliersZ">Values with |x − mean| &gt; 3·std.</param>
/// <param name="OutlierExamples">Up to five of the most extreme IQR outliers.</param>
/// <param name="Histogram">Equal-width histogram of the finite values.</param>
public sealed record NumericStats(double? Min, double? Max, double? Mean, double? Std, double? Variance, double? Skewness, double? Kurtosis,
    IReadOnlyDictionary<string, double?> Quantiles, double? Iqr, double? Mad, long Zeros, long Negatives, long Infinities, long NaNs,
    long OutliersIqr, long OutliersZ, IReadOnlyList<double> OutlierExamples, Histogram? Histogram);
