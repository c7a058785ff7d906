using McpFlow.Core.Errors;

namespace McpFlow.Experiments.Tracking;

/// <summary>One page of a metric's history (its points in step order), for <c>mlflow_get_run</c> with a metric.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Offset">Index of the page's first point in the history.</param>
/// <param name="Total">Points in the whole history.</param>
/// <param name="Steps">The page's steps.</param>
/// <param name="Values">The page's values; null where the logged value is NaN or infinite.</param>
/// <param name="NextOffset">Offset of the next page; null on the last page.</param>
public sealed record MetricPointsPage(string Metric, int Offset, int Total, IReadOnlyList<long> Steps, IReadOnlyList<double?> Values, int? NextOffset)
{
    /// <summary>Points per page: about 12 characters each in the text and as many in the structured content, so a page
    /// stays near 12,000 characters, a fifth of the 60,000-character result budget (ResultBudget).</summary>
    public const int PageSize = 500;

    /// <summary>The page of <paramref name="history"/> (as the store returns it) starting at <paramref name="offset"/>.</summary>
    public static MetricPointsPage Of(string metric, IReadOnlyList<MlflowMetric> history, int offset)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (offset < 0 || (offset > 0 && offset >= history.Count))
            throw McpFlowException.Invalid($"offset {offset} is past the {history.Count} points of '{metric}'.", "Start at offset 0 and follow the answer's next offset.");
        var page = history.OrderBy(m => m.Step).Skip(offset).Take(PageSize).ToList();
        var next = offset + page.Count < history.Count ? offset + page.Count : (int?)null;
        return new MetricPointsPage(metric, offset, history.Count, page.Select(m => m.Step).ToList(),
            page.Select(m => double.IsFinite(m.Value) ? m.Value : (double?)null).ToList(), next);
    }
}
