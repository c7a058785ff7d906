using McpFlow.Workbench.Records;

namespace McpFlow.Workbench.Review;

/// <summary>No key metric is NaN or infinite.</summary>
public sealed class FiniteMetricsCheck : IReviewCheck
{
    /// <inheritdoc />
    public string Name => "metrics_finite";

    /// <inheritdoc />
    public CheckResult Run(ReviewInput input, CancellationToken cancellationToken)
    {
        var bad = input.Metrics.Where(m => !double.IsFinite(m.Value)).Select(m => $"{m.Key} = {m.Value}").ToList();
        return bad.Count == 0
            ? new CheckResult(Name, true, $"{input.Metrics.Count} metric(s), all finite")
            : new CheckResult(Name, false, "not finite: " + string.Join(", ", bad));
    }
}
