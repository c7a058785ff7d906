namespace McpFlow.Pipelines.Features;

/// <summary>A numeric feature column (NaN marks a missing value) and the step that made it.</summary>
/// <param name="Name">Feature name, e.g. <c>lag_24</c>.</param>
/// <param name="Step">Producing step: input, date_parts, lags, rolling or fourier.</param>
/// <param name="Values">One value per frame row.</param>
public sealed record NumericColumn(string Name, string Step, double[] Values);
