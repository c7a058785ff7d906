namespace McpFlow.Pipelines.Tables;

/// <summary>Classifies DuckDB type names.</summary>
internal static class ColumnTypes
{
    private static readonly string[] IntegerTypes = ["TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT"];

    public static bool IsInteger(string type) => IntegerTypes.Contains(type.ToUpperInvariant());

    public static bool IsNumeric(string type)
    {
        var t = type.ToUpperInvariant();
        return IsInteger(t) || t is "FLOAT" or "DOUBLE" or "REAL" || t.StartsWith("DECIMAL", StringComparison.Ordinal);
    }

    public static bool IsTemporal(string type)
    {
        var t = type.ToUpperInvariant();
        return t == "DATE" || t.StartsWith("TIMESTAMP", StringComparison.Ordinal);
    }
}
