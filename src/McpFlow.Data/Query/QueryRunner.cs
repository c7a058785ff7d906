using System.Diagnostics;
using DuckDB.NET.Data;
using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using McpFlow.Core.Storage.Catalogue;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Query;

/// <summary>
/// Runs client SQL: checked by <see cref="SqlGuard"/> (read-only unless <see cref="SqlOptions.AllowWrites"/>); one page of
/// at most <see cref="SqlOptions.MaxRows"/> rows, fetched as N+1 rows so truncation is known without counting; the page
/// (text and structured rows alike) is cut to <see cref="SqlOptions.MaxCharacters"/>, long cells first, so a page always
/// holds at least one row and paging always moves on; the statement is interrupted inside DuckDB when it runs past the
/// timeout or the call is cancelled. Read-only statements run inside a transaction that is rolled back.
/// </summary>
public sealed class QueryRunner(DataDatabase database, SqlGuard guard, McpFlowOptions options)
{
    /// <summary>Longest cell value kept in a page, in characters (longer text, lists and blobs are cut and marked).</summary>
    public const int MaxCellCharacters = 4_000;

    /// <summary>Most result columns a page shows.</summary>
    public const int MaxColumns = 1_000;

    /// <summary>Runs <paramref name="sql"/> and returns one page.</summary>
    public QueryResult Run(string sql, QueryFormat format, int? maxRows, long offset, int? timeoutSeconds, CancellationToken cancellationToken)
    {
        var limits = options.Sql;
        var pageSize = maxRows ?? limits.MaxRows;
        if (pageSize < 1 || pageSize > limits.MaxRows)
            throw McpFlowException.Invalid($"max_rows must be between 1 and {limits.MaxRows}; got {pageSize}.", "E.g. max_rows=50.");
        if (offset < 0)
            throw McpFlowException.Invalid($"offset must be 0 or more; got {offset}.", "Use next_offset from the previous page, e.g. offset=500.");
        var timeout = timeoutSeconds ?? limits.TimeoutSeconds;
        if (timeout < 1 || timeout > limits.TimeoutSeconds)
            throw McpFlowException.Invalid($"timeout_seconds must be between 1 and {limits.TimeoutSeconds}; got {timeout}.", "E.g. timeout_seconds=10.");

        using var connection = database.Open();
        var verdict = guard.Check(connection, sql, limits.AllowWrites);
        var watch = Stopwatch.StartNew();
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(TimeSpan.FromSeconds(timeout));
        using var command = connection.CreateCommand();
        using var registration = timeoutSource.Token.Register(() => command.Cancel());
        try
        {
            if (!verdict.IsSelect)
            {
                // Team mode: the table's lock is held from before the write until its new version is published.
                using var write = database.BeginWrite(connection, new[] { verdict.Table, verdict.RenamedTo }.OfType<string>(), cancellationToken);
                command.CommandText = verdict.Sql;
                var affected = command.ExecuteNonQuery();
                Publish(write, connection, verdict);
                timeoutSource.Token.ThrowIfCancellationRequested();
                return new QueryResult("write", [], [], 0, false, null, null, affected, watch.Elapsed.TotalMilliseconds,
                    $"Statement executed ({verdict.Kind}); {affected} row(s) affected.");
            }

            DataDatabase.Execute(connection, "BEGIN TRANSACTION");
            try
            {
                command.CommandText = $"SELECT * FROM (\n{verdict.Sql}\n) AS mcpflow_q LIMIT {pageSize + 1} OFFSET {offset}";
                var page = ReadPage(command, format, pageSize, offset, limits.MaxCharacters, watch, timeoutSource.Token);
                timeoutSource.Token.ThrowIfCancellationRequested();
                return page;
            }
            finally
            {
                if (!timeoutSource.IsCancellationRequested)
                    DataDatabase.Execute(connection, "ROLLBACK");
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or DuckDBException && timeoutSource.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new McpFlowException(ErrorKind.Timeout, $"The query ran past its {timeout} s limit and was interrupted.",
                "Add filters or aggregates, query fewer rows, or raise timeout_seconds (up to the configured limit).", ex);
        }
        catch (DuckDBException ex)
        {
            // The engine's message is about the statement the model wrote (binder, catalog, conversion errors) and can only
            // show data the model may read anyway; it is passed on shortened.
            var message = SqlGuard.EngineMessage(ex.Message);
            var hint = message.Contains("Permission Error", StringComparison.Ordinal)
                ? "Client SQL cannot read files; load them with data_load."
                : message.Contains("does not exist", StringComparison.Ordinal) || message.Contains("not found", StringComparison.Ordinal)
                    ? "Call data_list_tables and data_describe_table to see table and column names."
                    : "Check the statement against DuckDB's SQL dialect.";
            throw McpFlowException.Invalid($"DuckDB rejected the query: {message}", hint);
        }
    }

    // Publishes a table write to the team catalogue (no-op in single-user mode): a drop or rename as the old name's
    // drop, the changed or new table as its next version. Views are not published (they stay in this process).
    private static void Publish(TableWrite write, DuckDBConnection connection, SqlVerdict verdict)
    {
        if (verdict.Table is null)
            return;
        if (verdict.Kind == "drop" || verdict.RenamedTo is not null)
            write.PublishDrop(verdict.Table, "data_query");
        if (verdict.Kind == "drop")
            return;
        var target = verdict.RenamedTo ?? verdict.Table;
        if (Loading.StagingTable.ExistingName(connection, target) is { } stored)
            write.Publish(connection, stored, "data_query", replacesContent: verdict.Kind == "create_table" || verdict.RenamedTo is not null, CancellationToken.None);
    }

    private static QueryResult ReadPage(DuckDBCommand command, QueryFormat format, int pageSize, long offset, int maxCharacters, Stopwatch watch,
        CancellationToken cancellationToken)
    {
        using var reader = command.ExecuteReader();
        if (reader.FieldCount > MaxColumns)
            throw McpFlowException.Invalid($"The result has {reader.FieldCount:N0} columns; a page shows at most {MaxColumns:N0}.", "Select the columns you need by name.");
        var columns = Enumerable.Range(0, reader.FieldCount).Select(i => new TableColumn(reader.GetName(i), reader.GetDataTypeName(i))).ToList();
        // The page shares the cap with what surrounds it in the result: the column list (structured content), the
        // footer and paging fields (about 500 characters); at least half the cap stays for rows.
        maxCharacters = Math.Max(maxCharacters / 2, maxCharacters - System.Text.Json.JsonSerializer.Serialize(columns, McpFlowJson.Options).Length - 500);
        var rows = new List<IReadOnlyList<object?>>();
        var more = false;
        var cellCut = false;
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (rows.Count == pageSize)
            {
                more = true;
                break;
            }

            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
                values[i] = reader.IsDBNull(i) ? null : PageCells.Cap(CellValues.ToJson(reader.GetValue(i)), MaxCellCharacters, ref cellCut);
            rows.Add(values);
        }

        string? truncatedBy = more ? "rows" : null;
        var text = ResultRenderer.Render(format, columns, rows);
        if (PageCells.Size(format, columns, rows, text) > maxCharacters)
        {
            // Halve, then grow back, to find the most rows whose rendering (text and structured) fits the character cap.
            int low = 0, high = rows.Count;
            while (low < high)
            {
                var mid = (low + high + 1) / 2;
                var part = rows.Take(mid).ToList();
                if (PageCells.Size(format, columns, part, ResultRenderer.Render(format, columns, part)) <= maxCharacters)
                    low = mid;
                else
                    high = mid - 1;
            }

            if (low == 0 && rows.Count > 0)
            {
                // Not even one row fits: cut that row's cells further so the page still moves on by one row.
                var perCell = Math.Max(16, maxCharacters / (2 * Math.Max(1, columns.Count)) - 32);
                rows = [rows[0].Select(v => PageCells.Cap(v, perCell, ref cellCut)).ToArray()];
                low = 1;
                if (PageCells.Size(format, columns, rows, ResultRenderer.Render(format, columns, rows)) > maxCharacters)
                    throw McpFlowException.Invalid($"One row of this result with {columns.Count:N0} columns does not fit the {maxCharacters:N0}-character page.",
                        "Select fewer columns.");
            }

            more = more || low < rows.Count;
            rows = rows.Take(low).ToList();
            text = ResultRenderer.Render(format, columns, rows);
            truncatedBy = "characters";
        }

        if (cellCut)
            text += $"\n(Values longer than {MaxCellCharacters:N0} characters were cut and end with '…'; use substr() or length() to see them.)";
        return new QueryResult("select", columns, rows, offset, more, truncatedBy, more ? offset + rows.Count : null, null, watch.Elapsed.TotalMilliseconds, text);
    }
}
