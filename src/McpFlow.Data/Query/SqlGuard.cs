using System.Text.Json;
using DuckDB.NET.Data;
using McpFlow.Core.Errors;
using McpFlow.Core.Files;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Query;

/// <summary>
/// Decides what a client statement does with DuckDB's own parser: <c>json_serialize_sql</c> serialises SELECT
/// statements only and reports anything else (INSERT, COPY, ATTACH, SET, PRAGMA, INSTALL, ...) as an error, so a
/// statement is read-only exactly when it serialises. The parse tree is then walked for table functions and
/// replacement scans that read files (<c>read_csv('x')</c>, <c>FROM 'x.parquet'</c>): every path must be a literal
/// inside the allowed roots, and functions that run SQL given as text (<c>query</c>, <c>query_table</c>) are refused.
/// DuckDB itself is also locked to the allowed roots (see <see cref="DataDatabase"/>), so this is the first of two walls.
/// </summary>
public sealed class SqlGuard(FileAccessGuard guard)
{
    /// <summary>Longest statement accepted, in characters.</summary>
    public const int MaxSqlLength = 100_000;

    /// <summary>Table functions whose (string) arguments are file paths or globs.</summary>
    public static readonly IReadOnlySet<string> FileFunctions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "read_csv", "read_csv_auto", "sniff_csv", "read_parquet", "parquet_scan", "parquet_metadata", "parquet_schema",
        "parquet_file_metadata", "parquet_kv_metadata", "parquet_bloom_probe", "read_json", "read_json_auto", "read_ndjson",
        "read_ndjson_auto", "read_json_objects", "read_json_objects_auto", "read_ndjson_objects", "read_text", "read_blob", "glob",
    };

    /// <summary>Table functions refused outright: they run SQL given as a string (which escapes this check) or reach
    /// other databases.</summary>
    public static readonly IReadOnlySet<string> RefusedFunctions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "query", "query_table", "sqlite_scan", "sqlite_attach", "postgres_scan", "postgres_attach", "mysql_scan", "duckdb_secrets",
        "iceberg_scan", "delta_scan", "read_xlsx",
    };

    /// <summary>Parses <paramref name="sql"/> and checks it; throws an actionable error for syntax errors,
    /// several statements, or file access outside the roots.</summary>
    public SqlVerdict Check(DuckDBConnection connection, string sql)
    {
        if (string.IsNullOrWhiteSpace(sql))
            throw McpFlowException.Invalid("sql is empty.", "Give one SQL statement, e.g. \"SELECT * FROM customers LIMIT 10\".");
        if (sql.Length > MaxSqlLength)
            throw McpFlowException.Invalid($"sql is longer than {MaxSqlLength} characters.");
        var json = DataDatabase.Scalar(connection, "SELECT json_serialize_sql(?::VARCHAR)", sql) as string
            ?? throw McpFlowException.Invalid("DuckDB returned no parse result for the statement.");
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (root.GetProperty("error").GetBoolean())
        {
            var type = root.TryGetProperty("error_type", out var t) ? t.GetString() : "";
            var message = root.TryGetProperty("error_message", out var m) ? m.GetString() : "";
            if (string.Equals(type, "not implemented", StringComparison.OrdinalIgnoreCase) || (message?.Contains("Only SELECT", StringComparison.Ordinal) ?? false))
                return new SqlVerdict(false, null, []);
            throw McpFlowException.Invalid($"SQL syntax error: {message}",
                "Check the statement against DuckDB's SQL dialect (https://duckdb.org/docs/sql/introduction); quote identifiers with double quotes and strings with single quotes.");
        }

        var statements = root.GetProperty("statements");
        if (statements.GetArrayLength() != 1)
            throw McpFlowException.Invalid($"Send exactly one statement per call; got {statements.GetArrayLength()}.", "Split the statements into separate data_query calls.");
        var files = new List<string>();
        Walk(statements, files);
        var canonical = DataDatabase.Scalar(connection, "SELECT json_deserialize_sql(?::JSON)", json) as string;
        return new SqlVerdict(true, canonical?.TrimEnd().TrimEnd(';'), files);
    }

    private void Walk(JsonElement element, List<string> files)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Walk(item, files);
                break;
            case JsonValueKind.Object:
                if (element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
                {
                    if (type.GetString() == "TABLE_FUNCTION" && element.TryGetProperty("function", out var function))
                        CheckTableFunction(function, files);
                    else if (type.GetString() == "BASE_TABLE" && element.TryGetProperty("table_name", out var name) && LooksLikePath(name.GetString()))
                        files.Add(CheckPath(name.GetString()!));
                }

                foreach (var property in element.EnumerateObject())
                    Walk(property.Value, files);
                break;
        }
    }

    private void CheckTableFunction(JsonElement function, List<string> files)
    {
        var name = function.TryGetProperty("function_name", out var n) ? n.GetString() ?? "" : "";
        if (RefusedFunctions.Contains(name))
            throw McpFlowException.Forbidden($"The table function {name}() is not allowed in data_query.",
                "Query workspace tables directly, or load files with data_load.");
        if (!FileFunctions.Contains(name) || !function.TryGetProperty("children", out var children) || children.GetArrayLength() == 0)
            return;
        var first = children[0];
        var paths = ConstantStrings(first);
        if (paths is null)
            throw McpFlowException.Forbidden($"{name}() must be given its path as a string literal (or a list of literals) in data_query.",
                "Write the path literally, e.g. read_csv('data/sales.csv').");
        foreach (var path in paths)
            files.Add(CheckPath(path));
    }

    private static List<string>? ConstantStrings(JsonElement node)
    {
        var cls = node.TryGetProperty("class", out var c) ? c.GetString() : null;
        if (cls == "CONSTANT" && node.TryGetProperty("value", out var value))
        {
            if (value.TryGetProperty("is_null", out var isNull) && isNull.GetBoolean())
                return [];
            if (value.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String)
                return [v.GetString()!];
            return null;
        }

        if (cls == "FUNCTION" && node.TryGetProperty("function_name", out var fn) && fn.GetString() is "list_value" or "array_value"
            && node.TryGetProperty("children", out var items))
        {
            var all = new List<string>();
            foreach (var item in items.EnumerateArray())
            {
                var strings = ConstantStrings(item);
                if (strings is null)
                    return null;
                all.AddRange(strings);
            }

            return all;
        }

        return null;
    }

    private string CheckPath(string path)
    {
        if (path.Contains("://", StringComparison.Ordinal))
            throw McpFlowException.Forbidden($"'{path}' is a URL; data_query reads local files under the allowed roots only.");
        var resolved = guard.Resolve(path, "file path in the query");
        if (resolved.IndexOfAny(['*', '?', '[']) < 0 && File.Exists(resolved))
            guard.ResolveExistingFile(resolved, "file path in the query");
        return resolved;
    }

    private static bool LooksLikePath(string? name) =>
        name is not null && (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.Contains('*', StringComparison.Ordinal)
            || Path.HasExtension(name) || name.Contains("://", StringComparison.Ordinal));
}
