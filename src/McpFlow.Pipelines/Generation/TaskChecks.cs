using System.Globalization;
using McpFlow.Core.Errors;
using McpFlow.Pipelines.Specs;
using McpFlow.Pipelines.Tables;

namespace McpFlow.Pipelines.Generation;

/// <summary>Checks that the task is possible for the data and chooses the split.</summary>
internal sealed class TaskChecks(TableInspector inspector, GenerateRequest request, long rows)
{
    public List<ValidationFinding> Findings { get; } = [];

    /// <summary>True when the classes are imbalanced (<see cref="ClassImbalance"/>); set by <see cref="Validate"/>.</summary>
    public bool Imbalanced { get; private set; }

    /// <summary>Validates target and time column for the task; returns the class labels (classification).</summary>
    public IReadOnlyList<string> Validate(PipelineTask task, ColumnProfile? target, ColumnProfile? time)
    {
        var needsTarget = task is PipelineTask.Binary or PipelineTask.Multiclass or PipelineTask.Regression or PipelineTask.Forecasting;
        if (needsTarget && target is null)
            throw McpFlowException.Invalid($"Task {TaskNames.Name(task)} needs a target column.", "Pass target=\"<column to predict>\", or task=\"clustering\" to find groups without one.");
        if (target is not null)
        {
            if (target.Nulls == rows)
                throw McpFlowException.Invalid($"Target '{target.Name}' is empty (all values missing).", "Choose another target column.");
            if (target.Distinct <= 1)
                throw McpFlowException.Invalid($"Target '{target.Name}' is constant (one value); there is nothing to learn.",
                    "Choose another target, or check that the table was loaded correctly.");
            if (target.Nulls > 0)
                Findings.Add(new ValidationFinding("missing", target.Name, "warning", $"{target.Nulls} rows have no target; they are left out of training and evaluation."));
        }

        if (task == PipelineTask.Forecasting && time is null)
            throw McpFlowException.Invalid("Forecasting needs a time column to order the series.",
                "Pass time_column=\"<date or timestamp column>\" (or an increasing integer index).");
        if (time is not null && !time.IsTemporal && !time.IsNumeric)
            throw McpFlowException.Invalid($"Time column '{time.Name}' has type {time.SqlType}; it must be a date, timestamp or number.",
                "Convert it with the data tools (e.g. strptime) first.");
        if (task is PipelineTask.Regression or PipelineTask.Forecasting && !target!.IsNumeric)
            throw McpFlowException.Invalid($"Target '{target.Name}' is {target.SqlType}, not numeric; {TaskNames.Name(task)} needs numbers.",
                "Use task=\"multiclass\" (or \"binary\") for labels, or cast the column to a number with the data tools.");
        if (task is PipelineTask.Binary or PipelineTask.Multiclass)
            return Classes(task, target!);
        if (task == PipelineTask.AnomalyDetection && target is not null && target.Distinct != 2)
            throw McpFlowException.Invalid($"For anomaly detection the optional target '{target.Name}' must be a 0/1 label; it has {target.Distinct} values.",
                "Leave target empty for unlabelled anomaly detection.");
        if (rows < request.Folds * GenerationLimits.MinRowsPerFold)
            throw McpFlowException.Invalid($"{rows} rows are too few for {request.Folds} folds of at least {GenerationLimits.MinRowsPerFold} rows.",
                $"Use folds={Math.Max(2, (int)(rows / GenerationLimits.MinRowsPerFold))} or fewer, or provide more rows.");
        return target is not null && task == PipelineTask.AnomalyDetection ? inspector.DistinctValues(request.Table, target.Name, 2) : [];
    }

    /// <summary>The split for the task.</summary>
    public SplitPlan Split(PipelineTask task, FeaturePlan features, IReadOnlyList<string> classes, int? season)
    {
        if (task != PipelineTask.Forecasting)
            return new SplitPlan(classes.Count > 0 && task != PipelineTask.AnomalyDetection ? SplitPlan.Stratified : SplitPlan.KFold, request.Folds, null, Seed: 42);
        var lost = features.Lags.Concat(features.RollingWindows.Select(w => w + request.Horizon - 1)).DefaultIfEmpty(0).Max();
        var usable = rows - lost;
        var minTrain = Math.Max(GenerationLimits.MinTrainRows, 2 * (season ?? 1));
        // Test blocks cover at most 40% of the series so the first fold still trains on 60% of it.
        var testSize = (int)Math.Max(request.Horizon, Math.Min(usable * 0.4 / request.Folds, 10L * Math.Max(request.Horizon, season ?? 1)));
        if (usable < minTrain + ((long)request.Folds * testSize))
            throw McpFlowException.Invalid(
                $"The series has {rows} rows ({usable} after the first {lost} rows lost to lags); {request.Folds} temporal folds of {testSize} rows need at least {minTrain + (request.Folds * testSize)}.",
                $"Use fewer folds (e.g. folds=2), a shorter horizon, or a longer series.");
        return new SplitPlan(SplitPlan.ExpandingWindow, request.Folds, testSize, Seed: 42);
    }

    private IReadOnlyList<string> Classes(PipelineTask task, ColumnProfile target)
    {
        if (task == PipelineTask.Binary && target.Distinct != 2)
            throw McpFlowException.Invalid($"Binary classification needs exactly 2 classes; '{target.Name}' has {target.Distinct}.",
                target.Distinct > 2 ? "Use task=\"multiclass\"." : "Choose another target.");
        if (task == PipelineTask.Multiclass && target.Distinct > GenerationLimits.MaxClasses)
            throw McpFlowException.Invalid($"'{target.Name}' has {target.Distinct} distinct values: too many classes (at most {GenerationLimits.MaxClasses}).",
                target.IsNumeric ? "Use task=\"regression\" for a numeric target." : "Group the labels into fewer classes, or choose another target (it may be an ID).");
        var classes = inspector.DistinctValues(request.Table, target.Name, GenerationLimits.MaxClasses + 1);
        var smallest = inspector.SmallestClass(request.Table, target.Name);
        if (smallest.Count < request.Folds)
            throw McpFlowException.Invalid(
                $"Class '{smallest.Label}' has only {smallest.Count} rows, fewer than the {request.Folds} folds: stratified cross-validation needs one per fold.",
                smallest.Count >= 2 ? $"Use folds={smallest.Count}, or merge rare classes." : "Merge or remove that class, or collect more rows of it.");
        var labelled = rows - target.Nulls;
        Imbalanced = ClassImbalance.IsImbalanced(smallest.Count, labelled, classes.Count);
        if (Imbalanced)
        {
            var share = smallest.Count / (double)labelled;
            Findings.Add(new ValidationFinding("imbalance", target.Name, "warning", string.Create(CultureInfo.InvariantCulture,
                $"Class '{smallest.Label}' is {100 * share:F1}% of the labelled rows ({smallest.Count} of {labelled}): accuracy mostly rewards the large classes") +
                (task == PipelineTask.Binary ? string.Create(CultureInfo.InvariantCulture, $" (predicting the majority class alone is {100 * (1 - share):F1}% accurate). ") : ". ") +
                (task == PipelineTask.Binary
                    ? $"'{smallest.Label}' is the positive class of precision, recall, F1 and average precision. Models are ranked by average precision (PR-AUC; a model without signal scores the positive share), the decision threshold is tuned on each training fold to maximise MCC and reported, and a stratified baseline gives the chance level."
                    : "Models are ranked by MCC (0 for the majority class alone), with average precision and balanced accuracy reported and a stratified baseline for the chance level.")));
            // Binary metrics score class index 1 as the positive class: make it the minority.
            if (task == PipelineTask.Binary && classes[0] == smallest.Label)
                classes = [classes[1], classes[0]];
        }

        return classes;
    }
}
