using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using McpFlow.Core.Mcp;
using McpFlow.Core.Tracking;
using McpFlow.Experiments.Analysis;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Experiments.Tools;

/// <summary>The <c>analyze_mlflow_runs</c> tool.</summary>
[McpServerToolType]
[UsesTrackingServer]
public sealed class AnalyzeRunsTool(RunAnalyzer analyzer)
{
    /// <summary>Analyses the runs of an experiment.</summary>
    [McpServerTool(Name = "analyze_mlflow_runs", Title = "Analyse MLflow runs", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Analyses an experiment's runs for a metric: best runs, parameter importance, plateaus, overfitting.")]
    public async Task<CallToolResult> Analyze(
        [Description("Experiment, e.g. \"cifar-resnet\".")] string experiment,
        [Description("Metric, e.g. \"val_acc\".")] string metric,
        [Description("e.g. maximize or minimize.")] string direction = "auto",
        [Description("Runs to examine, e.g. 10.")][Range(1, 20)] int top_runs = RunAnalyzer.DefaultTopRuns,
        [Description("Plateau tolerance, e.g. 0.005.")][Range(0.001, 0.2)] double tolerance = PlateauDetector.DefaultRelativeTolerance,
        CancellationToken cancellationToken = default)
    {
        var maximize = RunLoader.ParseDirection(direction, metric);
        var (analysis, histories, runs) = await analyzer.AnalyzeAsync(experiment, metric, maximize, Math.Clamp(top_runs, 1, 20), Math.Clamp(tolerance, 0.001, 0.2), cancellationToken);
        // Rendered inline only (folder null): the tool is read-only, so it saves nothing in the workspace.
        string? folder = null;
        var plateau = analysis.Curves.Where(c => c.Plateaued).Select(c => c.PlateauStep).FirstOrDefault();
        var charts = new List<McpFlow.Core.Charts.ChartImage>
        {
            ExperimentCharts.Curves($"{metric}: best runs of {analysis.Experiment}", metric,
                analysis.Curves.Select(c => (c.RunName, histories[c.RunId])), $"curves_{analysis.Experiment}_{metric}", folder, plateau),
        };
        var important = analysis.Parameters.FirstOrDefault(p => p is { Numeric: true, Constant: false, Importance: not null });
        if (important is not null)
            charts.Add(ExperimentCharts.MetricVsParam(metric, important.Name, runs, $"{metric}_vs_{important.Name}_{analysis.Experiment}", folder));
        analysis = analysis with { Charts = [] };
        return ToolResults.Create(Format(analysis), analysis, charts.Select(c => (ContentBlock)ToolResults.Png(c.Png)));
    }

    private static string Format(RunAnalysis a)
    {
        var t = new StringBuilder();
        t.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Experiment '{a.Experiment}' [{a.ExperimentId}]: {a.RunCount} runs, {a.RunsWithMetric} with {a.Metric} ({(a.Maximize ? "higher" : "lower")} is better)."));
        t.AppendLine("Best runs:");
        foreach (var r in a.BestRuns)
            t.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {r.Rank}. {r.RunName} ({r.RunId[..Math.Min(8, r.RunId.Length)]}): {a.Metric} = {r.Value:G4}"));
        var constant = a.Parameters.Where(p => p.Constant).ToList();
        var varying = a.Parameters.Where(p => !p.Constant).ToList();
        t.AppendLine("Constant params: " + (constant.Count == 0 ? "none" : string.Join(", ", constant.Select(p => $"{p.Name}={p.Values[0]}"))));
        t.AppendLine("Varying params (importance = " + a.ImportanceMethod + "):");
        foreach (var p in varying)
            t.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {p.Name}: {p.DistinctCount} values, importance {(p.Importance is { } i ? i.ToString("F2", CultureInfo.InvariantCulture) : "n/a")}{(p.Correlation is { } rho ? $" (ρ = {rho:F2})" : "")}"));
        t.AppendLine("Curves:");
        foreach (var c in a.Curves)
            t.AppendLine(c.Points < 3
                ? $"  {c.RunName}: {c.Points} point(s), too few for a plateau"
                : string.Create(CultureInfo.InvariantCulture, $"  {c.RunName}: {(c.Plateaued ? $"plateau from step {c.PlateauStep} at {c.ValueAtPlateau:G4}" : "still improving")} (best {c.FinalBest:G4}, last step {c.LastStep}, {c.FlatShare:P0} of steps flat)"));
        t.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Trend: slope {a.Trend.SlopePerRun:+0.####;-0.####} per run; last {a.Trend.RecentRuns} runs at {a.Trend.RecentMean:G4} (spread {a.Trend.RecentSpread:G3}){(a.Trend.Stalled ? ": stalled" : "")}."));
        foreach (var o in a.Overfitting)
            t.AppendLine("Overfitting: " + o);
        foreach (var f in a.FailedOrDiverged)
            t.AppendLine("Problem: " + f);
        t.AppendLine("Recommendations:");
        foreach (var r in a.Recommendations)
            t.AppendLine("  - " + r);
        return t.ToString().TrimEnd();
    }
}
