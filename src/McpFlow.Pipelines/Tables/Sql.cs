namespace McpFlow.Pipelines.Tables;

/// <summary>SQL text helpers for DuckDB.</summary>
internal static class Sql
{
    /// <summary>Quotes an identifier: <c>a"b</c> becomes <c>"a""b"</c>.</summary>
    public static string Id(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Quotes a string literal.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
