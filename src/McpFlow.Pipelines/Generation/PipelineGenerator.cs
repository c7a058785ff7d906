using McpFlow.Core.Errors;
using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Specs;
using McpFlow.Pipelines.Tables;

namespace McpFlow.Pipelines.Generation;

/// <summary>Builds a documented pipeline spec from a table's profile (generate_pipeline).</summary>
public sealed class PipelineGenerator(TableInspector inspector)
{
    /// <summary>Profiles the table, validates the request and returns the spec, or throws an actionable error.</summary>
    public PipelineSpec Generate(GenerateRequest request)
    {
        if (request.Folds is < 2 or > 20)
            throw McpFlowException.Invalid($"folds must be between 2 and 20; got {request.Folds}.", "5 is a good default.");
        if (request.Horizon is < 1 or > 1000)
            throw McpFlowException.Invalid($"horizon must be between 1 and 1000 rows; got {request.Horizon}.");
        var (rows, columns) = inspector.Profile(request.Table);
        if (rows == 0)
            throw McpFlowException.Invalid($"Table '{request.Table}' is empty.", "Load data into it first.");
        var target = Find(columns, request.Target, "target");
        var time = Find(columns, request.TimeColumn, "time_column");
        var task = TaskNames.Parse(request.Task) ?? TaskInference.Infer(target, time, rows);
        var check = new TaskChecks(inspector, request, rows);
        var classes = check.Validate(task, target, time);
        var findings = new List<ValidationFinding>(check.Findings);
        var assigner = new ColumnRoleAssigner(inspector, request.Table, rows);
        var plans = assigner.Assign(columns, target, time, task);
        findings.AddRange(assigner.Findings);
        if (task != PipelineTask.Forecasting && !plans.Any(p => p.Role == ColumnPlan.FeatureRole) && time is null)
            throw McpFlowException.Invalid("No usable feature columns remain after validation (see the dropped columns).",
                "Provide numeric or categorical inputs, or fix the columns listed as dropped.");
        foreach (var c in columns.Where(c => c.Nulls > 0 && plans.Any(p => p.Name == c.Name && p.Role == ColumnPlan.FeatureRole)))
            findings.Add(new ValidationFinding("missing", c.Name, "info", $"'{c.Name}' has {c.Nulls} missing values ({(double)c.Nulls / rows:P1}); imputed from training folds."));

        int? season = null;
        double? yearly = null;
        var trend = false;
        if (task == PipelineTask.Forecasting)
        {
            var series = inspector.Series(request.Table, target!.Name, time!.Name, GenerationLimits.SeasonalitySampleRows);
            double? stepDays = null;
            if (time.IsTemporal && inspector.Spacing(request.Table, time.Name) is var (step, span))
            {
                stepDays = step;
                yearly = YearlySeason.RowsPerYear(step, span);
                if (yearly is { } perYear)
                    findings.Add(new ValidationFinding("seasonality", target.Name, "info",
                        $"Yearly season: the series spans {span / YearlySeason.DaysPerYear:F1} years of {perYear:F2} rows each; {YearlySeason.Order} yearly Fourier pairs added."));
            }

            var detected = yearly is { } rowsPerYear
                ? SeasonalityDetector.Detect(YearlySeason.WithoutSlowComponents(series, rowsPerYear), YearlySeason.MaxShortSeason(rowsPerYear))
                : SeasonalityDetector.Detect(series, GenerationLimits.MaxSeason);
            if (detected is { } s)
            {
                season = s.Period;
                findings.Add(new ValidationFinding("seasonality", target.Name, "info", $"Season of {s.Period} rows detected (autocorrelation {s.Acf:F2} at that lag)."));
            }
            else if (stepDays is { } days && CalendarSeason.Period(days) is { } period
                     && CalendarSeason.Detect(YearlySeason.WithoutSlowComponents(series, YearlySeason.DaysPerYear / days), period) is { } c)
            {
                season = c.Period;
                findings.Add(new ValidationFinding("seasonality", target.Name, "info",
                    $"Season of {c.Period} rows ({(c.Period == 7 ? "a week of days" : "a day of hours")}) found: autocorrelation {c.Acf:F2} at that lag, weaker than the 0.3 a searched season needs but well outside the noise of {series.Count} rows."));
            }
            else
                findings.Add(new ValidationFinding("seasonality", target.Name, "info", "No clear season found in the autocorrelation (no peak above 0.3); no Fourier terms."));
            var r2 = TrendDetector.TrendR2(series, season);
            trend = r2 >= TrendDetector.MinR2;
            if (!trend && TrendDetector.BrokenTrend(series, season) is { } broken && broken.R2 >= TrendDetector.MinR2)
            {
                trend = true;
                findings.Add(new ValidationFinding("trend", target.Name, "info",
                    $"Trend that changes {broken.At:P0} of the way through: a line with one break explains {broken.R2:P0} of the variance of the {(season is null ? "values" : "season means")} " +
                    $"(a single line {r2:P0}); models forecast the change over the horizon and add it to the latest known value."));
            }
            else
            {
                findings.Add(new ValidationFinding("trend", target.Name, "info", r2 is null ? "Too few seasons to test for a trend; the target is modelled as is."
                    : trend ? $"Trend detected: a line explains {r2:P0} of the variance of the {(season is null ? "values" : "season means")}; models forecast the change over the horizon and add it to the latest known value."
                    : $"No trend (a line explains {r2:P0} of the variance of the {(season is null ? "values" : "season means")}, and a line with one break less, below {TrendDetector.MinR2:P0}); the target is modelled as is."));
            }
        }

        var features = FeaturePlanner.Plan(task, time, request.Horizon, season, trend, yearly);
        var split = check.Split(task, features, classes, season);
        var (metrics, primary, maximize) = TrainerNames.MetricsFor(task, target is not null, check.Imbalanced);
        return new PipelineSpec
        {
            Table = request.Table, Target = target?.Name, Task = task, TimeColumn = time?.Name,
            Horizon = task == PipelineTask.Forecasting ? request.Horizon : 1, RowCount = rows, Classes = classes,
            Columns = plans, Findings = findings, Features = features,
            Steps = StepExplainer.Explain(task, plans, features, split, findings, tuneThreshold: task == PipelineTask.Binary && check.Imbalanced),
            Split = split, Candidates = TrainerNames.For(task, season is not null, time is not null),
            Metrics = metrics, PrimaryMetric = primary, Maximize = maximize,
        };
    }

    private static ColumnProfile? Find(IReadOnlyList<ColumnProfile> columns, string? name, string parameter)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        return columns.FirstOrDefault(c => c.Name == name)
            ?? columns.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? throw McpFlowException.NotFound($"Column '{name}' ({parameter}) is not in the table.",
                $"Columns: {string.Join(", ", columns.Select(c => c.Name))}.");
    }
}
