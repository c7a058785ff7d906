using System.Globalization;
using McpFlow.Core.Errors;
using McpFlow.Core.Storage;
using McpFlow.Data.Parsing;

namespace McpFlow.Data.Transformations;

/// <summary>The SQL of each transformation. Column operations yield an expression for a new column; table
/// operations yield the SELECT of a new versioned table.</summary>
public static class TransformOperations
{
    /// <summary>Operations that add a column.</summary>
    public static readonly IReadOnlySet<string> ColumnOperations = new HashSet<string>(StringComparer.Ordinal)
    {
        "log1p", "log", "sqrt", "box_cox", "yeo_johnson", "clip", "standardize", "min_max", "impute_mean", "impute_median", "impute_value",
        "impute_mode", "missing_indicator", "outlier_flag", "to_number", "parse_date", "frequency_encode", "normalize_text", "null_markers",
    };

    /// <summary>Case choices of <c>normalize_text</c>: each value's most frequent spelling (default), or all lower or upper case.</summary>
    public static readonly IReadOnlyList<string> NormalizeModes = ["most_frequent", "lower", "upper"];

    /// <summary>Operations that create a new table.</summary>
    public static readonly IReadOnlySet<string> TableOperations = new HashSet<string>(StringComparer.Ordinal)
    {
        "drop_duplicates", "remove_outliers", "drop_column", "one_hot",
    };

    /// <summary>All operation names, for messages.</summary>
    public static string Names => string.Join(", ", ColumnOperations.Concat(TableOperations).Order(StringComparer.Ordinal));

    /// <summary>True for an operation name (exact spelling).</summary>
    public static bool IsKnown(string operation) => ColumnOperations.Contains(operation) || TableOperations.Contains(operation);

    /// <summary>The SQL expression computing a column operation from <paramref name="spec"/>'s column (parameters
    /// resolved, see <see cref="SpecResolver"/>). Missing markers of a text column count as missing.</summary>
    public static string Expression(TransformSpec spec, TransformContext context)
    {
        var col = SqlQuote.Id(spec.Column ?? throw McpFlowException.Invalid($"Operation {spec.Operation} needs a column."));
        var x = $"{col}::DOUBLE";
        var text = context.Text(col);
        var trimmed = MissingMarkers.Trimmed(text);
        string P(string name) => SqlQuote.Number(spec.Parameter(name));
        return spec.Operation switch
        {
            "log1p" => $"CASE WHEN {x} > -1 THEN ln(1 + {x}) END",
            "log" => $"CASE WHEN {x} > 0 THEN ln({x}) END",
            "sqrt" => $"CASE WHEN {x} >= 0 THEN sqrt({x}) END",
            "box_cox" => BoxCox(x, spec.Parameter("lambda")),
            "yeo_johnson" => YeoJohnson(x, spec.Parameter("lambda")),
            "clip" => $"least(greatest({x}, {P("lower")}), {P("upper")})",
            "standardize" => $"({x} - {P("mean")}) / {P("std")}",
            "min_max" => $"({x} - {P("min")}) / ({P("max")} - {P("min")})",
            "impute_mean" or "impute_median" => $"coalesce({x}, {P("value")})",
            "impute_value" or "impute_mode" => $"coalesce({text}, {SqlQuote.Literal(spec.Text ?? throw McpFlowException.Invalid($"{spec.Operation} needs text (the fill value)."))})",
            "missing_indicator" => $"({text} IS NULL)::INTEGER",
            "outlier_flag" => $"({x} < {P("lower")} OR {x} > {P("upper")})::INTEGER",
            "to_number" => NumberSyntax.Parse(trimmed, DecimalSeparator(spec), spec.Has("percent_scale") ? spec.Parameter("percent_scale") : DefaultPercentScale),
            "parse_date" => DateSyntax.Parse(trimmed, spec.Values is { Count: > 0 } formats ? formats : throw McpFlowException.Invalid("parse_date needs its formats.", "Pass text, e.g. \"%d/%m/%Y\".")),
            "frequency_encode" => $"(count(*) OVER (PARTITION BY {text}))::DOUBLE / count(*) OVER ()",
            "normalize_text" => Normalize(trimmed, spec),
            "null_markers" => MissingMarkers.From(spec.Values, "values").Nulled($"{col}::VARCHAR"),
            _ => throw McpFlowException.Invalid($"Unknown column operation '{spec.Operation}'.", $"Use one of: {Names}."),
        };
    }

    /// <summary>What 1% becomes under <c>to_number</c> unless <c>percent_scale</c> is given: 0.01, so "5%" reads as the fraction 0.05.</summary>
    public const double DefaultPercentScale = 0.01;

    /// <summary>The decimal separator of a resolved <c>to_number</c> spec ("," or "." in <see cref="TransformSpec.Text"/>).</summary>
    public static char DecimalSeparator(TransformSpec spec) => spec.Text switch
    {
        "," => ',',
        "." => '.',
        _ => throw McpFlowException.Invalid($"to_number's text must be the decimal separator, \",\" or \".\"; got '{Short(spec.Text)}'.",
            "E.g. text=\",\" reads '1.281,28' as 1281.28; text=\".\" reads '1,281.28' as 1281.28. Leave text out to let the server decide from the values."),
    };

    private static string Normalize(string trimmed, TransformSpec spec) => (spec.Text ?? "most_frequent") switch
    {
        "lower" => $"lower({trimmed})",
        "upper" => $"upper({trimmed})",
        "most_frequent" when spec.Mapping is { Count: > 0 } map =>
            $"CASE lower({trimmed}) {string.Join(" ", map.Select(p => $"WHEN {SqlQuote.Literal(p.Key)} THEN {SqlQuote.Literal(p.Value)}"))} ELSE {trimmed} END",
        "most_frequent" => trimmed,
        var other => throw McpFlowException.Invalid($"normalize_text's text '{Short(other)}' is not a case choice.", $"Use one of: {string.Join(", ", NormalizeModes)}."),
    };

    private static string Short(string? value) => value is null ? "(none)" : value.Length <= 40 ? value : value[..40] + "…";

    /// <summary>Box-Cox: (x^λ − 1)/λ, or ln x when λ = 0; defined for x &gt; 0.</summary>
    public static string BoxCox(string x, double lambda) =>
        Math.Abs(lambda) < 1e-12 ? $"CASE WHEN {x} > 0 THEN ln({x}) END" : $"CASE WHEN {x} > 0 THEN (pow({x}, {SqlQuote.Number(lambda)}) - 1) / {SqlQuote.Number(lambda)} END";

    /// <summary>Yeo-Johnson (Yeo and Johnson 2000), defined for all real x.</summary>
    public static string YeoJohnson(string x, double lambda)
    {
        var l = SqlQuote.Number(lambda);
        var l2 = SqlQuote.Number(2 - lambda);
        var positive = Math.Abs(lambda) < 1e-12 ? $"ln(1 + {x})" : $"(pow(1 + {x}, {l}) - 1) / {l}";
        var negative = Math.Abs(lambda - 2) < 1e-12 ? $"-ln(1 - {x})" : $"-(pow(1 - {x}, {l2}) - 1) / {l2}";
        return $"CASE WHEN {x} >= 0 THEN {positive} ELSE {negative} END";
    }

    /// <summary>Default name of the new column, e.g. <c>log_purchase</c> for log1p of <c>purchase_amount</c>.</summary>
    public static string DefaultColumnName(TransformSpec spec)
    {
        var column = spec.Column ?? "";
        var stem = column.Contains('_', StringComparison.Ordinal) ? column[..column.IndexOf('_', StringComparison.Ordinal)] : column;
        return spec.Operation switch
        {
            "log1p" or "log" => $"log_{stem}",
            "sqrt" => $"sqrt_{stem}",
            "box_cox" => $"boxcox_{column}",
            "yeo_johnson" => $"yeojohnson_{column}",
            "clip" => $"{column}_clipped",
            "standardize" => $"{column}_z",
            "min_max" => $"{column}_scaled",
            "missing_indicator" => $"{column}_missing",
            "outlier_flag" => $"{column}_outlier",
            "to_number" => $"{column}_num",
            "parse_date" => $"{column}_date",
            "frequency_encode" => $"{column}_freq",
            "normalize_text" => $"{column}_norm",
            "null_markers" => $"{column}_clean",
            _ => $"{column}_filled",
        };
    }

    /// <summary>Formats a parameter for text.</summary>
    public static string Describe(TransformSpec spec) =>
        spec.Operation + "(" + string.Join(", ", new[] { spec.Column }.Concat((spec.Parameters ?? new Dictionary<string, double>())
            .Select(p => $"{p.Key}={p.Value.ToString("G6", CultureInfo.InvariantCulture)}")).Append(spec.Text is null ? null : $"'{spec.Text}'")
            .Append(spec.Values is { Count: > 0 } v && spec.Operation == "parse_date" ? $"formats {string.Join(" | ", v)}" : null)
            .Append(spec.Mapping is { Count: > 0 } m ? $"{m.Count} spellings merged" : null).Where(s => s is not null)) + ")";
}
