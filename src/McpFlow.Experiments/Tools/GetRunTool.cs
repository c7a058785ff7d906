using System.ComponentModel;
using System.Globalization;
using System.Text;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using McpFlow.Core.Tracking;
using McpFlow.Experiments.Tracking;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Experiments.Tools;

/// <summary>The <c>mlflow_get_run</c> tool.</summary>
[McpServerToolType]
[UsesTrackingServer]
public sealed class GetRunTool(ITrackingStore store)
{
    /// <summary>Shows one run.</summary>
    [McpServerTool(Name = "mlflow_get_run", Title = "Show an MLflow run", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Shows one run's params, tags, metrics and metric histories.")]
    public async Task<CallToolResult> Get(
        [Description("Run id, e.g. \"6f1a2b3c4d5e\".")] string run_id,
        [Description("Metric, e.g. \"loss\".")] string? metric = null,
        [Description("First point, e.g. 500.")] int? offset = null,
        CancellationToken cancellationToken = default)
    {
        if (offset is { } o && (o < 0 || metric is null))
            throw McpFlowException.Invalid(o < 0 ? $"offset {o} is negative: it counts points from 0." : "offset pages a metric's points: give metric too.",
                "e.g. metric=\"loss\", offset=500 for the second page.");
        var run = await store.GetRunAsync(TrackingKeys.RequireRunId(run_id), cancellationToken);
        var histories = new List<object>();
        var text = new StringBuilder($"Run {run.DisplayName} ({run.RunId}) in experiment {run.ExperimentId}: {run.State}\n");
        text.AppendLine("Params: " + (run.Params.Count == 0 ? "none" : string.Join(", ", run.Params.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))));
        foreach (var key in run.Metrics.Keys.Order(StringComparer.Ordinal))
        {
            var h = await MetricHistory.ReadOrLatestAsync(store, run, key, cancellationToken);
            var finite = h.Where(m => double.IsFinite(m.Value)).ToList();
            var summary = new
            {
                metric = key, points = h.Count, firstStep = h.FirstOrDefault()?.Step, lastStep = h.LastOrDefault()?.Step,
                first = h.FirstOrDefault()?.Value, last = run.Metrics[key].Value,
                min = finite.Count == 0 ? (double?)null : finite.Min(m => m.Value), max = finite.Count == 0 ? (double?)null : finite.Max(m => m.Value),
            };
            histories.Add(summary);
            var line = string.Create(CultureInfo.InvariantCulture, $"- {key}: last {summary.last:G4}");
            if (h.Count > 1)
                line += string.Create(CultureInfo.InvariantCulture, $" ({h.Count} points, steps {summary.firstStep}-{summary.lastStep}, first {summary.first:G4}, min {summary.min:G4}, max {summary.max:G4})");
            text.AppendLine(line);
        }

        var userTags = run.Tags.Where(t => !t.Key.StartsWith("mlflow.", StringComparison.Ordinal)).ToList();
        if (userTags.Count > 0)
            text.AppendLine("Tags: " + string.Join(", ", userTags.Select(t => $"{t.Key}={t.Value}")));
        if (metric is null)
            return ToolResults.Create(text.ToString().TrimEnd(), new { run, histories });
        var points = await PageAsync(run, metric, offset ?? 0, cancellationToken);
        text.Append(string.Create(CultureInfo.InvariantCulture, $"Points of {metric} {points.Offset + 1}-{points.Offset + points.Steps.Count} of {points.Total} (step=value): "))
            .AppendJoin(", ", points.Steps.Zip(points.Values, (s, v) => string.Create(CultureInfo.InvariantCulture, $"{s}={(v is { } x ? x.ToString("G6", CultureInfo.InvariantCulture) : "NaN")}")));
        if (points.NextOffset is { } next)
            text.Append(CultureInfo.InvariantCulture, $"\nMore: call again with offset={next}.");
        return ToolResults.Create(text.ToString().TrimEnd(), new { run, histories, points });
    }

    private async Task<MetricPointsPage> PageAsync(MlflowRun run, string metric, int offset, CancellationToken cancellationToken)
    {
        if (!run.Metrics.ContainsKey(metric))
            throw McpFlowException.Invalid($"Run {run.RunId} has no metric '{ArgumentEcho.Show(metric)}'.",
                "Metrics logged: " + (run.Metrics.Count == 0 ? "none" : string.Join(", ", run.Metrics.Keys.Order(StringComparer.Ordinal))) + ".");
        return MetricPointsPage.Of(metric, await MetricHistory.ReadOrLatestAsync(store, run, metric, cancellationToken), offset);
    }
}
