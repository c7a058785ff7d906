using System.Text.Json;
using DuckDB.NET.Data;
using McpFlow.Core.Errors;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Query;

/// <summary>
/// Decides whether a client statement may run, with DuckDB's own parser: <c>json_serialize_sql</c> serialises queries
/// only and reports anything else (INSERT, COPY, ATTACH, SET, PRAGMA, INSTALL, ...) as not serialisable, so a statement
/// is read-only exactly when it serialises. The parse tree is then checked against <see cref="SqlPolicy"/> (no file
/// access, no SQL from strings, no functions that can crash or stall the engine), and the statement that runs is the one
/// DuckDB regenerates from the checked tree, so what runs is what was checked. Statements that change data are refused
/// unless writes are enabled, and then only in the forms <see cref="WriteStatements"/> accepts. DuckDB itself is also
/// locked to the allowed roots (Core's DuckDbGateway): this is the first of two walls.
/// </summary>
public sealed class SqlGuard
{
    /// <summary>Longest statement accepted, in characters.</summary>
    public const int MaxSqlLength = 100_000;

    /// <summary>Deepest parse tree walked (DuckDB's own parser stops at 1,000 nested expressions, a few levels each).</summary>
    public const int MaxTreeDepth = 8_000;

    /// <summary>Longest engine message passed back to the model, in characters.</summary>
    public const int MaxEngineMessage = 300;

    /// <summary>Checks <paramref name="sql"/>; throws an actionable error for anything that may not run.</summary>
    public SqlVerdict Check(DuckDBConnection connection, string sql, bool allowWrites, string parameterName = "sql")
    {
        RequireText(sql, parameterName);
        var query = TryCheckQuery(connection, sql, parameterName);
        if (query is not null)
            return new SqlVerdict(true, query, "select");
        if (!allowWrites)
            throw McpFlowException.Forbidden(
                "data_query is read-only: only a single query (SELECT, WITH, FROM, VALUES, DESCRIBE, SUMMARIZE) is allowed, and this statement would change data or settings.",
                "Use data_load, data_apply_transformation or data_export for changes; an operator can enable SQL writes with --sql-allow-writes.");
        return WriteStatements.Check(sql, s => CheckQuery(connection, s, parameterName));
    }

    /// <summary>Checks a query and returns the SQL to run; anything but one query is refused.</summary>
    public string CheckQuery(DuckDBConnection connection, string sql, string parameterName = "sql")
    {
        RequireText(sql, parameterName);
        return TryCheckQuery(connection, sql, parameterName)
            ?? throw McpFlowException.Forbidden($"{parameterName} must be one query (SELECT, WITH, FROM or VALUES).", "E.g. \"SELECT region, count(*) FROM sales GROUP BY region\".");
    }

    /// <summary>Shortens an engine message for the model: first line, at most <see cref="MaxEngineMessage"/> characters.</summary>
    public static string EngineMessage(string? message)
    {
        var first = (message ?? "").Split('\n')[0].Trim();
        return first.Length <= MaxEngineMessage ? first : first[..MaxEngineMessage] + "…";
    }

    private static string? TryCheckQuery(DuckDBConnection connection, string sql, string parameterName)
    {
        var json = DataDatabase.Scalar(connection, "SELECT json_serialize_sql(?::VARCHAR)", sql) as string
            ?? throw McpFlowException.Invalid($"DuckDB returned no parse result for {parameterName}.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxTreeDepth });
        }
        catch (JsonException)
        {
            throw McpFlowException.Invalid($"{parameterName} is nested too deeply to check.", "Flatten the query: use CTEs (WITH) instead of deeply nested subqueries or expressions.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.GetProperty("error").GetBoolean())
            {
                var type = root.TryGetProperty("error_type", out var t) ? t.GetString() : "";
                var message = root.TryGetProperty("error_message", out var m) ? m.GetString() : "";
                if (string.Equals(type, "not implemented", StringComparison.OrdinalIgnoreCase) || (message?.Contains("Only SELECT", StringComparison.Ordinal) ?? false))
                    return null;
                throw McpFlowException.Invalid($"SQL syntax error in {parameterName}: {EngineMessage(message)}",
                    "Check the statement against DuckDB's SQL dialect; quote identifiers with double quotes and strings with single quotes.");
            }

            var statements = root.GetProperty("statements");
            if (statements.GetArrayLength() != 1)
                throw McpFlowException.Invalid($"Send exactly one statement per call; {parameterName} holds {statements.GetArrayLength()}.", "Split the statements into separate calls.");
            Walk(statements, 0);
        }

        var canonical = DataDatabase.Scalar(connection, "SELECT json_deserialize_sql(?::JSON)", json) as string
            ?? throw McpFlowException.Invalid($"DuckDB could not regenerate {parameterName} from its parse tree.");
        return canonical.TrimEnd().TrimEnd(';');
    }

    private static void RequireText(string sql, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(sql))
            throw McpFlowException.Invalid($"{parameterName} is empty.", "Give one SQL statement, e.g. \"SELECT * FROM customers LIMIT 10\".");
        if (sql.Length > MaxSqlLength)
            throw McpFlowException.Invalid($"{parameterName} is {sql.Length:N0} characters long; at most {MaxSqlLength:N0} are accepted.");
        if (sql.Contains('\0', StringComparison.Ordinal))
            throw McpFlowException.Invalid($"{parameterName} contains a NUL character.");
    }

    private static void Walk(JsonElement element, int depth)
    {
        if (depth > MaxTreeDepth)
            throw McpFlowException.Invalid("The statement is nested too deeply to check.", "Flatten the query with CTEs (WITH).");
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Walk(item, depth + 1);
                break;
            case JsonValueKind.Object:
                if (element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
                {
                    switch (type.GetString())
                    {
                        case "TABLE_FUNCTION" when element.TryGetProperty("function", out var function):
                            CheckTableFunction(function);
                            break;
                        case "BASE_TABLE" when element.TryGetProperty("table_name", out var name):
                            CheckTableName(name.GetString() ?? "");
                            break;
                    }
                }

                if (element.TryGetProperty("class", out var cls) && cls.GetString() == "FUNCTION")
                    CheckFunction(element);
                foreach (var property in element.EnumerateObject())
                    Walk(property.Value, depth + 1);
                break;
        }
    }

    private static void CheckTableFunction(JsonElement function)
    {
        var name = FunctionName(function);
        if (!SqlPolicy.AllowedTableFunctions.Contains(name))
            throw McpFlowException.Forbidden(
                $"The table function {Short(name)}() is not allowed in SQL sent by a client" + (SqlPolicy.ReadsFiles(name) ? ": client SQL never reads files." : "."),
                "Load files with data_load (it checks them) and query the table it creates; call data_list_tables to see the tables.");
    }

    private static void CheckTableName(string name)
    {
        if (SqlPolicy.LooksLikePath(name))
            throw McpFlowException.Forbidden($"'{Short(name)}' looks like a file path; client SQL never reads files.",
                "Load the file with data_load (it checks it) and query the table it creates by name.");
    }

    private static void CheckFunction(JsonElement function)
    {
        var name = FunctionName(function);
        if (SqlPolicy.RefusedFunctions.TryGetValue(name, out var reason))
            throw McpFlowException.Forbidden($"The function {name}() is not allowed: {reason}.", "Rewrite the query without it.");
        if (SqlPolicy.StructureFunctions.Contains(name))
            CheckStructureArgument(name, function);
    }

    private static void CheckStructureArgument(string name, JsonElement function)
    {
        if (!function.TryGetProperty("children", out var children) || children.GetArrayLength() < 2)
            return;
        var structure = children[1];
        var text = structure.TryGetProperty("class", out var c) && c.GetString() == "CONSTANT"
            && structure.TryGetProperty("value", out var v) && v.TryGetProperty("value", out var s) && s.ValueKind == JsonValueKind.String
                ? s.GetString()!
                : null;
        if (text is null || text.Length > SqlPolicy.MaxStructureLength || NestingDepth(text) > SqlPolicy.MaxStructureDepth)
            throw McpFlowException.Forbidden(
                $"{name}() needs its structure as a string literal of at most {SqlPolicy.MaxStructureLength:N0} characters nested at most {SqlPolicy.MaxStructureDepth} deep.",
                "E.g. from_json(payload, '{\"id\": \"INTEGER\", \"tags\": [\"VARCHAR\"]}').");
    }

    private static int NestingDepth(string text)
    {
        int depth = 0, max = 0;
        foreach (var ch in text)
        {
            if (ch is '[' or '{')
                max = Math.Max(max, ++depth);
            else if (ch is ']' or '}')
                depth--;
        }

        return max;
    }

    private static string FunctionName(JsonElement function) =>
        function.TryGetProperty("function_name", out var n) ? n.GetString() ?? "" : "";

    private static string Short(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
