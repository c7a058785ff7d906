namespace McpFlow.Data.Profiling;

/// <summary>The storage class of a column, from its DuckDB type.</summary>
public enum ColumnClass
{
    /// <summary>Integers, floating point and decimals.</summary>
    Numeric,
    /// <summary>BOOLEAN.</summary>
    Boolean,
    /// <summary>DATE, TIME, TIMESTAMP.</summary>
    Temporal,
    /// <summary>VARCHAR.</summary>
    Text,
    /// <summary>Lists, structs, blobs and the rest: counted only.</summary>
    Other,
}
