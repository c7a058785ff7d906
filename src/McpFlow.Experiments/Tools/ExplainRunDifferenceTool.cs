using System.ComponentModel;
using System.Globalization;
using System.Text;
using McpFlow.Core.Mcp;
using McpFlow.Core.Tracking;
using McpFlow.Experiments.Analysis;
using McpFlow.Experiments.Tracking;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Experiments.Tools;

/// <summary>The <c>explain_run_difference</c> tool.</summary>
[McpServerToolType]
[UsesTrackingServer]
public sealed class ExplainRunDifferenceTool(RunLoader loader)
{
    /// <summary>Explains why two runs differ.</summary>
    [McpServerTool(Name = "explain_run_difference", Title = "Explain a run difference", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Explains why two runs differ on a metric, charting both curves.")]
    public async Task<CallToolResult> Explain(
        [Description("Run id, e.g. \"6f1a2b3c4d5e\".")] string run_a,
        [Description("Run id, e.g. \"0a1b2c3d4e5f\".")] string run_b,
        [Description("Metric, e.g. \"val_acc\".")] string metric,
        [Description("e.g. maximize or minimize.")] string direction = "auto",
        CancellationToken cancellationToken = default)
    {
        var maximize = RunLoader.ParseDirection(direction, metric);
        TrackingKeys.RequireRunId(run_a, "run_a");
        TrackingKeys.RequireRunId(run_b, "run_b");
        var a = await loader.Reader.GetRunAsync(run_a, cancellationToken);
        var b = await loader.Reader.GetRunAsync(run_b, cancellationToken);
        var ha = await loader.Reader.GetMetricHistoryAsync(a.RunId, metric, cancellationToken);
        var hb = await loader.Reader.GetMetricHistoryAsync(b.RunId, metric, cancellationToken);
        var importance = await ImportanceAsync(a.ExperimentId, metric, cancellationToken);
        var diff = RunDifferenceExplainer.Explain(a, b, metric, maximize, ha, hb, importance);
        var chart = ExperimentCharts.Curves($"{metric}: {a.DisplayName} vs {b.DisplayName}", metric, [(a.DisplayName, ha), (b.DisplayName, hb)],
            $"diff_{a.RunId[..8]}_{b.RunId[..Math.Min(8, b.RunId.Length)]}_{metric}", folder: null);
        // Rendered inline only: the tool is read-only, so it saves nothing in the workspace.
        diff = diff with { Charts = [] };
        var text = new StringBuilder(diff.Explanation).AppendLine().AppendLine("Params that differ:");
        foreach (var p in diff.ParamDiffs)
            text.AppendLine($"  {p.Name}: {p.A ?? "unset"} → {p.B ?? "unset"}");
        if (diff.ParamDiffs.Count == 0)
            text.AppendLine("  none");
        text.AppendLine("Along the curve (A, B, B−A):");
        foreach (var c in diff.Curve)
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {c.At} (step {c.Step}): {c.A:G4}, {c.B:G4}, {c.Gap:+0.####;-0.####}"));
        return ToolResults.Create(text.ToString().TrimEnd(), diff, [ToolResults.Png(chart.Png)]);
    }

    private async Task<IReadOnlyDictionary<string, double>> ImportanceAsync(string experimentId, string metric, CancellationToken cancellationToken)
    {
        var runs = (await loader.LoadRunsAsync(experimentId, null, cancellationToken)).Where(r => r.Metric(metric) is { } v && double.IsFinite(v)).ToList();
        var result = new Dictionary<string, double>();
        foreach (var key in runs.SelectMany(r => r.Params.Keys).Distinct())
        {
            var pairs = runs.Where(r => r.Params.TryGetValue(key, out var v) && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                .Select(r => (x: double.Parse(r.Params[key], CultureInfo.InvariantCulture), y: r.Metric(metric)!.Value)).ToList();
            if (pairs.Count >= 4 && pairs.Select(p => p.x).Distinct().Count() > 1)
            {
                var rho = Statistics.Spearman(pairs.Select(p => p.x).ToList(), pairs.Select(p => p.y).ToList());
                if (!double.IsNaN(rho))
                    result[key] = Math.Abs(rho);
            }
        }

        return result;
    }
}
