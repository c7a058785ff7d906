namespace McpFlow.Data.Query;

/// <summary>
/// What client SQL may use. Client SQL never touches files: files enter the workspace through data_load, which checks
/// them; so no table function that reads a path is allowed and table names that look like paths are refused (DuckDB
/// would read them as files). Functions that run SQL given as text, wait, write logs, or recurse on the nesting depth of
/// a value (a JSON document nested 100,000 deep overflows the native stack and takes the process down) are refused.
/// </summary>
public static class SqlPolicy
{
    /// <summary>The only table functions client SQL may call: series, unnesting and catalogue views.</summary>
    public static readonly IReadOnlySet<string> AllowedTableFunctions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "range", "generate_series", "unnest", "repeat", "repeat_row", "summary", "histogram", "histogram_values",
        "duckdb_tables", "duckdb_columns", "duckdb_views", "duckdb_schemas", "duckdb_types", "duckdb_constraints",
        "duckdb_indexes", "duckdb_functions", "duckdb_keywords", "duckdb_databases", "duckdb_sequences", "duckdb_dependencies",
        "pragma_table_info", "pragma_version", "pragma_database_size", "pragma_storage_info", "pragma_show", "pragma_collations",
        "test_all_types",
    };

    /// <summary>Scalar and aggregate functions refused, with the reason given to the model.</summary>
    public static readonly IReadOnlyDictionary<string, string> RefusedFunctions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["json_execute_serialized_sql"] = "it runs SQL given as text, which escapes the checks",
        ["json_serialize_plan"] = "it plans SQL given as text, which escapes the checks",
        ["json_serialize_sql"] = "it parses SQL given as text; data_query has no use for it",
        ["json_deserialize_sql"] = "it builds SQL from text; data_query has no use for it",
        ["query"] = "it runs SQL given as text",
        ["query_table"] = "it runs SQL given as text",
        ["getenv"] = "it reads the server's environment",
        ["write_log"] = "it writes to the server's log",
        ["sleep_ms"] = "it blocks the server without doing work",
        ["pg_sleep"] = "it blocks the server without doing work",
        ["json_structure"] = "it recurses on the nesting depth of its input and can crash the server on deep documents",
        ["json_group_structure"] = "it recurses on the nesting depth of its input and can crash the server on deep documents",
        ["json_contains"] = "it recurses on the nesting depth of its input and can crash the server on deep documents",
        ["json_pretty"] = "it can run for minutes on deeply nested documents",
    };

    /// <summary>Functions whose second argument is a type structure: it must be a short literal of bounded nesting.</summary>
    public static readonly IReadOnlySet<string> StructureFunctions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "json_transform", "json_transform_strict", "from_json", "from_json_strict",
    };

    /// <summary>Longest structure literal accepted by <see cref="StructureFunctions"/>.</summary>
    public const int MaxStructureLength = 4_000;

    /// <summary>Deepest bracket nesting of a structure literal (DuckDB recurses once per level).</summary>
    public const int MaxStructureDepth = 32;

    /// <summary>True for the table functions that read files (refused like every function off the allow-list; named so
    /// the refusal can say why).</summary>
    public static bool ReadsFiles(string tableFunction) =>
        tableFunction.StartsWith("read_", StringComparison.OrdinalIgnoreCase) || tableFunction.StartsWith("parquet_", StringComparison.OrdinalIgnoreCase)
        || tableFunction.Contains("scan", StringComparison.OrdinalIgnoreCase) || tableFunction.Contains("sniff", StringComparison.OrdinalIgnoreCase)
        || tableFunction.Equals("glob", StringComparison.OrdinalIgnoreCase);

    /// <summary>Characters that make DuckDB read a table name as a file path (a replacement scan) or a URL.</summary>
    public static bool LooksLikePath(string name) => name.AsSpan().IndexOfAny("./\\*?[:~") >= 0;
}
