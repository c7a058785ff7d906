using System.Diagnostics;
using DuckDB.NET.Data;
using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Query;

/// <summary>
/// Runs client SQL: read-only unless <see cref="SqlOptions.AllowWrites"/>; one page of at most
/// <see cref="SqlOptions.MaxRows"/> rows, fetched as N+1 rows so truncation is known without counting; the
/// rendered page is cut to <see cref="SqlOptions.MaxCharacters"/>; the statement is interrupted inside DuckDB
/// when it runs past the timeout. Read-only statements run inside a transaction that is rolled back.
/// </summary>
public sealed class QueryRunner(DataDatabase database, SqlGuard guard, McpFlowOptions options)
{
    /// <summary>Runs <paramref name="sql"/> and returns one page.</summary>
    public QueryResult Run(string sql, QueryFormat format, int? maxRows, long offset, int? timeoutSeconds, CancellationToken cancellationToken)
    {
        var limits = options.Sql;
        var pageSize = maxRows ?? limits.MaxRows;
        if (pageSize < 1 || pageSize > limits.MaxRows)
            throw McpFlowException.Invalid($"max_rows must be between 1 and {limits.MaxRows}; got {pageSize}.");
        if (offset < 0)
            throw McpFlowException.Invalid($"offset must be 0 or more; got {offset}.");
        var timeout = timeoutSeconds ?? limits.TimeoutSeconds;
        if (timeout < 1 || timeout > limits.TimeoutSeconds)
            throw McpFlowException.Invalid($"timeout_seconds must be between 1 and {limits.TimeoutSeconds}; got {timeout}.");

        using var connection = database.Open();
        var verdict = guard.Check(connection, sql);
        if (!verdict.IsSelect && !limits.AllowWrites)
            throw McpFlowException.Forbidden(
                "data_query is read-only: only a single SELECT (or WITH/FROM ... query) is allowed, and this statement would change data or settings.",
                "Use data_load, data_apply_transformation or data_export for changes; an operator can enable SQL writes with the Sql.AllowWrites option.");
        var watch = Stopwatch.StartNew();
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(TimeSpan.FromSeconds(timeout));
        using var command = connection.CreateCommand();
        using var registration = timeoutSource.Token.Register(() => command.Cancel());
        try
        {
            if (!verdict.IsSelect)
            {
                command.CommandText = sql;
                var affected = command.ExecuteNonQuery();
                return new QueryResult("write", [], [], 0, false, null, null, affected, watch.Elapsed.TotalMilliseconds, $"Statement executed; {affected} row(s) affected.");
            }

            DataDatabase.Execute(connection, "BEGIN TRANSACTION");
            try
            {
                command.CommandText = $"SELECT * FROM (\n{verdict.CanonicalSql}\n) AS mcpflow_q LIMIT {pageSize + 1} OFFSET {offset}";
                return ReadPage(command, format, pageSize, offset, limits.MaxCharacters, watch);
            }
            finally
            {
                if (!timeoutSource.IsCancellationRequested)
                    DataDatabase.Execute(connection, "ROLLBACK");
            }
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new McpFlowException(ErrorKind.Timeout, $"The query ran past its {timeout} s limit and was interrupted.",
                "Add filters or aggregates, query fewer rows, or raise timeout_seconds (up to the configured limit).");
        }
        catch (DuckDBException ex) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new McpFlowException(ErrorKind.Timeout, $"The query ran past its {timeout} s limit and was interrupted.",
                "Add filters or aggregates, query fewer rows, or raise timeout_seconds (up to the configured limit).", ex);
        }
        catch (DuckDBException ex)
        {
            var message = ex.Message.Split('\n')[0];
            var hint = message.Contains("Permission Error", StringComparison.Ordinal)
                ? "Only files under the allowed roots can be read."
                : message.Contains("does not exist", StringComparison.Ordinal) || message.Contains("not found", StringComparison.Ordinal)
                    ? "Call data_list_tables and data_describe_table to see table and column names."
                    : "Check the statement against DuckDB's SQL dialect.";
            throw McpFlowException.Invalid($"DuckDB rejected the query: {message}", hint);
        }
    }

    private static QueryResult ReadPage(DuckDBCommand command, QueryFormat format, int pageSize, long offset, int maxCharacters, Stopwatch watch)
    {
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(i => new TableColumn(reader.GetName(i), reader.GetDataTypeName(i))).ToList();
        var rows = new List<IReadOnlyList<object?>>();
        var more = false;
        while (reader.Read())
        {
            if (rows.Count == pageSize)
            {
                more = true;
                break;
            }

            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
                values[i] = reader.IsDBNull(i) ? null : CellValues.ToJson(reader.GetValue(i));
            rows.Add(values);
        }

        string? truncatedBy = more ? "rows" : null;
        var text = ResultRenderer.Render(format, columns, rows);
        if (text.Length > maxCharacters)
        {
            // Halve, then grow back, to find the most rows whose rendering fits the character cap.
            int low = 0, high = rows.Count;
            while (low < high)
            {
                var mid = (low + high + 1) / 2;
                if (ResultRenderer.Render(format, columns, rows.Take(mid)).Length <= maxCharacters)
                    low = mid;
                else
                    high = mid - 1;
            }

            rows = rows.Take(low).ToList();
            text = ResultRenderer.Render(format, columns, rows);
            more = true;
            truncatedBy = "characters";
        }

        return new QueryResult("select", columns, rows, offset, more, truncatedBy, more ? offset + rows.Count : null, null, watch.Elapsed.TotalMilliseconds, text);
    }
}
