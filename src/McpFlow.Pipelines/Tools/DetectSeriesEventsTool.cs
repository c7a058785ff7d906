using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using McpFlow.Core.Mcp;
using McpFlow.Core.Runs;
using McpFlow.Pipelines.Series;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Pipelines.Tools;

/// <summary>pipeline_detect_series_events.</summary>
[McpServerToolType]
public sealed class DetectSeriesEventsTool(SeriesEventFinder finder, IRunRecorder recorder)
{
    /// <summary>Finds spikes and change points of one series.</summary>
    [McpServerTool(Name = "pipeline_detect_series_events", Title = "Detect spikes and change points in a series",
        ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Finds spikes and changes in level in one numeric column of a workspace table ordered by a time column. The season " +
                 "(from the autocorrelation, or given) is removed first; change points are found by PELT (exact segmentation for changes " +
                 "in mean, penalty 3 log n) after isolated outliers are cleaned; spikes are values whose robust z-score against the " +
                 "previous 100 values of their segment (median and MAD) reaches the threshold (default 4.5). Returns each spike (row, " +
                 "time, value, expected, z, p-value) and change point (row, time, mean before and after, shift in σ) and a chart " +
                 "marking them; records a workbench run. For anomaly scores of many columns use generate_pipeline with " +
                 "task=\"anomaly_detection\" and pipeline_compare_models.")]
    public async Task<CallToolResult> Detect(
        [Description("Workspace table, e.g. \"wind_power\".")] string table,
        [Description("Numeric column to follow over time, e.g. \"power_mw\".")] string value_column,
        [Description("Date, timestamp or numeric column that orders the rows, e.g. \"timestamp\".")] string time_column,
        [Description("Season length in rows to remove before detection, e.g. 24 for hourly data with a daily cycle; 0 for none. Default: detected from the autocorrelation.")] int? season = null,
        [Description("Spike threshold on |robust z|, e.g. 4 for more sensitive detection. Default 4.5 (about 0.1 false alarms per 1000 values of Gaussian noise).")] double? threshold = null,
        CancellationToken cancellationToken = default)
    {
        var report = finder.Find(table, value_column, time_column, season, threshold);
        var run = await RecordAsync(report, season, threshold, cancellationToken);
        var text = SeriesEventText.Markdown(report) + (run is null ? "" : "\n\n" + RunRecording.Describe(run));
        return ToolResults.Create(text, RunRecording.WithRun(report, run), [ToolResults.Png(await File.ReadAllBytesAsync(report.Chart, cancellationToken))]);
    }

    // A detection is an analysis step with an artifact: it becomes a workbench run (self-reviewed, then approved or rejected).
    private Task<RecordedRun?> RecordAsync(SeriesEventReport report, int? season, double? threshold, CancellationToken cancellationToken) =>
        recorder.RecordAsync(
            new RunStart("pipeline_detect_series_events", "profile", $"Spikes and change points of {report.ValueColumn} in {report.Table}",
                JsonSerializer.SerializeToNode(new { report.Table, report.ValueColumn, report.TimeColumn, season, threshold }, McpFlowJson.Options),
                [new RunInput(report.Table, null)]),
            folder =>
            {
                var json = Path.Combine(folder, "series_events.json");
                File.WriteAllText(json, JsonSerializer.Serialize(report, McpFlowJson.Indented));
                var chart = Path.Combine(folder, Path.GetFileName(report.Chart));
                File.Copy(report.Chart, chart, overwrite: true);
                var metrics = new Dictionary<string, double>
                {
                    ["row_count"] = report.Rows, ["spike_count"] = report.SpikeCount, ["change_point_count"] = report.ChangePointCount,
                };
                var summary = $"{report.SpikeCount} spike(s) and {report.ChangePointCount} change point(s) in {report.ValueColumn} of {report.Table} " +
                    $"({report.Rows.ToString(CultureInfo.InvariantCulture)} rows).";
                return new RunOutcome([json, chart], metrics, summary,
                    "Check the flagged rows against what is known about the period (maintenance, outages) before acting on them.");
            },
            cancellationToken);
}
