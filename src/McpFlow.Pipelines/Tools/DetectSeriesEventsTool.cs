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
    [McpServerTool(Name = "pipeline_detect_series_events", Title = "Detect series events",
        ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Finds spikes and level shifts in a time series column and records a run.")]
    public async Task<CallToolResult> Detect(
        [Description("Table, e.g. \"wind\".")] string table,
        [Description("Value column, e.g. \"power\".")] string value_column,
        [Description("Time column, e.g. \"time\".")] string time_column,
        [Description("Season in rows, e.g. 24.")] int? season = null,
        [Description("Spike threshold, e.g. 4.")] double? threshold = null,
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
