namespace McpFlow.Data.Loading;

/// <summary>File formats the loader reads.</summary>
public enum FileFormat
{
    /// <summary>Comma- or otherwise delimited text (dialect sniffed by DuckDB).</summary>
    Csv,
    /// <summary>Tab-separated text.</summary>
    Tsv,
    /// <summary>Apache Parquet.</summary>
    Parquet,
    /// <summary>A JSON array of objects or newline-delimited JSON (auto-detected by DuckDB).</summary>
    Json,
    /// <summary>Excel workbook (.xlsx, .xlsm, .xls), read with ExcelDataReader.</summary>
    Excel,
    /// <summary>SQLite database file, read with Microsoft.Data.Sqlite.</summary>
    Sqlite,
    /// <summary>DuckDB database file, attached read-only.</summary>
    Duckdb,
}
