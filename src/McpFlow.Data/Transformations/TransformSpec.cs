namespace McpFlow.Data.Transformations;

/// <summary>A machine-applicable transformation. Parameters left out of an explicit operation are computed on the
/// server from the data when it is applied (<see cref="SpecResolver"/>), and the applied spec records them.</summary>
/// <param name="Operation">One of <see cref="TransformOperations.Names"/>, e.g. <c>log1p</c>.</param>
/// <param name="Column">Source column (null for whole-table operations such as <c>drop_duplicates</c>).</param>
/// <param name="NewColumn">Name of the column to create (column operations); default from the operation, e.g. <c>log_purchase</c>.</param>
/// <param name="Parameters">Numeric parameters: <c>lambda</c> (power transforms), <c>lower</c>/<c>upper</c> (clip,
/// outlier_flag, remove_outliers), <c>mean</c>/<c>std</c> (standardize), <c>min</c>/<c>max</c> (min_max), <c>value</c>
/// (impute_mean, impute_median), <c>percent_scale</c> (to_number: what 1% becomes, default 0.01).</param>
/// <param name="Text">Text parameter: the fill value for <c>impute_value</c>/<c>impute_mode</c>, the strptime format(s)
/// for <c>parse_date</c> (several separated by '|'), the decimal separator for <c>to_number</c> ("," or "."), the case
/// for <c>normalize_text</c> (most_frequent, lower or upper).</param>
/// <param name="Values">Resolved list parameter: the strptime formats tried in order (parse_date), the missing
/// markers (null_markers).</param>
/// <param name="Mapping">Resolved mapping (normalize_text): lower-cased trimmed value → the spelling kept.</param>
public sealed record TransformSpec(string Operation, string? Column = null, string? NewColumn = null,
    IReadOnlyDictionary<string, double>? Parameters = null, string? Text = null, IReadOnlyList<string>? Values = null,
    IReadOnlyDictionary<string, string>? Mapping = null)
{
    /// <summary>A numeric parameter, or an actionable error when absent.</summary>
    public double Parameter(string name) =>
        Parameters is not null && Parameters.TryGetValue(name, out var value) && double.IsFinite(value)
            ? value
            : throw Core.Errors.McpFlowException.Invalid($"Operation {Operation} needs the numeric parameter '{name}'.",
                "Take the spec from suggest_transformations, or pass parameters, e.g. {\"" + name + "\": 0.5}.");

    /// <summary>True when the numeric parameter <paramref name="name"/> is given (finite).</summary>
    public bool Has(string name) => Parameters is not null && Parameters.TryGetValue(name, out var value) && double.IsFinite(value);

    /// <summary>This spec with the numeric parameter <paramref name="name"/> set.</summary>
    public TransformSpec With(string name, double value)
    {
        var parameters = new Dictionary<string, double>(Parameters ?? new Dictionary<string, double>(), StringComparer.Ordinal) { [name] = value };
        return this with { Parameters = parameters };
    }
}
