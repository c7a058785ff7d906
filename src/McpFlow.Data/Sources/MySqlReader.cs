using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using McpFlow.Core.Errors;
using McpFlow.Core.Storage;
using MySqlConnector;

namespace McpFlow.Data.Sources;

/// <summary>
/// Reads MySQL or MariaDB in one REPEATABLE READ, READ ONLY transaction (never committed) after
/// <see cref="MySqlSession"/>'s settings: UTC, the server's own per-statement time limit, an idle limit. The query (a
/// looked-up, backtick-quoted table, or a checked client query) always runs as a derived table, so a second statement,
/// <c>INTO OUTFILE</c> or a locking clause is a syntax error in the server; types without a DuckDB twin are converted in
/// the server (<see cref="MySqlTypes"/>).
/// </summary>
public sealed partial class MySqlReader : ISourceReader
{
    private readonly MySqlConnection _connection;
    private readonly MySqlTransaction _transaction;
    private readonly int _timeoutSeconds;
    private readonly bool _mariaDb;
    private readonly List<MySqlCommand> _commands = [];
    private HashSet<string> _jsonColumns = new(StringComparer.OrdinalIgnoreCase);
    private List<string> _describedNames = [];

    private MySqlReader(MySqlConnection connection, MySqlTransaction transaction, int timeoutSeconds, bool mariaDb)
    {
        _connection = connection;
        _transaction = transaction;
        _timeoutSeconds = timeoutSeconds;
        _mariaDb = mariaDb;
    }

    /// <summary>Opens the source, applies the session settings and starts the read-only transaction.</summary>
    public static async Task<MySqlReader> OpenAsync(DatabaseSource source, int timeoutSeconds, CancellationToken cancellationToken)
    {
        var connection = new MySqlConnection(MySqlSettings.Builder(source).ConnectionString);
        return await SourceReaders.OpenAsync(connection, async () =>
        {
            var mariaDb = MySqlSession.IsMariaDb(connection.ServerVersion);
            foreach (var sql in MySqlSession.Settings(mariaDb, timeoutSeconds))
            {
                await using var command = new MySqlCommand { Connection = connection, CommandText = sql, CommandTimeout = timeoutSeconds + SourceReaders.DriverGraceSeconds };
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, isReadOnly: true, cancellationToken).ConfigureAwait(false);
            return new MySqlReader(connection, transaction, timeoutSeconds, mariaDb);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<string> TableSqlAsync(SourceRead read, CancellationToken cancellationToken)
    {
        var table = read.Table!;
        // information_schema compares names without case: the exact spelling wins, the stored name is the one quoted.
        var found = await RowsAsync(
            "SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES WHERE TABLE_NAME = @p0 AND TABLE_SCHEMA = COALESCE(@p1, DATABASE()) " +
            "ORDER BY BINARY TABLE_NAME = BINARY @p0 DESC LIMIT 1",
            r => (Schema: r.GetString(0), Name: r.GetString(1)), cancellationToken, table.Name, table.Schema).ConfigureAwait(false);
        if (found.Count == 0)
            throw McpFlowException.NotFound($"source_table '{table}' is not a table or view this source's user can read.",
                "Call data_list_sources with the source to see its databases and tables (give database.table when the connection names no database).");
        var (schema, name) = found[0];
        if (_mariaDb)
        {
            // MariaDB's JSON is LONGTEXT with a json_valid check, which the result metadata does not show.
            var checks = await RowsAsync("SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = @p0 AND TABLE_NAME = @p1",
                r => r.GetString(0), cancellationToken, schema, name).ConfigureAwait(false);
            _jsonColumns = checks.Select(c => JsonCheck().Match(c)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        }

        return $"SELECT * FROM {SqlQuote.MySqlId(schema)}.{SqlQuote.MySqlId(name)}";
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SourceColumn>> DescribeAsync(string innerSql, CancellationToken cancellationToken)
    {
        var command = Command($"SELECT * FROM (\n{innerSql}\n) AS q LIMIT 0");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var schema = (await reader.GetColumnSchemaAsync(cancellationToken).ConfigureAwait(false)).Cast<MySqlDbColumn>().ToList();
        _describedNames = schema.Select(c => c.ColumnName).ToList();
        return schema.Select(c => MySqlTypes.Map(c.ColumnName, (MySqlDbType)c.ProviderType, c.DataTypeName ?? "", c.ColumnSize ?? 0, c.NumericPrecision, c.NumericScale,
            _jsonColumns.Contains(c.ColumnName))).ToList();
    }

    /// <inheritdoc />
    public async Task<DbDataReader> ReadAsync(SourceRead read, string innerSql, IReadOnlyList<SourceColumn> columns, CancellationToken cancellationToken)
    {
        var projections = string.Join(", ", columns.Select((c, i) =>
        {
            var value = "q." + SqlQuote.MySqlId(_describedNames[i]);
            return c.CastToText ? $"CAST({value} AS CHAR)" : c.CastToDouble ? $"({value} + 0e0)" : value;
        }));
        // RAND(seed) with a constant seed gives the same sequence for the same rows in the same order.
        var where = read.SamplePercent is { } percent ? $" WHERE RAND({SqlQuote.Integer(read.Seed)}) < {SqlQuote.Number(percent / 100.0)}" : "";
        var limit = read.Limit is { } l ? $" LIMIT {SqlQuote.Integer(l)}" : "";
        return await Command($"SELECT {projections} FROM (\n{innerSql}\n) AS q{where}{limit}").ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public bool Append(IDuckDBAppenderRow row, DbDataReader data, int i, SourceColumn column, int maxCellBytes)
    {
        var my = (MySqlDataReader)data;
        switch (column.Kind)
        {
            case ValueKind.Date or ValueKind.Timestamp or ValueKind.TimestampTz:
                var value = my.GetMySqlDateTime(i);
                if (!value.IsValidDateTime)
                {
                    row.AppendNullValue();
                    return true;
                }

                var at = value.GetDateTime();
                if (column.Kind == ValueKind.Date)
                    row.AppendValue(DateOnly.FromDateTime(at));
                else if (column.Kind == ValueKind.Timestamp)
                    row.AppendValue(at);
                else
                    row.AppendValue(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)));
                return false;
            case ValueKind.IntegerBoolean:
                var number = Convert.ToDecimal(my.GetValue(i), CultureInfo.InvariantCulture);
                row.AppendValue(number != 0);
                return number is not (0 or 1);
            case ValueKind.Int8: row.AppendValue(my.GetSByte(i)); return false;
            case ValueKind.UInt8: row.AppendValue(my.GetByte(i)); return false;
            case ValueKind.UInt16: row.AppendValue(my.GetUInt16(i)); return false;
            case ValueKind.UInt32: row.AppendValue(my.GetUInt32(i)); return false;
            case ValueKind.UInt64: row.AppendValue(my.GetUInt64(i)); return false;
            case ValueKind.Interval: row.AppendValue(my.GetTimeSpan(i)); return false;
            default:
                SourceValues.Append(row, data, i, column, maxCellBytes);
                return false;
        }
    }

    /// <inheritdoc />
    public string? DescribeSample(SourceRead read) => read.SamplePercent is { } p ? $"RAND({read.Seed}) < {p}% per row, in the server's row order" : null;

    /// <inheritdoc />
    public string CatalogFilter => "table_schema NOT IN ('information_schema', 'mysql', 'performance_schema', 'sys')";

    /// <inheritdoc />
    public string CatalogColumnType => "c.column_type";

    /// <inheritdoc />
    public Task<List<T>> RowsAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params object?[] parameters)
    {
        var command = Command(sql);
        for (var i = 0; i < parameters.Length; i++)
            command.Parameters.AddWithValue("@p" + i.ToString(CultureInfo.InvariantCulture), parameters[i] ?? DBNull.Value);
        return SourceReaders.RowsAsync(command, map, cancellationToken);
    }

    private MySqlCommand Command(string sql)
    {
        var command = new MySqlCommand
        {
            Connection = _connection,
            Transaction = _transaction,
            CommandText = sql,
            // The server's statement limit stops a long statement; this driver-side limit only catches a silent network.
            CommandTimeout = _timeoutSeconds + SourceReaders.DriverGraceSeconds,
        };
        _commands.Add(command);
        return command;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands)
            await command.DisposeAsync().ConfigureAwait(false);
        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    [GeneratedRegex(@"^\s*json_valid\(`((?:[^`]|``)+)`\)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JsonCheck();
}
