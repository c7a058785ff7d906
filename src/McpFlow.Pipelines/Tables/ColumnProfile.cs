namespace McpFlow.Pipelines.Tables;

/// <summary>Summary of one column, computed in DuckDB.</summary>
/// <param name="Name">Column name.</param>
/// <param name="SqlType">DuckDB type name.</param>
/// <param name="Nulls">Null count.</param>
/// <param name="Distinct">Distinct non-null values (approximate above 100k rows is not used: exact).</param>
/// <param name="Mean">Mean for numeric columns.</param>
/// <param name="Std">Sample standard deviation for numeric columns.</param>
/// <param name="WholeValued">True for a numeric column whose every value is a whole number (integer types, and e.g. a
/// DOUBLE holding 1.0, 2.0, …).</param>
public sealed record ColumnProfile(string Name, string SqlType, long Nulls, long Distinct, double? Mean, double? Std, bool WholeValued = false)
{
    /// <summary>True for integer, decimal and floating types.</summary>
    public bool IsNumeric => ColumnTypes.IsNumeric(SqlType);

    /// <summary>True for DATE and TIMESTAMP types.</summary>
    public bool IsTemporal => ColumnTypes.IsTemporal(SqlType);

    /// <summary>True for integer types.</summary>
    public bool IsInteger => ColumnTypes.IsInteger(SqlType);
}
