namespace McpFlow.Data.Profiling;

/// <summary>Sizes that decide how the profiler computes (named so they can be cited).</summary>
public static class ProfileSettings
{
    /// <summary>Up to this many rows distinct counts and quantiles are exact (<c>count(DISTINCT)</c>,
    /// <c>quantile_cont</c>); above it they use HyperLogLog and T-Digest (<c>approx_count_distinct</c>,
    /// <c>approx_quantile</c>) and are labelled approximate. 1M rows keeps exact holistic aggregates under ~1 s per
    /// column on 2 cores.</summary>
    public const long ExactRowLimit = 1_000_000;

    /// <summary>Spearman correlations are computed on a uniform sample of this many rows above it (ranking needs a
    /// sort per column), and labelled as sampled.</summary>
    public const int SpearmanSampleRows = 100_000;

    /// <summary>Bins of each numeric histogram (enough shape for a chat-sized chart).</summary>
    public const int HistogramBins = 20;

    /// <summary>Most frequent values kept per column.</summary>
    public const int TopValues = 5;

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
