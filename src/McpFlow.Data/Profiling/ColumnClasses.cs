namespace McpFlow.Data.Profiling;

/// <summary>Maps DuckDB type names to <see cref="ColumnClass"/>.</summary>
public static class ColumnClasses
{
    private static readonly string[] NumericTypes =
        ["TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT", "FLOAT", "DOUBLE", "REAL"];

    /// <summary>The class of a DuckDB type, e.g. <c>DECIMAL(10,2)</c> is numeric.</summary>
    public static ColumnClass Of(string duckDbType)
    {
        var type = duckDbType.ToUpperInvariant();
        if (NumericTypes.Contains(type) || type.StartsWith("DECIMAL", StringComparison.Ordinal))
            return ColumnClass.Numeric;
        if (type == "BOOLEAN")
            return ColumnClass.Boolean;
        if (type is "DATE" or "TIME" || type.StartsWith("TIMESTAMP", StringComparison.Ordinal))
            return ColumnClass.Temporal;
        return type == "VARCHAR" ? ColumnClass.Text : ColumnClass.Other;
    }

    /// <summary>True for FLOAT/DOUBLE, which can hold NaN and infinities.</summary>
    public static bool IsFloating(string duckDbType) => duckDbType.ToUpperInvariant() is "FLOAT" or "DOUBLE" or "REAL";
}
