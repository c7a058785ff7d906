namespace McpFlow.Data.Profiling;

/// <summary>Default alert thresholds. Each alert fires when its value is at or above the threshold
/// (at or below for the constant/imbalance cases as stated).</summary>
public static class AlertThresholds
{
    /// <summary>Missing share of a column that raises <c>missing</c> (5%: the usual "more than a few percent" line
    /// where listwise deletion starts to bias results).</summary>
    public const double Missing = 0.05;

    /// <summary>|skewness| that raises <c>skewed</c> (Bulmer 1979: above 1 is highly skewed).</summary>
    public const double Skewness = 1.0;

    /// <summary>|skewness| described as "strongly" skewed in the text (twice Bulmer's line).</summary>
    public const double StrongSkewness = 2.0;

    /// <summary>|Pearson|, |Spearman| or Cramér's V that raises <c>high_correlation</c> (0.9: near-collinear).</summary>
    public const double Correlation = 0.9;

    /// <summary>Correlations listed as "strong pairs" in the summary (0.7: Cohen-style "strong").</summary>
    public const double StrongCorrelation = 0.7;

    /// <summary>Share of the most frequent value that raises <c>imbalance</c> in a categorical column.</summary>
    public const double Imbalance = 0.9;

    /// <summary>Share of zeros that raises <c>zeros</c> (10%, as ydata-profiling's default).</summary>
    public const double Zeros = 0.10;

    /// <summary>Distinct values above which a categorical text column raises <c>high_cardinality</c>
    /// (50: ydata-profiling's default; one-hot encoding becomes unwieldy).</summary>
    public const long HighCardinality = 50;

    /// <summary>Share of IQR outliers that raises <c>outliers</c> (1%; a normal sample has about 0.7% beyond the fences).</summary>
    public const double Outliers = 0.01;

    /// <summary>Share of duplicate rows that raises <c>duplicates</c> (any: 0 means a single duplicate row alerts).</summary>
    public const double Duplicates = 0.0;

    /// <summary>Fewest non-null values for <c>unique</c> to be meaningful.</summary>
    public const long UniqueMinCount = 10;

    /// <summary>Share of a text column's values that parse as numbers to call it <c>numeric_as_text</c>.</summary>
    public const double NumericAsText = 0.95;
}
