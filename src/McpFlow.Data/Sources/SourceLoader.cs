using System.Data.Common;
using System.Text.Json;
using DuckDB.NET.Data;
using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;
using McpFlow.Core.Storage;
using McpFlow.Data.Loading;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Sources;

/// <summary>
/// Streams a source read into a workspace table: rows go through DuckDB's appender into a staging table, which replaces
/// the target in one transaction only when every row arrived, so a failed, timed-out or cancelled load never leaves a
/// partial table. The load time limit (<see cref="LoadLimits.TimeoutSeconds"/>) is also the source's statement timeout.
/// </summary>
public sealed class SourceLoader(DataDatabase database, SourceRegistry sources, McpFlowOptions options, TimeProvider time)
{
    /// <summary>Rows between progress reports and cancellation checks.</summary>
    public const int ProgressRows = 10_000;

    /// <summary>Loads <paramref name="read"/> from <paramref name="sourceName"/> into <paramref name="table"/>.</summary>
    public async Task<SourceLoadResult> LoadAsync(string sourceName, SourceRead read, string table, Action<long>? progress, CancellationToken cancellationToken)
    {
        var source = sources.Get(sourceName);
        var name = SqlText.ValidateTableName(table);
        var limits = options.Load;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(limits.TimeoutSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var token = linked.Token;
        using var connection = database.Open();
        var staging = StagingTable.NewName();
        try
        {
            await using var reader = await SourceReaders.OpenAsync(source, limits.TimeoutSeconds, token).ConfigureAwait(false);
            var inner = read.Query?.Sql ?? await reader.TableSqlAsync(read, token).ConfigureAwait(false);
            var described = await reader.DescribeAsync(inner, token).ConfigureAwait(false);
            if (described.Count > limits.MaxColumns)
                throw McpFlowException.Invalid($"The read from source '{source.Name}' has {described.Count:N0} columns; a load accepts at most {limits.MaxColumns:N0}.",
                    "Select fewer columns with query.");
            var names = Loading.RowTableWriter.UniqueNames(described.Select(c => c.Name));
            var columns = described.Select((c, i) => c with { Name = names[i] }).ToList();
            CreateTable(connection, staging, columns);
            var replaced = new long[columns.Count];
            long rows;
            await using (var data = await reader.ReadAsync(read, inner, columns, token).ConfigureAwait(false))
                rows = await AppendAsync(connection, staging, columns, reader, data, replaced, limits.MaxCellBytes, progress, token).ConfigureAwait(false);
            token.ThrowIfCancellationRequested();
            var status = Replace(connection, staging, name, source, read, columns);
            var notes = columns.Where(c => c.Note is not null).Select(c => $"{c.Name}: {c.SourceType} → {c.WorkspaceType} ({c.Note}).").ToList();
            var changed = columns.Select((c, i) => (c, n: replaced[i])).Where(x => x.n > 0).Select(x => $"{x.c.Name}: {x.n:N0} {x.c.Replaced}").ToList();
            var result = new SourceLoadResult(name, status, source.Name, source.Kind, read.What, rows, read.Limit is { } l && rows >= l, reader.DescribeSample(read),
                columns, [.. notes, .. changed.Select(c => c + ".")]);
            return result with { Replaced = changed };
        }
        catch (Exception ex)
        {
            StagingTable.Discard(connection, staging);
            if (ex is OperationCanceledException && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                throw new McpFlowException(ErrorKind.Timeout, $"Loading from source '{source.Name}' ran past the {limits.TimeoutSeconds} s load time limit and was stopped; no table was created or changed.",
                    $"Read fewer rows (limit, sample_percent), or ask the operator to raise the limit with {LoadLimits.TimeoutSwitch}.");
            if (ex is OperationCanceledException or McpFlowException)
                throw;
            if (SourceErrors.Translate(ex, source, limits.TimeoutSeconds) is { } translated)
                throw translated;
            if (ex is InvalidCastException or OverflowException)
                throw McpFlowException.Invalid($"A value read from source '{source.Name}' cannot be held by its workspace type (e.g. an infinite date or a number out of range).",
                    source.IsMySql ? "Cast the column in a query, e.g. SELECT CAST(col AS CHAR) AS col FROM …." : "Cast the column in a query, e.g. SELECT col::text AS col FROM ….");
            throw;
        }
    }

    private static void CreateTable(DuckDBConnection connection, string table, IReadOnlyList<SourceColumn> columns)
    {
        var list = columns.Select(c => $"{SqlQuote.Id(c.Name)} {DuckType(c)}");
        DataDatabase.Execute(connection, $"CREATE TABLE {SqlQuote.Id(table)} ({string.Join(", ", list)})");
    }

    // The workspace type from the closed list of ValueKind (DECIMAL's digits are integers).
    private static string DuckType(SourceColumn column) => column.Kind switch
    {
        ValueKind.Boolean or ValueKind.IntegerBoolean => "BOOLEAN",
        ValueKind.Int8 => "TINYINT",
        ValueKind.UInt8 => "UTINYINT",
        ValueKind.UInt16 => "USMALLINT",
        ValueKind.UInt32 => "UINTEGER",
        ValueKind.UInt64 => "UBIGINT",
        ValueKind.Interval => "INTERVAL",
        ValueKind.Int16 => "SMALLINT",
        ValueKind.Int32 => "INTEGER",
        ValueKind.Int64 => "BIGINT",
        ValueKind.Single => "FLOAT",
        ValueKind.Double => "DOUBLE",
        ValueKind.Decimal => column.WorkspaceType.StartsWith("DECIMAL(", StringComparison.Ordinal) ? DecimalType(column.WorkspaceType) : "DOUBLE",
        ValueKind.Date => "DATE",
        ValueKind.Timestamp => "TIMESTAMP",
        ValueKind.TimestampTz => "TIMESTAMPTZ",
        ValueKind.Time => "TIME",
        ValueKind.Uuid => "UUID",
        ValueKind.Blob => "BLOB",
        _ => column.WorkspaceType == "JSON" ? "JSON" : "VARCHAR",
    };

    private static string DecimalType(string workspaceType)
    {
        var digits = workspaceType["DECIMAL(".Length..^1].Split(',');
        return $"DECIMAL({SqlQuote.Integer(int.Parse(digits[0], System.Globalization.CultureInfo.InvariantCulture))}, {SqlQuote.Integer(int.Parse(digits[1], System.Globalization.CultureInfo.InvariantCulture))})";
    }

    private static async Task<long> AppendAsync(DuckDBConnection connection, string table, List<SourceColumn> columns, ISourceReader reader, DbDataReader data,
        long[] replaced, int maxCellBytes, Action<long>? progress, CancellationToken token)
    {
        long count = 0;
        using var appender = connection.CreateAppender(table);
        while (await data.ReadAsync(token).ConfigureAwait(false))
        {
            var row = appender.CreateRow();
            for (var i = 0; i < columns.Count; i++)
            {
                if (await data.IsDBNullAsync(i, token).ConfigureAwait(false))
                {
                    row.AppendNullValue();
                    continue;
                }

                if (reader.Append(row, data, i, columns[i], maxCellBytes))
                    replaced[i]++;
            }

            row.EndRow();
            if (++count % ProgressRows == 0)
            {
                token.ThrowIfCancellationRequested();
                progress?.Invoke(count);
            }
        }

        return count;
    }

    private string Replace(DuckDBConnection connection, string staging, string name, DatabaseSource source, SourceRead read, IReadOnlyList<SourceColumn> columns)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var optionsJson = JsonSerializer.Serialize(new { table = read.Table?.ToString(), query = read.Query?.Sql, limit = read.Limit, sample_percent = read.SamplePercent, seed = read.Seed });
        var detected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["source"] = source.Name,
            ["read"] = read.What,
            ["types"] = string.Join(", ", columns.Select(c => $"{c.Name} {c.SourceType}→{c.WorkspaceType}")),
        };
        var old = StagingTable.Publish(database, connection, staging, name,
            new TableSource(TableSource.DatabasePrefix + source.Name + "/" + read.What, source.Kind, optionsJson, 0, now, now, detected), "data_load_source");
        return old is null ? "created" : "replaced";
    }
}
