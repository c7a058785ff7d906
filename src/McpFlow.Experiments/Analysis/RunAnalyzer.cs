using System.Globalization;
using McpFlow.Core.Errors;
using McpFlow.Experiments.Tracking;

namespace McpFlow.Experiments.Analysis;

/// <summary>
/// Analyses an experiment's runs for one metric: best runs, constant vs varying params, parameter importance
/// (Spearman rank correlation for numeric params, correlation ratio on ranks for categorical ones), plateaus
/// of the best runs' curves, the trend across runs, overfitting (train vs validation) and failed/diverged runs.
/// </summary>
public sealed class RunAnalyzer(RunLoader loader)
{
    /// <summary>How many best runs are listed and have their curves examined.</summary>
    public const int DefaultTopRuns = 5;

    /// <summary>Runs in the "recent" window of the trend (the user's "last 5 runs").</summary>
    public const int RecentWindow = 5;

    /// <summary>Recent runs within this relative spread of their mean count as stalled (1%).</summary>
    public const double StallRelativeSpread = 0.01;

    /// <summary>Runs the analysis.</summary>
    public async Task<(RunAnalysis Analysis, IReadOnlyDictionary<string, IReadOnlyList<MlflowMetric>> Histories, List<MlflowRun> Runs)> AnalyzeAsync(
        string experiment, string metric, bool maximize, int topRuns, double relativeTolerance, CancellationToken cancellationToken)
    {
        var exp = await loader.ResolveExperimentAsync(experiment, cancellationToken);
        var runs = await loader.LoadRunsAsync(exp.ExperimentId, null, cancellationToken);
        if (runs.Count == 0)
            throw McpFlowException.Invalid($"Experiment '{exp.Name}' has no runs yet.", "Log runs first (mlflow_log_run, or train with the pipelines tools), then analyse.");
        var scored = runs.Where(r => r.Metric(metric) is { } v && double.IsFinite(v)).ToList();
        if (scored.Count == 0)
        {
            var known = runs.SelectMany(r => r.Metrics.Keys).Distinct().Order().ToList();
            throw McpFlowException.Invalid($"No run of '{exp.Name}' has a finite value of metric '{metric}'.",
                known.Count == 0 ? "The runs log no metrics." : "Metrics logged: " + string.Join(", ", known) + ".");
        }

        var sign = maximize ? -1.0 : 1.0;
        var ranked = scored.OrderBy(r => sign * r.Metric(metric)!.Value).ToList();
        var best = ranked.Take(topRuns).Select((r, i) => new RankedRun(i + 1, r.RunId, r.DisplayName, r.Metric(metric)!.Value, r.Status, r.Params)).ToList();
        var parameters = SummarizeParameters(scored, metric);

        var histories = new Dictionary<string, IReadOnlyList<MlflowMetric>>();
        var curves = new List<CurveFinding>();
        foreach (var run in ranked.Take(topRuns))
        {
            var history = await loader.Reader.GetMetricHistoryAsync(run.RunId, metric, cancellationToken);
            histories[run.RunId] = history;
            var p = PlateauDetector.Detect(history.Select(h => (h.Step, h.Value)).ToList(), maximize, relativeTolerance);
            curves.Add(new CurveFinding(run.RunId, run.DisplayName, history.Count, history.Count == 0 ? 0 : history[^1].Step, p.Plateaued, p.PlateauStep, p.ValueAtPlateau, p.FinalBest, p.FlatShare));
        }

        var trend = Trend(scored, metric);
        var failed = FailedOrDiverged(runs, metric);
        var overfitting = await OverfittingAsync(ranked.Take(topRuns).ToList(), metric, cancellationToken);
        var analysis = new RunAnalysis(exp.Name, exp.ExperimentId, metric, maximize, runs.Count, scored.Count, best, parameters,
            "Spearman rank correlation |ρ| between each numeric param and the metric; correlation ratio η on metric ranks for categorical params",
            curves, trend, failed, overfitting, [], []);
        return (analysis with { Recommendations = Recommendations.For(analysis) }, histories, runs);
    }

    private static List<ParameterSummary> SummarizeParameters(List<MlflowRun> runs, string metric)
    {
        var keys = runs.SelectMany(r => r.Params.Keys).Distinct().Order(StringComparer.Ordinal);
        var list = new List<ParameterSummary>();
        foreach (var key in keys)
        {
            var withKey = runs.Where(r => r.Params.ContainsKey(key)).ToList();
            var values = withKey.Select(r => r.Params[key]).ToList();
            var distinct = values.Distinct().ToList();
            var numeric = values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            double? importance = null;
            double? correlation = null;
            if (distinct.Count > 1 && withKey.Count >= 3)
            {
                var y = withKey.Select(r => r.Metric(metric)!.Value).ToList();
                if (numeric)
                {
                    var rho = Statistics.Spearman(values.Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList(), y);
                    if (!double.IsNaN(rho))
                        (importance, correlation) = (Math.Abs(rho), rho);
                }
                else
                {
                    var eta = Statistics.CorrelationRatio(values, y);
                    importance = double.IsNaN(eta) ? null : eta;
                }
            }

            list.Add(new ParameterSummary(key, distinct.Count == 1, numeric, distinct.Take(ParameterSummary.MaxListedValues).ToList(), importance, correlation, distinct.Count));
        }

        return list.OrderByDescending(p => p.Importance ?? -1).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    private static TrendFinding Trend(List<MlflowRun> runs, string metric)
    {
        var ordered = runs.OrderBy(r => r.StartTime ?? 0).Select(r => r.Metric(metric)!.Value).ToList();
        var recent = ordered.TakeLast(RecentWindow).ToList();
        var mean = recent.Average();
        var spread = recent.Max() - recent.Min();
        var stalled = recent.Count >= 3 && spread <= StallRelativeSpread * Math.Abs(mean);
        return new TrendFinding(Statistics.Slope(ordered), recent.Count, spread, mean, stalled);
    }

    private static List<string> FailedOrDiverged(List<MlflowRun> runs, string metric)
    {
        var notes = new List<string>();
        foreach (var run in runs)
        {
            if (run.Status is "FAILED" or "KILLED")
                notes.Add($"{run.DisplayName} ({run.RunId}) ended {run.Status}.");
            var bad = run.Metrics.Values.Where(m => !double.IsFinite(m.Value)).Select(m => m.Key).ToList();
            if (bad.Count > 0)
                notes.Add($"{run.DisplayName} ({run.RunId}) diverged: {string.Join(", ", bad)} ended NaN or infinite.");
            else if (!run.Metrics.ContainsKey(metric) && run.Status == "FINISHED")
                notes.Add($"{run.DisplayName} ({run.RunId}) finished without logging '{metric}'.");
        }

        return notes;
    }

    private async Task<List<string>> OverfittingAsync(List<MlflowRun> runs, string metric, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        foreach (var run in runs)
        {
            var pair = TrainValidationPairs.Find(run.Metrics.Keys);
            if (pair is null)
                continue;
            var (train, val) = pair.Value;
            var valHistory = await loader.Reader.GetMetricHistoryAsync(run.RunId, val, cancellationToken);
            var trainHistory = await loader.Reader.GetMetricHistoryAsync(run.RunId, train, cancellationToken);
            var finding = TrainValidationPairs.Judge(train, val, trainHistory, valHistory, RunLoader.DefaultMaximize(val));
            if (finding is not null)
                notes.Add($"{run.DisplayName}: {finding}");
        }

        return notes;
    }
}
