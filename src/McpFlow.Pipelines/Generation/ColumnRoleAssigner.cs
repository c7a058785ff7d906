using McpFlow.Pipelines.Specs;
using McpFlow.Pipelines.Tables;

namespace McpFlow.Pipelines.Generation;

/// <summary>Decides the role and encoding of each column and records leakage, ID and cardinality findings.</summary>
internal sealed class ColumnRoleAssigner(TableInspector inspector, string table, long rows)
{
    public List<ValidationFinding> Findings { get; } = [];

    public List<ColumnPlan> Assign(IReadOnlyList<ColumnProfile> columns, ColumnProfile? target, ColumnProfile? time, PipelineTask task)
    {
        var plans = new List<ColumnPlan>();
        foreach (var c in columns)
        {
            if (c.Name == target?.Name)
                plans.Add(new ColumnPlan(c.Name, c.SqlType, ColumnPlan.TargetRole, "none", "The column to predict."));
            else if (c.Name == time?.Name)
                plans.Add(new ColumnPlan(c.Name, c.SqlType, ColumnPlan.TimeRole, "none", "Orders the rows; calendar parts are derived from it when it is a date or timestamp."));
            else
                plans.Add(Feature(c, target, time, task));
        }

        return plans;
    }

    private ColumnPlan Feature(ColumnProfile c, ColumnProfile? target, ColumnProfile? time, PipelineTask task)
    {
        ColumnPlan Drop(string check, string severity, string reason)
        {
            Findings.Add(new ValidationFinding(check, c.Name, severity, reason));
            return new ColumnPlan(c.Name, c.SqlType, ColumnPlan.DroppedRole, "none", reason);
        }

        var nonNull = rows - c.Nulls;
        if (nonNull == 0)
            return Drop("missing", "warning", $"'{c.Name}' is empty (all values missing); dropped.");
        if (c.Distinct <= 1)
            return Drop("constant", "info", $"'{c.Name}' has a single value; it carries no information and is dropped.");
        if (task == PipelineTask.Forecasting)
            return Drop("leakage_future", "info",
                $"'{c.Name}' is not used: its value at forecast time ({target?.Name} {time?.Name} + horizon) is not known. The pipeline uses the target's own past (lags, rolling windows) instead.");
        if (target is not null && c.Name.Contains(target.Name, StringComparison.OrdinalIgnoreCase) && target.Name.Length >= 3)
            return Drop("leakage_target_name", "warning", $"'{c.Name}' looks derived from the target '{target.Name}' (its name contains it); dropped to avoid leakage. Keep it only if it is known before the target.");
        var isBool = c.SqlType.Equals("BOOLEAN", StringComparison.OrdinalIgnoreCase);
        var isText = c.SqlType.Equals("VARCHAR", StringComparison.OrdinalIgnoreCase);
        if (IdLikeColumn.Reason(c, nonNull, isText, () => inspector.IsMonotone(table, c.Name)) is { } idReason)
            return Drop("id_like", "warning", $"'{c.Name}' is ID-like ({idReason}); an identifier cannot generalise and is dropped.");
        if (c.IsTemporal)
        {
            if (time is not null && inspector.ShareAfter(table, c.Name, time.Name) >= 0.5)
                return Drop("leakage_future", "warning", $"'{c.Name}' is later than '{time.Name}' in most rows: it records something that happened after the event (future information); dropped.");
            return Drop("types", "info", $"'{c.Name}' is a date other than the time column; dropped (derive a duration, e.g. days since it, with the data tools to use it).");
        }

        if (target is not null && Leaks(c, target, task, isText) is { } leak)
            return Drop("leakage_correlation", "warning", leak);
        if (c.IsNumeric || isBool)
            return new ColumnPlan(c.Name, c.SqlType, ColumnPlan.FeatureRole, "numeric", "Numeric input, used as is after imputation" + (c.Nulls > 0 ? $" ({c.Nulls} missing values filled with the training median)." : "."));
        if (!isText)
            return Drop("types", "info", $"'{c.Name}' has type {c.SqlType}, which the pipeline cannot encode; dropped.");
        if (c.Distinct <= GenerationLimits.OneHotMaxCardinality)
            return new ColumnPlan(c.Name, c.SqlType, ColumnPlan.FeatureRole, "one_hot", $"{c.Distinct} categories: one-hot encoded (at most {GenerationLimits.OneHotMaxCardinality}).");
        if (c.Distinct > GenerationLimits.HugeCardinality)
            Findings.Add(new ValidationFinding("cardinality", c.Name, "warning",
                $"'{c.Name}' has huge cardinality ({c.Distinct} values): frequency-encoded (each value replaced by its training share). Group rare values or drop the column if it is free text."));
        return new ColumnPlan(c.Name, c.SqlType, ColumnPlan.FeatureRole, "frequency", $"{c.Distinct} categories: frequency encoded (too many for one-hot).");
    }

    private string? Leaks(ColumnProfile c, ColumnProfile target, PipelineTask task, bool isText)
    {
        if (c.IsNumeric && target.IsNumeric && task is PipelineTask.Regression or PipelineTask.Binary or PipelineTask.AnomalyDetection)
        {
            var r = inspector.Correlation(table, c.Name, target.Name);
            if (r is { } v && Math.Abs(v) >= GenerationLimits.LeakageCorrelation)
                return $"'{c.Name}' correlates almost perfectly with the target (r = {v:F3}); it is probably derived from it (leakage) and is dropped.";
        }

        if ((isText || (c.IsInteger && c.Distinct <= GenerationLimits.MaxInferredClasses)) && task is PipelineTask.Binary or PipelineTask.Multiclass
            && c.Distinct < rows / 2)
        {
            var purity = inspector.Purity(table, c.Name, target.Name);
            if (purity >= GenerationLimits.LeakagePurity)
                return $"'{c.Name}' determines the class in {purity:P1} of rows; it is probably recorded after the outcome (leakage) and is dropped.";
        }

        return null;
    }
}
