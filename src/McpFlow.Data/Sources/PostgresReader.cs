using System.Data;
using System.Data.Common;
using DuckDB.NET.Data;
using McpFlow.Core.Errors;
using McpFlow.Core.Storage;
using Npgsql;

namespace McpFlow.Data.Sources;

/// <summary>
/// Reads PostgreSQL in one READ ONLY, REPEATABLE READ transaction with a statement timeout. The query (a quoted table,
/// or a checked client query) always runs as a subquery whose columns are renamed c1..cn by position, so duplicate or
/// odd column names cannot break the outer select; types without a DuckDB twin are cast to text in the server.
/// </summary>
public sealed class PostgresReader : ISourceReader
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly int _timeoutSeconds;

    private PostgresReader(NpgsqlConnection connection, NpgsqlTransaction transaction, int timeoutSeconds)
    {
        _connection = connection;
        _transaction = transaction;
        _timeoutSeconds = timeoutSeconds;
    }

    /// <summary>Opens the source and starts the read-only transaction.</summary>
    public static async Task<PostgresReader> OpenAsync(DatabaseSource source, int timeoutSeconds, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(source.Builder().ConnectionString);
        return await SourceReaders.OpenAsync(connection, async () =>
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            var reader = new PostgresReader(connection, transaction, timeoutSeconds);
            var ms = SqlQuote.Integer(checked(timeoutSeconds * 1000L));
            await reader.ExecuteAsync("SET TRANSACTION READ ONLY", cancellationToken).ConfigureAwait(false);
            await reader.ExecuteAsync($"SET LOCAL statement_timeout = {ms}", cancellationToken).ConfigureAwait(false);
            await reader.ExecuteAsync($"SET LOCAL idle_in_transaction_session_timeout = {ms}", cancellationToken).ConfigureAwait(false);
            return reader;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<string> TableSqlAsync(SourceRead read, CancellationToken cancellationToken)
    {
        var qualified = await ResolveAsync(read.Table!, cancellationToken).ConfigureAwait(false);
        var sample = read.SamplePercent is { } percent
            ? $" TABLESAMPLE BERNOULLI ({SqlQuote.Number(percent)}) REPEATABLE ({SqlQuote.Integer(read.Seed)})"
            : "";
        return $"SELECT * FROM {qualified}{sample}";
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SourceColumn>> DescribeAsync(string innerSql, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT * FROM (\n{innerSql}\n) AS q");
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SchemaOnly, cancellationToken).ConfigureAwait(false);
        return (await reader.GetColumnSchemaAsync(cancellationToken).ConfigureAwait(false)).Cast<Npgsql.Schema.NpgsqlDbColumn>()
            .Select(c => PostgresTypes.Map(c.ColumnName, c.PostgresType, c.NumericPrecision, c.NumericScale)).ToList();
    }

    /// <inheritdoc />
    public async Task<DbDataReader> ReadAsync(SourceRead read, string innerSql, IReadOnlyList<SourceColumn> columns, CancellationToken cancellationToken)
    {
        var aliases = string.Join(", ", columns.Select((_, i) => "c" + SqlQuote.Integer(i + 1)));
        var projections = string.Join(", ", columns.Select((c, i) =>
            "q.c" + SqlQuote.Integer(i + 1) + (c.CastToText ? "::text" : c.CastToDouble ? "::float8" : "")));
        var where = "";
        if (read.Query is not null && read.SamplePercent is { } percent)
        {
            // A query has no TABLESAMPLE: rows are kept with probability percent/100 from a seeded random().
            await ExecuteAsync($"SELECT setseed({SqlQuote.Number(read.Seed / 2147483648.0)})", cancellationToken).ConfigureAwait(false);
            where = $" WHERE random() < {SqlQuote.Number(percent / 100.0)}";
        }

        var limit = read.Limit is { } l ? $" LIMIT {SqlQuote.Integer(l)}" : "";
        // Npgsql's reader outlives its command (disposing the command does not close the reader).
        await using var command = Command($"SELECT {projections} FROM (\n{innerSql}\n) AS q({aliases}){where}{limit}");
        return await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public bool Append(IDuckDBAppenderRow row, DbDataReader data, int i, SourceColumn column, int maxCellBytes)
    {
        SourceValues.Append(row, data, i, column, maxCellBytes);
        return false;
    }

    /// <inheritdoc />
    public string? DescribeSample(SourceRead read) => read.SamplePercent is { } p
        ? (read.Table is not null ? $"TABLESAMPLE BERNOULLI({p}%) REPEATABLE({read.Seed})" : $"random() < {p}% after setseed from seed {read.Seed}")
        : null;

    /// <inheritdoc />
    public string CatalogFilter => "table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg\\_toast%'";

    /// <inheritdoc />
    public string CatalogColumnType => "CASE WHEN c.data_type IN ('USER-DEFINED', 'ARRAY') THEN c.udt_name ELSE c.data_type END";

    /// <inheritdoc />
    public async Task<List<T>> RowsAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = Command(sql);
        foreach (var p in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = p ?? DBNull.Value });
        return await SourceReaders.RowsAsync(command, map, cancellationToken).ConfigureAwait(false);
    }

    // The table must be one the role can see in information_schema (so an unknown name gets an actionable error, and a
    // name is always quoted). Without a schema, the search path's first schema holding it.
    private async Task<string> ResolveAsync(SourceTableName table, CancellationToken cancellationToken)
    {
        var found = await RowsAsync(
            "SELECT table_schema FROM information_schema.tables WHERE table_name = $1 AND ($2::text IS NULL AND table_schema = ANY (current_schemas(false)) OR table_schema = $2::text) " +
            "ORDER BY array_position(current_schemas(false), table_schema::name) NULLS LAST LIMIT 1",
            r => r.GetString(0), cancellationToken, table.Name, table.Schema).ConfigureAwait(false);
        if (found.Count == 0)
            throw McpFlowException.NotFound($"source_table '{table}' is not a table or view this source's role can read.",
                "Call data_list_sources with the source to see its schemas and tables.");
        return SqlQuote.Qualified(found[0], table.Name);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private NpgsqlCommand Command(string sql) => new()
    {
        Connection = _connection,
        Transaction = _transaction,
        CommandText = sql,
        // The server's statement timeout stops a long statement; this driver-side limit only catches a silent network.
        CommandTimeout = _timeoutSeconds + SourceReaders.DriverGraceSeconds,
    };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
