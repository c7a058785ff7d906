using System.Diagnostics;
using McpFlow.Core.Errors;
using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Series;

namespace McpFlow.Pipelines.Comparison;

/// <summary>
/// The series detectors as anomaly-detection candidates: each numeric input column, in time order, goes through
/// <see cref="SeriesEventDetector"/>; a row's score is its largest |robust z| (spike_detector) or |shift| in σ at a
/// change point (change_point_detector) over the columns, and a row is flagged when any column flags it.
/// </summary>
public static class SeriesAnomalyEvaluator
{
    /// <summary>anomaly_share (flagged rows), and with a 0/1 label AUC and precision at k, for <paramref name="detector"/>.</summary>
    public static FoldScores Evaluate(FeatureFrame frame, string detector)
    {
        var columns = frame.Numeric.Where(c => c.Step == "input").ToList();
        if (columns.Count == 0)
            throw McpFlowException.Invalid($"{detector} needs a numeric input column to follow over time; the pipeline has none.",
                "Keep a numeric measurement column as a feature, or use randomized_pca.");
        if (frame.Rows > SeriesEventDetector.MaxValues)
            throw McpFlowException.Invalid($"{detector} handles series of at most {SeriesEventDetector.MaxValues} rows; the table has {frame.Rows}.",
                "Compare with trainers=[\"randomized_pca\"], or aggregate the table over time first.");
        var watch = Stopwatch.StartNew();
        var scores = new double[frame.Rows];
        var flagged = new bool[frame.Rows];
        foreach (var column in columns)
        {
            var events = SeriesEventDetector.Detect(column.Values);
            var columnScores = detector == TrainerNames.SpikeDetector ? events.SpikeScores.Select(Math.Abs).ToArray() : events.ChangeScores();
            var rows = detector == TrainerNames.SpikeDetector ? events.Spikes.Select(s => s.Index) : events.ChangePoints.Select(c => c.Index);
            foreach (var row in rows)
                flagged[row] = true;
            for (var i = 0; i < frame.Rows; i++)
            {
                if (!double.IsNaN(columnScores[i]))
                    scores[i] = Math.Max(scores[i], columnScores[i]);
            }
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var metrics = new Dictionary<string, double> { ["anomaly_share"] = flagged.Count(f => f) / (double)frame.Rows };
        UnsupervisedEvaluator.AddLabelMetrics(frame, scores, metrics);
        return FoldScores.From(detector, [metrics], seconds);
    }
}
