using System.Text.RegularExpressions;
using McpFlow.Core.Errors;
using McpFlow.Pipelines.Models;

namespace McpFlow.Pipelines.Specs;

/// <summary>
/// Checks a pipeline spec that came back from a client against closed lists and ranges before anything uses it: every
/// name that ends up in SQL or picks code (date parts, encodings, roles, steps, trainers, metrics, split kinds) must be
/// one we know, and every number that sizes work (horizon, lags, windows, folds) must be in range. The error names the
/// field, e.g. <c>features.dateParts[0]</c>.
/// </summary>
public static partial class SpecValidator
{
    /// <summary>Calendar parts a spec may take from its time column (DuckDB <c>date_part</c> specifiers).</summary>
    public static readonly IReadOnlyList<string> DateParts = ["hour", "minute", "day", "dayofweek", "isodow", "dayofyear", "week", "month", "quarter", "year"];

    /// <summary>Column encodings.</summary>
    public static readonly IReadOnlyList<string> Encodings = ["numeric", "one_hot", "frequency", "none"];

    /// <summary>Column roles.</summary>
    public static readonly IReadOnlyList<string> Roles = [ColumnPlan.TargetRole, ColumnPlan.TimeRole, ColumnPlan.FeatureRole, ColumnPlan.DroppedRole];

    /// <summary>Step names.</summary>
    public static readonly IReadOnlyList<string> Steps = ["validate", "impute", "encode", "date_parts", "lags", "rolling", "fourier", "yearly", "difference", "scale", "split", "model", "threshold"];

    /// <summary>Split kinds.</summary>
    public static readonly IReadOnlyList<string> SplitKinds = [SplitPlan.Stratified, SplitPlan.KFold, SplitPlan.ExpandingWindow];

    /// <summary>Scaling choices.</summary>
    public static readonly IReadOnlyList<string> Scalings = ["standard", "none"];

    /// <summary>Target transforms.</summary>
    public static readonly IReadOnlyList<string> Transforms = [TargetTransforms.None, TargetTransforms.Difference];

    /// <summary>Largest horizon, lag, window, period or difference lag, in rows (a decade of hourly data is ~88,000).</summary>
    public const int MaxRows = 100_000;

    /// <summary>Most folds (more gives test folds too small to score; 20 is already far beyond common practice).</summary>
    public const int MaxFolds = 20;

    /// <summary>Most yearly Fourier pairs (twice Prophet's default of 10; more only fits noise).</summary>
    public const int MaxYearlyOrder = 20;

    /// <summary>Most columns a spec may describe.</summary>
    public const int MaxColumns = 10_000;

    /// <summary>Most class labels a spec may carry (ten times what generation accepts, room for hand-edited specs).</summary>
    public const int MaxClasses = 1_000;

    /// <summary>Longest free text (explanations, reasons) kept in a spec.</summary>
    public const int MaxText = 2_000;

    /// <summary>Throws an actionable error naming the first field that is not acceptable.</summary>
    public static void Validate(PipelineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Table is null || !TableName().IsMatch(spec.Table))
            Fail("table", "must be a workspace table name (letters, digits, underscores; e.g. \"sales\")");
        if (spec.Columns is null || spec.Columns.Count is 0 or > MaxColumns)
            Fail("columns", $"must list 1 to {MaxColumns:N0} columns");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Columns!.Count; i++)
        {
            var c = spec.Columns[i];
            if (c is null)
                Fail($"columns[{i}]", "is missing");
            ColumnName(c!.Name, $"columns[{i}].name");
            if (!names.Add(c.Name))
                Fail($"columns[{i}].name", "repeats a column");
            OneOf(c.Role, Roles, $"columns[{i}].role");
            OneOf(c.Encoding, Encodings, $"columns[{i}].encoding");
            Text(c.Reason, $"columns[{i}].reason");
            Text(c.SqlType, $"columns[{i}].sqlType");
        }

        if (spec.Target is not null && !names.Contains(spec.Target))
            Fail("target", "must be one of the spec's columns");
        if (spec.TimeColumn is not null && !names.Contains(spec.TimeColumn))
            Fail("timeColumn", "must be one of the spec's columns");
        Range(spec.Horizon, 1, MaxRows, "horizon");
        if (spec.RowCount < 0)
            Fail("rowCount", "must be 0 or more");
        if (spec.Classes is null || spec.Classes.Count > MaxClasses)
            Fail("classes", $"must list at most {MaxClasses} classes");
        foreach (var (label, i) in spec.Classes!.Select((l, i) => (l, i)))
            Text(label, $"classes[{i}]", 500);
        Features(spec.Features, spec.Horizon);
        if (spec.Steps is null || spec.Steps.Count > Steps.Count)
            Fail("steps", $"must list at most {Steps.Count} steps");
        for (var i = 0; i < spec.Steps!.Count; i++)
        {
            var step = spec.Steps[i] ?? throw Error($"steps[{i}]", "is missing");
            OneOf(step.Name, Steps, $"steps[{i}].name");
            Text(step.Explanation, $"steps[{i}].explanation");
            if (step.Parameters is not null && (step.Parameters.Count > 20 || step.Parameters.Any(p => p.Key.Length > 100 || p.Value?.Length > 200)))
                Fail($"steps[{i}].parameters", "must hold at most 20 short settings");
        }

        Split(spec.Split);
        var trainers = KnownTrainers();
        if (spec.Candidates is null || spec.Candidates.Count is 0 or > 30)
            Fail("candidates", "must list 1 to 30 trainers");
        for (var i = 0; i < spec.Candidates!.Count; i++)
            OneOf(spec.Candidates[i], trainers, $"candidates[{i}]");
        var metrics = KnownMetrics();
        if (spec.Metrics is null || spec.Metrics.Count is 0 or > 20)
            Fail("metrics", "must list 1 to 20 metrics");
        for (var i = 0; i < spec.Metrics!.Count; i++)
            OneOf(spec.Metrics[i], metrics, $"metrics[{i}]");
        OneOf(spec.PrimaryMetric, spec.Metrics, "primaryMetric");
    }

    private static void Features(FeaturePlan? f, int horizon)
    {
        if (f is null)
            Fail("features", "is missing");
        if (f!.DateParts is null || f.DateParts.Count > DateParts.Count)
            Fail("features.dateParts", $"must list at most {DateParts.Count} parts");
        for (var i = 0; i < f.DateParts!.Count; i++)
            OneOf(f.DateParts[i], DateParts, $"features.dateParts[{i}]");
        if (f.Lags is null || f.Lags.Count > 50)
            Fail("features.lags", "must list at most 50 lags");
        for (var i = 0; i < f.Lags!.Count; i++)
            Range(f.Lags[i], horizon, MaxRows, $"features.lags[{i}]");
        if (f.RollingWindows is null || f.RollingWindows.Count > 20)
            Fail("features.rollingWindows", "must list at most 20 windows");
        for (var i = 0; i < f.RollingWindows!.Count; i++)
            Range(f.RollingWindows[i], 2, MaxRows, $"features.rollingWindows[{i}]");
        if (f.FourierPeriod is { } period)
            Range(period, 2, MaxRows, "features.fourierPeriod");
        Range(f.FourierOrder, 0, f.FourierPeriod is { } p ? Math.Max(0, p / 2) : 0, "features.fourierOrder");
        OneOf(f.Scaling, Scalings, "features.scaling");
        OneOf(f.TargetTransform, Transforms, "features.targetTransform");
        Range(f.DifferenceLag, 0, MaxRows, "features.differenceLag");
        if (f.YearlyPeriod is { } year && (!double.IsFinite(year) || year < 2 || year > MaxRows))
            Fail("features.yearlyPeriod", $"must be between 2 and {MaxRows} rows (365.25 for daily rows)");
        Range(f.YearlyOrder, 0, f.YearlyPeriod is { } y && double.IsFinite(y) ? Math.Min(MaxYearlyOrder, (int)(y / 2)) : 0, "features.yearlyOrder");
    }

    private static void Split(SplitPlan? split)
    {
        if (split is null)
            Fail("split", "is missing");
        OneOf(split!.Kind, SplitKinds, "split.kind");
        Range(split.Folds, 2, MaxFolds, "split.folds");
        if (split.TestSize is { } size)
            Range(size, 1, 10_000_000, "split.testSize");
    }

    private static HashSet<string> KnownTrainers() =>
        Enum.GetValues<PipelineTask>().SelectMany(t => TrainerNames.For(t, seasonal: true, series: true).Concat(TrainerNames.For(t, seasonal: false)))
            .ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> KnownMetrics() =>
        Enum.GetValues<PipelineTask>().SelectMany(t => TrainerNames.MetricsFor(t, true).Metrics.Concat(TrainerNames.MetricsFor(t, false).Metrics)
                .Concat(TrainerNames.MetricsFor(t, true, imbalanced: true).Metrics))
            .ToHashSet(StringComparer.Ordinal);

    private static void ColumnName(string? name, string field)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 255 || name.Contains('\0', StringComparison.Ordinal))
            Fail(field, "must be a column name of 1 to 255 characters");
    }

    private static void Text(string? text, string field, int max = MaxText)
    {
        if (text is not null && text.Length > max)
            Fail(field, $"is longer than {max:N0} characters");
    }

    private static void Range(int value, int min, int max, string field)
    {
        if (value < min || value > max)
            Fail(field, $"must be between {min:N0} and {max:N0}; got {value:N0}");
    }

    private static void OneOf(string? value, IEnumerable<string> allowed, string field)
    {
        var list = allowed.ToList();
        if (value is null || !list.Contains(value, StringComparer.Ordinal))
            Fail(field, $"must be one of: {string.Join(", ", list.Order(StringComparer.Ordinal))}; got {Show(value)}");
    }

    private static string Show(string? value) => value is null ? "nothing" : value.Length <= 40 ? $"'{value}'" : $"'{value[..40]}…'";

    private static McpFlowException Error(string field, string problem) =>
        McpFlowException.Invalid($"The pipeline spec's {field} {problem}.",
            "Pass the spec returned by generate_pipeline (or its spec_id) and change only step 'enabled' flags, candidates and split.");

    private static void Fail(string field, string problem) => throw Error(field, problem);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex TableName();
}
