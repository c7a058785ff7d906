namespace McpFlow.Pipelines.Generation;

/// <summary>Thresholds of pipeline generation, with where each comes from.</summary>
public static class GenerationLimits
{
    /// <summary>Text columns with at most this many values are one-hot encoded (PyCaret and common practice use 10-25).</summary>
    public const int OneHotMaxCardinality = 15;

    /// <summary>Above this many distinct values a categorical column is "huge": frequency-encoded with a warning.</summary>
    public const int HugeCardinality = 1000;

    /// <summary>Most classes accepted for classification (beyond this the target is more likely an ID or a number).</summary>
    public const int MaxClasses = 100;

    /// <summary>Integer targets with at most this many values are inferred as classes.</summary>
    public const int MaxInferredClasses = 20;

    /// <summary>|Pearson r| at or above this with the target is treated as leakage (a near copy of the target).</summary>
    public const double LeakageCorrelation = 0.98;

    /// <summary>A categorical column that predicts the class for at least this share of rows is treated as leakage.</summary>
    public const double LeakagePurity = 0.995;

    /// <summary>Distinct share at or above which an integer or text column is ID-like.</summary>
    public const double IdLikeDistinctShare = 0.95;

    /// <summary>Smallest number of rows in any test fold (fewer gives meaningless metrics).</summary>
    public const int MinRowsPerFold = 5;

    /// <summary>Smallest training series for forecasting, in seasons or rows (whichever is larger).</summary>
    public const int MinTrainRows = 30;

    /// <summary>Longest season searched by the ACF (one week of hourly data is 168).</summary>
    public const int MaxSeason = 400;

    /// <summary>Fourier pairs per season (at most; limited to half the period).</summary>
    public const int FourierOrder = 3;

    /// <summary>Rows read for seasonality detection (the latest ones).</summary>
    public const int SeasonalitySampleRows = 20000;
}
