using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using McpFlow.Core.Workspace;
using McpFlow.Data.Profiling;
using McpFlow.Data.Storage;
using McpFlow.Data.Transformations;

namespace McpFlow.Data.Reports;

/// <summary>
/// Writes an EDA report — overview, quality, statistics, correlations, alerts, recommendations — as Markdown,
/// self-contained HTML (charts embedded) and JSON into <c>reports/&lt;table&gt;-&lt;time&gt;/</c> of the workspace.
/// One profile feeds everything; charts are drawn from it without further scans.
/// </summary>
public sealed class EdaReportGenerator(Profiler profiler, Suggester suggester, McpFlowWorkspace workspace, TimeProvider time)
{
    /// <summary>Formats accepted.</summary>
    public static readonly IReadOnlyList<string> Formats = ["markdown", "html", "json"];

    /// <summary>The formats to write (all three by default), or an error naming the <c>formats</c> parameter.</summary>
    public static List<string> Wanted(IReadOnlyList<string>? formats)
    {
        var wanted = (formats is null || formats.Count == 0 ? Formats : formats.Select(f => f.Trim().ToLowerInvariant()).ToList()).Distinct().ToList();
        foreach (var f in wanted.Where(f => !Formats.Contains(f)))
            throw McpFlowException.Invalid($"formats: unknown report format '{ArgumentEcho.Show(f)}'.", "Use markdown, html and/or json, e.g. formats=[\"html\"].");
        return wanted;
    }

    /// <summary>Generates the report.</summary>
    public EdaReport Generate(string table, IReadOnlyList<string>? formats, Action<double, string>? report, CancellationToken cancellationToken)
    {
        var wanted = Wanted(formats);
        var watch = Stopwatch.StartNew();
        var profile = profiler.Profile(table, null, (f, m) => report?.Invoke(f * 0.7, m), cancellationToken);
        report?.Invoke(0.75, "Recommendations");
        var suggestions = suggester.SuggestFor(profile, tableLevel: true);
        cancellationToken.ThrowIfCancellationRequested();
        var name = $"{profile.Table}-{time.GetUtcNow():yyyyMMdd-HHmmss}";
        var folder = Path.Combine(workspace.ReportsPath, name);
        Directory.CreateDirectory(folder);
        report?.Invoke(0.8, "Charts");
        var charts = new List<ImageBlock>();
        charts.AddRange(new[] { ReportCharts.Missing(profile, folder), ReportCharts.Correlation(profile, folder), ReportCharts.Boxes(profile, folder) }.OfType<ImageBlock>());
        charts.AddRange(ReportCharts.Histograms(profile, folder));
        var doc = Document(profile, suggestions, charts);
        var files = new Dictionary<string, string>();
        if (wanted.Contains("markdown"))
            File.WriteAllText(files["markdown"] = Path.Combine(folder, "report.md"), ReportRenderer.Markdown(doc, folder));
        if (wanted.Contains("html"))
            File.WriteAllText(files["html"] = Path.Combine(folder, "report.html"), ReportRenderer.Html(doc));
        if (wanted.Contains("json"))
            File.WriteAllText(files["json"] = Path.Combine(folder, "report.json"),
                JsonSerializer.Serialize(new { profile, recommendations = suggestions }, McpFlowJson.Indented));
        var summary = string.Join("\n", ProfileText.Render(profile).Split('\n').TakeWhile(l => l.Length > 0));
        report?.Invoke(1, "Report written");
        return new EdaReport(name, profile.Table, folder, files, charts.Select(c => c.Path).ToList(), summary, profile.Alerts.Count, suggestions.Count, watch.Elapsed.TotalMilliseconds);
    }

    private static ReportDocument Document(TableProfile p, List<Suggestion> suggestions, IReadOnlyList<ImageBlock> charts)
    {
        static string N(double? v) => v is { } d ? CellValues.FormatNumber(d) : "";
        var overview = new List<ReportBlock>
        {
            new ParagraphBlock($"{p.Rows:N0} rows × {p.ColumnCount} columns; {p.MissingCells:N0} missing cells; {p.DuplicateRows:N0} duplicate rows; " +
                $"about {(p.EstimatedBytes ?? 0) / 1024.0 / 1024.0:F1} MB in DuckDB." + (p.Approximate ? " Distinct counts and quantiles are approximate (HyperLogLog, T-Digest)." : "")),
            new BulletsBlock(ProfileText.Highlights(p).ToList()),
            new TableBlock(["column", "type", "semantic", "missing", "missing %", "distinct", "top value"], p.Columns.Select(c => (IReadOnlyList<string>)
            [
                c.Name, c.Type, c.SemanticType, c.Missing.ToString("N0", CultureInfo.InvariantCulture), (c.MissingShare * 100).ToString("0.##", CultureInfo.InvariantCulture),
                (c.DistinctApproximate ? "~" : "") + c.Distinct.ToString("N0", CultureInfo.InvariantCulture),
                c.TopValues.Count > 0 ? $"{c.TopValues[0].Value} ({c.TopValues[0].Share:P0})" : "",
            ]).ToList()),
        };
        var numeric = p.Columns.Where(c => c.Numeric is not null).ToList();
        var stats = new List<ReportBlock>
        {
            new TableBlock(["column", "mean", "std", "min", "p5", "p25", "median", "p75", "p95", "max", "IQR", "MAD", "skew", "kurt", "zeros", "negatives", "inf"],
                numeric.Select(c => (IReadOnlyList<string>)
                [
                    c.Name, N(c.Numeric!.Mean), N(c.Numeric.Std), N(c.Numeric.Min), N(c.Numeric.Quantiles.GetValueOrDefault("p5")), N(c.Numeric.Quantiles.GetValueOrDefault("p25")),
                    N(c.Numeric.Quantiles.GetValueOrDefault("p50")), N(c.Numeric.Quantiles.GetValueOrDefault("p75")), N(c.Numeric.Quantiles.GetValueOrDefault("p95")), N(c.Numeric.Max),
                    N(c.Numeric.Iqr), N(c.Numeric.Mad), N(c.Numeric.Skewness), N(c.Numeric.Kurtosis), c.Numeric.Zeros.ToString(CultureInfo.InvariantCulture),
                    c.Numeric.Negatives.ToString(CultureInfo.InvariantCulture), c.Numeric.Infinities.ToString(CultureInfo.InvariantCulture),
                ]).ToList()),
            new ParagraphBlock(string.Join(" ", p.Estimators.Select(e => $"{e.Key}: {e.Value}."))),
        };
        stats.AddRange(charts.Where(c => c.Caption.StartsWith("Histogram", StringComparison.Ordinal) || c.Caption.StartsWith("Box", StringComparison.Ordinal)));
        var quality = new List<ReportBlock>
        {
            new TableBlock(["column", "IQR outliers", "|z| > 3", "examples"], numeric.Select(c => (IReadOnlyList<string>)
                [c.Name, c.Numeric!.OutliersIqr.ToString("N0", CultureInfo.InvariantCulture), c.Numeric.OutliersZ.ToString("N0", CultureInfo.InvariantCulture),
                 string.Join(", ", c.Numeric.OutlierExamples.Select(v => N(v)))]).ToList()),
        };
        quality.AddRange(charts.Where(c => c.Caption.StartsWith("Missing", StringComparison.Ordinal)));
        var correlations = new List<ReportBlock>
        {
            new TableBlock(["a", "b", "method", "value"], p.Correlations.OrderByDescending(c => Math.Abs(c.Value)).Take(30)
                .Select(c => (IReadOnlyList<string>)[c.A, c.B, c.Method, c.Value.ToString("F3", CultureInfo.InvariantCulture)]).ToList()),
        };
        correlations.AddRange(charts.Where(c => c.Caption.StartsWith("Pearson", StringComparison.Ordinal)));
        return new ReportDocument($"EDA report: {p.Table}",
        [
            new ReportSection("Overview", overview),
            new ReportSection("Quality", quality),
            new ReportSection("Statistics", stats),
            new ReportSection("Correlations", correlations),
            new ReportSection("Alerts", [new BulletsBlock(p.Alerts.Count == 0 ? ["No alert crossed its threshold."] : p.Alerts.Select(a => $"[{a.Kind}] {a.Message}").ToList())]),
            new ReportSection("Recommendations", [new BulletsBlock(suggestions.Count == 0 ? ["No transformation needed."] : suggestions.Take(15).Select(s =>
                $"{s.Rank}. {s.Title} — {s.Rationale}" + (s.Effect.TryGetValue("skew_after", out var after) && double.IsFinite(after) ? $" (skew {s.Effect["skew_before"]:F2} → {after:F2})" : "") + $" [id {s.Id}]").ToList())]),
        ]);
    }
}
