namespace McpFlow.Experiments.Tracking.Rest;

/// <summary>Splits a log-batch into requests within MLflow's limits (mlflow/utils/validation.py:
/// MAX_METRICS_PER_BATCH 1000, MAX_PARAMS_TAGS_PER_BATCH 100 each, MAX_ENTITIES_PER_BATCH 1000 in total).</summary>
public static class LogBatchSplitter
{
    /// <summary>MLflow's limit of metrics per request.</summary>
    public const int MaxMetrics = 1000;

    /// <summary>MLflow's limit of params per request (and of tags).</summary>
    public const int MaxParamsOrTags = 100;

    /// <summary>MLflow's limit of entities (metrics + params + tags) per request.</summary>
    public const int MaxEntities = 1000;

    /// <summary>The requests, in order; params and tags go first so a run is described before its metrics.</summary>
    public static IEnumerable<LogBatchRequest> Split(string runId, IReadOnlyList<MetricDto> metrics, IReadOnlyList<KeyValueDto> parameters, IReadOnlyList<KeyValueDto> tags)
    {
        int m = 0, p = 0, t = 0;
        while (m < metrics.Count || p < parameters.Count || t < tags.Count)
        {
            var ps = parameters.Skip(p).Take(MaxParamsOrTags).ToList();
            var ts = tags.Skip(t).Take(MaxParamsOrTags).ToList();
            var room = Math.Min(MaxMetrics, MaxEntities - ps.Count - ts.Count);
            var ms = metrics.Skip(m).Take(room).ToList();
            (m, p, t) = (m + ms.Count, p + ps.Count, t + ts.Count);
            yield return new LogBatchRequest(runId, ms, ps, ts);
        }
    }
}
