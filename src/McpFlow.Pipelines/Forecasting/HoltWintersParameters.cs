namespace McpFlow.Pipelines.Forecasting;

/// <summary>
/// A fitted additive Holt-Winters model (ETS with additive error, additive trend and additive season; Hyndman et al.
/// 2008, statsmodels <c>ExponentialSmoothing(trend="add", seasonal="add")</c>): smoothing weights and initial states.
/// </summary>
/// <param name="Alpha">Level smoothing weight, in (0, 1).</param>
/// <param name="Beta">Trend smoothing weight (statsmodels' <c>smoothing_trend</c>), in [0, <paramref name="Alpha"/>].</param>
/// <param name="Gamma">Seasonal smoothing weight, in [0, 1 - <paramref name="Alpha"/>]; 0 without a season.</param>
/// <param name="Season">Season length m in rows; 0 for Holt's linear trend without a season.</param>
/// <param name="InitialLevel">Level before the first observation (the first forecast is level + trend + season[0]).</param>
/// <param name="InitialTrend">Trend before the first observation.</param>
/// <param name="InitialSeason">Seasonal terms of the first m observations (they sum to zero).</param>
/// <param name="Sse">In-sample sum of squared one-step errors of the fit.</param>
public sealed record HoltWintersParameters(
    double Alpha,
    double Beta,
    double Gamma,
    int Season,
    double InitialLevel,
    double InitialTrend,
    IReadOnlyList<double> InitialSeason,
    double Sse);
