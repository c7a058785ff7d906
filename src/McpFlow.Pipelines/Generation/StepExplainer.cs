using System.Globalization;
using McpFlow.Pipelines.Specs;

namespace McpFlow.Pipelines.Generation;

/// <summary>Writes the step list of a spec, each step with its explanation and settings.</summary>
internal static class StepExplainer
{
    public static IReadOnlyList<StepPlan> Explain(PipelineTask task, IReadOnlyList<ColumnPlan> columns, FeaturePlan f, SplitPlan split, IReadOnlyList<ValidationFinding> findings,
        bool tuneThreshold = false)
    {
        var features = columns.Where(c => c.Role == ColumnPlan.FeatureRole).ToList();
        var dropped = columns.Where(c => c.Role == ColumnPlan.DroppedRole).Select(c => c.Name).ToList();
        var steps = new List<StepPlan>
        {
            new("validate", $"Checks types, missing values and leakage (target-derived names, near-perfect correlation, future information, ID-like columns). " +
                $"{findings.Count} finding(s); dropped columns: {(dropped.Count == 0 ? "none" : string.Join(", ", dropped))}. Rows without a target are left out.",
                false, true, P(("dropped", string.Join(",", dropped)))),
        };
        if (f.DateParts.Count > 0)
            steps.Add(new("date_parts", $"Calendar parts of the time column ({string.Join(", ", f.DateParts)}), computed in DuckDB, capture daily, weekly and yearly patterns.",
                true, true, P(("parts", string.Join(",", f.DateParts)))));
        if (f.Lags.Count > 0)
            steps.Add(new("lags", $"Past target values at lags {string.Join(", ", f.Lags)} rows (LAG in DuckDB). Every lag is at least the horizon, so a forecast only uses values known at forecast time; the first rows without lags are dropped.",
                false, true, P(("lags", string.Join(",", f.Lags)))));
        if (f.RollingWindows.Count > 0)
            steps.Add(new("rolling", $"Left-closed rolling mean and standard deviation over {string.Join(" and ", f.RollingWindows)} rows ending one horizon before each row (window frame excludes the current and future rows).",
                true, true, P(("windows", string.Join(",", f.RollingWindows)))));
        if (f.FourierPeriod is { } period && f.FourierOrder > 0)
            steps.Add(new("fourier", $"{f.FourierOrder} sine/cosine pair(s) of the detected {period}-row season, a smooth seasonal shape that needs no history.",
                true, true, P(("period", period.ToString(CultureInfo.InvariantCulture)), ("order", f.FourierOrder.ToString(CultureInfo.InvariantCulture)))));
        if (f.YearlyPeriod is { } year && f.YearlyOrder > 0)
            steps.Add(new("yearly", $"{f.YearlyOrder} sine/cosine pair(s) of the yearly season ({year.ToString("0.##", CultureInfo.InvariantCulture)} rows a year): the smooth yearly shape next to the shorter season.",
                true, true, P(("period", year.ToString("R", CultureInfo.InvariantCulture)), ("order", f.YearlyOrder.ToString(CultureInfo.InvariantCulture)))));
        if (f.TargetTransform == TargetTransforms.Difference)
            steps.Add(new("difference", $"A trend was detected, so models learn the change y(t) - y(t-{f.DifferenceLag}) from the latest value known at forecast time and add it back; lags and rolling means become differences from that value too, so tree models need not extrapolate the level.",
                true, true, P(("transform", f.TargetTransform), ("lag", f.DifferenceLag.ToString(CultureInfo.InvariantCulture)))));
        if (features.Count > 0 || f.Lags.Count > 0)
        {
            steps.Add(new("impute", "Fills missing values (inputs, and lags or windows over gaps in the series) with the training-fold median and missing categories with a 'missing' level, so models see complete rows. Without it they become 0.",
                true, true, P(("numeric", "median"), ("categorical", "missing_level"))));
            var oneHot = features.Where(c => c.Encoding == "one_hot").Select(c => c.Name).ToList();
            var frequency = features.Where(c => c.Encoding == "frequency").Select(c => c.Name).ToList();
            if (oneHot.Count + frequency.Count > 0)
                steps.Add(new("encode", $"Categorical columns by cardinality: one-hot for {Names(oneHot)}; frequency encoding for {Names(frequency)}. Categories are learned on training folds; unseen ones map to zeros.",
                    false, true, P(("one_hot", string.Join(",", oneHot)), ("frequency", string.Join(",", frequency)))));
        }

        steps.Add(new("scale", "Standardises every feature (z-score with training-fold mean and standard deviation); linear models, k-means and PCA need it, trees are unaffected.",
            task is not PipelineTask.Clustering and not PipelineTask.AnomalyDetection, true, P(("method", f.Scaling))));
        steps.Add(new("split", split.Kind == SplitPlan.ExpandingWindow
                ? $"Expanding-window temporal cross-validation: {split.Folds} consecutive test blocks of {split.TestSize} rows at the end of the series, each trained on all earlier rows only (never looks ahead)."
                : $"{(split.Kind == SplitPlan.Stratified ? "Stratified " : "")}{split.Folds}-fold cross-validation (seed {split.Seed}){(split.Kind == SplitPlan.Stratified ? ", keeping class proportions in every fold" : "")}.",
            false, true, P(("kind", split.Kind), ("folds", split.Folds.ToString(CultureInfo.InvariantCulture)))));
        steps.Add(new("model", "Trains the candidate models on each training fold and scores them on the test fold; a dummy baseline is always included so gains are measured against it.",
            false, true, P(("task", TaskNames.Name(task)))));
        if (tuneThreshold)
            steps.Add(new(Comparison.ThresholdTuner.Step, $"The positive class is rare, so the decision threshold is tuned instead of fixed at 0.5: on each training fold, {Comparison.ThresholdTuner.InnerFolds}-fold stratified inner cross-validation " +
                "scores every training row out of fold and the threshold with the highest MCC is applied to the model fitted on the whole training fold (the test fold never sets it); the threshold is reported per model. " +
                "It changes the predicted classes (recall, precision, F1, MCC), not the scores (AUC, average precision).",
                true, true, P(("metric", "mcc"), ("inner_folds", Comparison.ThresholdTuner.InnerFolds.ToString(CultureInfo.InvariantCulture)))));
        return steps;
    }

    private static string Names(List<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);

    private static Dictionary<string, string> P(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);
}
