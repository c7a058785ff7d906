using DuckDB.NET.Data;
using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;
using McpFlow.Core.Files;
using McpFlow.Core.Storage;
using McpFlow.Data.Loading;
using McpFlow.Data.Query;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Export;

/// <summary>
/// Exports a table or a read-only query result to CSV, JSON (one object per line) or Parquet with DuckDB's
/// <c>COPY ... TO</c>, to a path the file guard accepts for writing (an allowed root, or the workspace's exports folder).
/// DuckDB writes a hidden partial file next to the target, which replaces the target only when the whole export is
/// within <see cref="ExportLimits"/>: at most <see cref="ExportLimits.MaxRows"/> rows (the query is cut one row past it)
/// and <see cref="ExportLimits.MaxBytes"/> bytes (the partial file's size is watched while it grows), finished within
/// <see cref="ExportLimits.TimeoutSeconds"/> and not cancelled. Otherwise DuckDB is interrupted and the partial file
/// deleted, so a stopped export leaves no file and an existing target untouched.
/// </summary>
public sealed class DataExporter(DataDatabase database, FileAccessGuard guard, SqlGuard sqlGuard, McpFlowOptions options, TimeProvider time)
{
    /// <summary>How often the growing file's size is checked (and reported as progress).</summary>
    public static readonly TimeSpan SizeCheckInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Writes the export; <paramref name="written"/> is told the bytes written so far while it grows.</summary>
    public ExportResult Export(string? table, string? sql, string path, string? format, bool overwrite,
        Action<long>? written = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(table) == string.IsNullOrWhiteSpace(sql))
            throw McpFlowException.Invalid("Give exactly one of table or sql.", "E.g. table=\"customers\", or sql=\"SELECT ... FROM customers\".");
        var target = guard.ResolveForWrite(path);
        if (File.Exists(target) && !overwrite)
            throw McpFlowException.Conflict($"'{Show(path)}' already exists.", "Pass overwrite=true to replace it, or choose another path.");
        var fmt = (format ?? Path.GetExtension(target).TrimStart('.')).ToLowerInvariant() switch
        {
            "csv" => "csv",
            "json" or "ndjson" or "jsonl" => "json",
            "parquet" or "pq" => "parquet",
            var other => throw McpFlowException.Invalid($"Unknown export format '{Show(other)}'.", "Use csv, json or parquet (or a path ending in .csv, .json, .parquet)."),
        };
        using var connection = database.Open();
        var source = !string.IsNullOrWhiteSpace(table)
            ? $"SELECT * FROM {SqlQuote.Id(database.Resolve(connection, table))}"
            : sqlGuard.CheckQuery(connection, sql!);
        var copyOptions = fmt switch { "csv" => "FORMAT csv, HEADER true", "json" => "FORMAT json", _ => "FORMAT parquet" };
        var partial = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid().ToString("N")[..8]}.partial");
        var (rows, bytes) = Write(connection, $"SELECT * FROM (\n{source}\n) AS mcpflow_export LIMIT {SqlQuote.Integer(options.Export.MaxRows + 1)}",
            partial, copyOptions, written, cancellationToken);
        try
        {
            File.Move(partial, target, overwrite);
        }
        catch (IOException)
        {
            Delete(partial);
            throw McpFlowException.Conflict($"'{Show(path)}' appeared while the export was written.", "Pass overwrite=true to replace it, or choose another path.");
        }

        return new ExportResult(target, fmt, rows, bytes);
    }

    private (long Rows, long Bytes) Write(DuckDBConnection connection, string query, string partial, string copyOptions,
        Action<long>? written, CancellationToken cancellationToken)
    {
        var limits = options.Export;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(limits.TimeoutSeconds), time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var tooLarge = 0;
        try
        {
            long rows;
            using (var command = connection.CreateCommand())
            {
                command.CommandText = $"COPY ({query}) TO {SqlQuote.Literal(partial)} ({copyOptions})";
                using var watch = InterruptWatch.Start(stop.Token, command.Cancel, time);
                using var sizeCheck = time.CreateTimer(_ =>
                {
                    var size = SizeOf(partial);
                    written?.Invoke(size);
                    if (size > limits.MaxBytes && Interlocked.Exchange(ref tooLarge, 1) == 0)
                        stop.Cancel();
                }, null, SizeCheckInterval, SizeCheckInterval);
                stop.Token.ThrowIfCancellationRequested();
                rows = command.ExecuteNonQuery();
            }

            stop.Token.ThrowIfCancellationRequested();
            var bytes = SizeOf(partial);
            if (rows > limits.MaxRows)
                throw McpFlowException.Invalid($"The export has more than {limits.MaxRows:N0} rows, the most one export writes; nothing was written.",
                    $"Export fewer rows (filter or aggregate with sql), or ask the operator to raise the limit with {ExportLimits.RowsSwitch}.");
            if (bytes > limits.MaxBytes)
                throw TooLarge(limits);
            return (rows, bytes);
        }
        catch (Exception ex) when (stop.IsCancellationRequested)
        {
            Delete(partial);
            if (Volatile.Read(ref tooLarge) == 1)
                throw TooLarge(limits);
            if (cancellationToken.IsCancellationRequested)
                throw new OperationCanceledException("The export was cancelled; nothing was written.", ex, cancellationToken);
            throw new McpFlowException(ErrorKind.Timeout, $"The export ran past the {limits.TimeoutSeconds} s export time limit and was stopped; nothing was written.",
                $"Export fewer rows, or ask the operator to raise the limit with {ExportLimits.TimeoutSwitch}.", ex);
        }
        catch (DuckDBException ex)
        {
            Delete(partial);
            throw McpFlowException.Invalid($"The export failed: {SqlGuard.EngineMessage(ex.Message)}", "Check the query and that the folder is writable.");
        }
        catch
        {
            Delete(partial);
            throw;
        }
    }

    private static McpFlowException TooLarge(ExportLimits limits) =>
        McpFlowException.Invalid($"The export grew past {limits.MaxBytes:N0} bytes, the largest file one export writes; it was stopped and nothing was written.",
            $"Export fewer rows or columns, or format=\"parquet\" (compressed); or ask the operator to raise the limit with {ExportLimits.BytesSwitch}.");

    private static long SizeOf(string file)
    {
        try
        {
            return File.Exists(file) ? new FileInfo(file).Length : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static void Delete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // Best effort; the partial file is hidden and named as such.
        }
    }

    private static string Show(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
