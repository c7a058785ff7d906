using McpFlow.Workbench.Records;

namespace McpFlow.Workbench.Review;

/// <summary>
/// Metrics lie in the range their kind allows (see <see cref="MetricKinds"/>), and related metrics agree:
/// RMSE ≥ MAE (the quadratic mean of the absolute errors is at least their mean) and RMSE ≤ √MSE (equal for one
/// evaluation; averaged over folds, the mean of square roots is at most the square root of the mean, by Jensen).
/// </summary>
public sealed class PlausibleMetricsCheck : IReviewCheck
{
    /// <summary>Relative slack for the consistency checks (rounding of logged values).</summary>
    public const double RelativeTolerance = 1e-6;

    /// <inheritdoc />
    public string Name => "metrics_plausible";

    /// <inheritdoc />
    public CheckResult Run(ReviewInput input, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var known = 0;
        foreach (var (name, value) in input.Metrics.Where(m => double.IsFinite(m.Value)))
        {
            var kind = MetricKinds.Of(name);
            if (kind != MetricKind.Unknown)
                known++;
            var problem = kind switch
            {
                MetricKind.UnitInterval when value is < 0 or > 1 => $"{name} = {value} is outside [0, 1]",
                MetricKind.SignedUnitInterval when value is < -1 or > 1 => $"{name} = {value} is outside [-1, 1]",
                MetricKind.RSquared when value > 1 => $"{name} = {value} is above 1",
                MetricKind.NonNegative when value < 0 => $"{name} = {value} is negative (a loss or error cannot be)",
                _ => null,
            };
            if (problem is not null)
                problems.Add(problem);
        }

        problems.AddRange(Consistency(input.Metrics));
        if (problems.Count > 0)
            return new CheckResult(Name, false, string.Join("; ", problems));
        return new CheckResult(Name, true, $"{known} metric(s) of a known kind, all within range and consistent");
    }

    private static IEnumerable<string> Consistency(IReadOnlyDictionary<string, double> metrics)
    {
        foreach (var (name, rmse) in metrics)
        {
            var tokens = MetricKinds.Tokens(name);
            if (!tokens.Contains("rmse") || !double.IsFinite(rmse))
                continue;
            if (Partner(metrics, name, "mae") is { } mae && double.IsFinite(mae.Value) && rmse < mae.Value * (1 - RelativeTolerance))
                yield return $"{name} = {rmse} is below {mae.Key} = {mae.Value} (RMSE is never below MAE)";
            if (Partner(metrics, name, "mse") is { } mse && double.IsFinite(mse.Value) && mse.Value >= 0
                && rmse > Math.Sqrt(mse.Value) * (1 + RelativeTolerance) + 1e-12)
                yield return $"{name} = {rmse} exceeds √{mse.Key} = {Math.Sqrt(mse.Value):G6}";
        }
    }

    private static KeyValuePair<string, double>? Partner(IReadOnlyDictionary<string, double> metrics, string rmseName, string token)
    {
        var index = rmseName.IndexOf("rmse", StringComparison.OrdinalIgnoreCase);
        var candidate = rmseName[..index] + (char.IsUpper(rmseName[index]) ? token.ToUpperInvariant() : token) + rmseName[(index + 4)..];
        foreach (var pair in metrics)
            if (string.Equals(pair.Key, candidate, StringComparison.OrdinalIgnoreCase))
                return pair;
        return null;
    }
}
