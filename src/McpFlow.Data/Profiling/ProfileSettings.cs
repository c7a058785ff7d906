namespace McpFlow.Data.Profiling;

/// <summary>Sizes that decide how the profiler computes (named so they can be cited).</summary>
public static class ProfileSettings
{
    /// <summary>Up to this many rows distinct counts and quantiles are exact (<c>count(DISTINCT)</c>,
    /// <c>quantile_cont</c>); above it quantiles use T-Digest (<c>approx_quantile</c>, as DuckDB's own SUMMARIZE does)
    /// and distinct counts HyperLogLog, recounted exactly where the estimate is small
    /// (<see cref="ExactDistinctMaxEstimate"/>). Exact holistic aggregates over every column cost several times a
    /// plain scan, measured on 1M rows × 12 columns.</summary>
    public const long ExactRowLimit = 100_000;

    /// <summary>Above <see cref="ExactRowLimit"/> rows, columns whose HyperLogLog estimate is at most this many
    /// distinct values are recounted exactly with <c>count(DISTINCT)</c>; measured on 1M rows × 12 columns, recounting
    /// the 10 columns under it costs about as much as the estimates themselves (the hash tables stay small), while the
    /// two columns of about a million values would double the scan.</summary>
    public const long ExactDistinctMaxEstimate = 100_000;

    /// <summary>Relative standard error of DuckDB's <c>approx_count_distinct</c>: HyperLogLog with 64 registers
    /// (DuckDB 1.5, <c>hyperloglog.hpp</c>: P = 6), 1.04/√64 ≈ 13%. Measured here on 24 columns of 17,000 to 1,000,000
    /// distinct values (integer ranges and md5 strings, 120k to 1M rows): root-mean-square error 8.4%, extremes −18.6%
    /// and +19.6%; issue 14 saw +42% on one column of a held-out table at 1M rows.</summary>
    public const double ApproxDistinctStandardError = 0.13;

    /// <summary>Spearman correlations are computed on a uniform sample of this many rows above it (ranking needs a
    /// sort per column), and labelled as sampled. The standard error of a rank correlation at n = 20,000 is about
    /// 1/√n ≈ 0.007, well below what changes a conclusion; 100k rows cost ~6 s on 1M × 12 on the loaded 2-core box.</summary>
    public const int SpearmanSampleRows = 20_000;

    /// <summary>Bins of each numeric histogram (enough shape for a chat-sized chart).</summary>
    public const int HistogramBins = 20;

    /// <summary>Most frequent values kept per column.</summary>
    public const int TopValues = 5;

    /// <summary>Columns profiled at most in one profile (the first ones in table order unless named): each column costs
    /// several queries (a 2,000-column table kept its profile job running past a minute, red-team suite, issue 11), and
    /// a 101-column profile's structured result is about 69,000 characters, at the result cap.</summary>
    public const int MaxProfiledColumns = 100;

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
}
