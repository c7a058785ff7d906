namespace McpFlow.Pipelines.Features;

/// <summary>
/// The rows a pipeline trains on, in time order when there is a time column: raw numeric and categorical features,
/// the target, and for forecasting the naive forecasts used as baselines. Built by <see cref="FeatureLoader"/>.
/// </summary>
public sealed record FeatureFrame
{
    /// <summary>Number of rows.</summary>
    public required int Rows { get; init; }

    /// <summary>Numeric features (inputs, date parts, lags, rolling statistics, Fourier terms).</summary>
    public required IReadOnlyList<NumericColumn> Numeric { get; init; }

    /// <summary>Categorical inputs.</summary>
    public required IReadOnlyList<CategoricalColumn> Categorical { get; init; }

    /// <summary>Numeric target (regression, forecasting); NaN when there is none.</summary>
    public required double[] Target { get; init; }

    /// <summary>Class index per row (classification, labelled anomaly detection); -1 when there is none.</summary>
    public required int[] Labels { get; init; }

    /// <summary>Forecast of the value <c>horizon</c> rows earlier (forecasting), else empty.</summary>
    public required double[] Naive { get; init; }

    /// <summary>Forecast of the value one season earlier (forecasting with a season), else empty.</summary>
    public required double[] SeasonalNaive { get; init; }

    /// <summary>Time-ordered target of the whole table up to each row (for MASE scales); forecasting only.</summary>
    public required double[] History { get; init; }

    /// <summary>Position of each frame row in <see cref="History"/>.</summary>
    public required int[] HistoryIndex { get; init; }

    /// <summary>
    /// Forecasting with a <c>difference</c> target transform: per row, the latest target value known at forecast time
    /// (at least <c>differenceLag</c> rows back) that models forecast the change from; empty otherwise.
    /// </summary>
    public double[] Base { get; init; } = [];

    /// <summary>What each loading step did.</summary>
    public required IReadOnlyList<StepStats> Stats { get; init; }
}
