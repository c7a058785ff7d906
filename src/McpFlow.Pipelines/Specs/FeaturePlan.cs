namespace McpFlow.Pipelines.Specs;

/// <summary>Feature settings of a pipeline spec.</summary>
/// <param name="Lags">Target lags in rows (forecasting), each at least the horizon so no future value is used.</param>
/// <param name="RollingWindows">Left-closed rolling windows (mean and standard deviation) ending <c>horizon</c> rows before each row.</param>
/// <param name="FourierPeriod">Season length in rows detected by autocorrelation; null when none.</param>
/// <param name="FourierOrder">Number of sine/cosine pairs for that season.</param>
/// <param name="DateParts">Calendar parts taken from the time column (hour, day of week, month, day of year).</param>
/// <param name="Scaling">standard (z-score, fitted on training folds) or none.</param>
/// <param name="TargetTransform">Forecasting target transform (<see cref="TargetTransforms"/>), default none.</param>
/// <param name="DifferenceLag">Rows back to the value a <c>difference</c> transform is taken from (the horizon); 0 without one.</param>
/// <param name="YearlyPeriod">Rows per year of a dated series of two years or more (365.25 for daily rows); null without yearly terms.</param>
/// <param name="YearlyOrder">Sine/cosine pairs of the yearly season (10, Prophet's default); 0 without.</param>
public sealed record FeaturePlan(
    IReadOnlyList<int> Lags,
    IReadOnlyList<int> RollingWindows,
    int? FourierPeriod,
    int FourierOrder,
    IReadOnlyList<string> DateParts,
    string Scaling,
    string TargetTransform = TargetTransforms.None,
    int DifferenceLag = 0,
    double? YearlyPeriod = null,
    int YearlyOrder = 0);
