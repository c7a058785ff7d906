namespace McpFlow.Data.Profiling;

/// <summary>Sizes that decide how the profiler computes (named so they can be cited).</summary>
public static class ProfileSettings
{
    /// <summary>Up to this many rows distinct counts and quantiles are exact (<c>count(DISTINCT)</c>,
    /// <c>quantile_cont</c>); above it they use HyperLogLog and T-Digest (<c>approx_count_distinct</c>,
    /// <c>approx_quantile</c>, as DuckDB's own SUMMARIZE does) and are labelled approximate. Exact holistic
    /// aggregates over every column cost several times a plain scan, measured on 1M rows × 12 columns.</summary>
    public const long ExactRowLimit = 100_000;

    /// <summary>Spearman correlations are computed on a uniform sample of this many rows above it (ranking needs a
    /// sort per column), and labelled as sampled. The standard error of a rank correlation at n = 20,000 is about
    /// 1/√n ≈ 0.007, well below what changes a conclusion; 100k rows cost ~6 s on 1M × 12 on the loaded 2-core box.</summary>
    public const int SpearmanSampleRows = 20_000;

    /// <summary>Bins of each numeric histogram (enough shape for a chat-sized chart).</summary>
    public const int HistogramBins = 20;

    /// <summary>Most frequent values kept per column.</summary>
    public const int TopValues = 5;

    /// <summary>Numeric columns correlated pairwise at most (the first ones in table order): 60 columns are 1,770 pairs in one
    /// aggregate scan; 2,000 would be 2 million and kept a profile running for minutes (red-team suite, issue 11).</summary>
    public const int MaxCorrelatedNumeric = 60;

    /// <summary>Categorical columns paired for Cramér's V at most (one grouped query per pair: 20 columns are 190 queries).</summary>
    public const int MaxCorrelatedCategorical = 20;

    /// <summary>Columns with at most this many distinct values take part in Cramér's V.</summary>
    public const int CramersVMaxDistinct = 50;

    /// <summary>Tukey's fence multiplier for IQR outliers (Tukey 1977).</summary>
    public const double IqrFence = 1.5;

    /// <summary>|z| above this counts as a z-score outlier (three-sigma rule).</summary>
    public const double ZScoreLimit = 3.0;

    /// <summary>Date formats tried on text columns, by label.</summary>
    public static readonly IReadOnlyList<(string Label, string Format)> DateFormats =
        [("iso (YYYY-MM-DD)", "%Y-%m-%d"), ("day-first (DD/MM/YYYY)", "%d/%m/%Y"), ("month-first (MM/DD/YYYY)", "%m/%d/%Y"), ("dotted (DD.MM.YYYY)", "%d.%m.%Y")];
}
