namespace McpFlow.Data.Transformations;

/// <summary>A machine-applicable transformation.</summary>
/// <param name="Operation">One of <see cref="TransformOperations.Names"/>, e.g. <c>log1p</c>.</param>
/// <param name="Column">Source column (null for whole-table operations such as <c>drop_duplicates</c>).</param>
/// <param name="NewColumn">Name of the column to create (column operations); default from the operation, e.g. <c>log_purchase</c>.</param>
/// <param name="Parameters">Numeric parameters: <c>lambda</c> (power transforms), <c>lower</c>/<c>upper</c> (clip,
/// remove_outliers), <c>mean</c>/<c>std</c> (standardize), <c>value</c> (impute).</param>
/// <param name="Text">Text parameter: the fill value for <c>impute_value</c>, the format for <c>parse_date</c>.</param>
public sealed record TransformSpec(string Operation, string? Column = null, string? NewColumn = null,
    IReadOnlyDictionary<string, double>? Parameters = null, string? Text = null)
{
    /// <summary>A numeric parameter, or an actionable error when absent.</summary>
    public double Parameter(string name) =>
        Parameters is not null && Parameters.TryGetValue(name, out var value) && double.IsFinite(value)
            ? value
            : throw Core.Errors.McpFlowException.Invalid($"Operation {Operation} needs the numeric parameter '{name}'.",
                "Take the spec from suggest_transformations, or pass parameters, e.g. {\"" + name + "\": 0.5}.");
}
